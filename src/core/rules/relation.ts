/**
 * Relations: "total = Σ addends", "a = b", "a ≤ b" between published amounts, evaluated exactly with
 * the 尾差 policy of rules.md §1. Rules that compare amounts build relations instead of findings, so
 * that the resolver (resolve.ts) can see every failed relation with its cells and its signed residual
 * and point one defect at one cell.
 */
import type { Amount } from '../amount';
import { SCALE_DIGITS, toUnits, unitsToNumber } from '../amount';
import type { CellRef } from '../grid';
import type { BodyRow, TableId } from '../model';
import type { Finding, Severity } from '../report';
import { classifyDelta } from '../tolerance';

/** One term of a relation. A term without `ref` is an absent cell (zero). */
export interface Term {
  ref?: CellRef;
  scaled: number;
  /** Short Chinese label for messages: "行政运行·基本支出/小计" (else built from rowName and col). */
  label?: string;
  /** Label of the row (shared by the row's terms, so big tables do not build a string per cell). */
  rowName?: string;
  table?: TableId;
  /** Sheet row of the cell (for structural hypotheses). */
  row?: number;
  /** Canonical column key of the cell. */
  col?: string;
  /** Cells that are corrected together in a "same row" hypothesis share this key (default sheet!row). */
  group?: string;
  /** An exact number (count, typed constant): not counted in m. */
  exact?: boolean;
}

/**
 * Cells of a grid table taken as rows × columns, read lazily: most relations hold, and a big table's
 * sums would otherwise build one term object per cell just to add them up.
 */
export interface Slice {
  table: TableId;
  rows: readonly BodyRow[];
  cols: readonly string[];
  /** Row label of a term (shared string per row). */
  name: (r: BodyRow) => string;
}

/** What a relation says about its table's structure (for the resolver). */
export type Shape =
  /** parent = Σ addends; `leaf`: the addends are the parent's own detail rows (where a deleted row would be missed first). */
  | { kind: 'childSum'; sheet: string; parentRow: number; col: string; level: number; leaf: boolean }
  | { kind: 'row'; sheet: string; row: number }
  | { kind: 'cross' };

export type ChildSumShape = Extract<Shape, { kind: 'childSum' }>;

export interface Relation {
  rule: string;
  /** Severity when Σlhs > Σrhs beyond tolerance. */
  severity: Severity;
  /** Severity when Σlhs < Σrhs beyond tolerance; undefined = same as `severity`, null = allowed (a ≤ b). */
  below?: Severity | null;
  /** Explicit terms of each side; a side may add a lazily read slice of cells. */
  lhs: Term[];
  rhs: Term[];
  lhsSlice?: Slice;
  rhsSlice?: Slice;
  /** Decimals of the relation's units (the finest displayed decimals of its tables). */
  decimals: number;
  /** Tables involved (also those whose side is empty). */
  tables: TableId[];
  /** Chinese description of each side, e.g. "合计" / "基本支出/小计 + 项目支出/小计". */
  lhsText: string;
  rhsText: string;
  /** Where the relation lives (sheet of the lhs) and what it is, for the message prefix. */
  where?: string;
  shape?: Shape;
  /** Inequality with mixed precision: allowed excess in units, exclusive (h_a + h_b, rules.md §1). */
  allowanceUnits?: number;
  /** Table the finding belongs to (defaults to the lhs term's table). */
  table?: TableId;
}

/** pass: holds; tail: rounding tail (info); note: beyond tolerance but only advice (info); fail: a finding to resolve. */
export type Status = 'pass' | 'tail' | 'note' | 'fail';

export interface Evaluated {
  rel: Relation;
  id: number;
  deltaUnits: number;
  lhsUnits: number;
  rhsUnits: number;
  m: number;
  status: Status;
  /** Severity of the finding this relation produces (null = none). */
  severity: Severity | null;
}

/** Term from an Amount (blank or missing = 0, but the cell is still named when it exists). */
export function term(amount: Amount | undefined, label: string, extra?: Partial<Term>): Term {
  const t: Term = { ref: amount?.ref, scaled: amount ? amount.scaled : 0, label };
  if (extra) Object.assign(t, extra);
  return t;
}

export function labelOf(t: Term): string {
  if (t.label) return t.label;
  if (t.rowName !== undefined) return t.col ? `${t.rowName}·${t.col}` : t.rowName;
  return t.ref?.cell ?? '';
}

/** Units of a term in the relation's decimals (round half-up, rules.md §1). */
export function unitsOf(t: Term, decimals: number): number {
  return toUnits(t.scaled, decimals);
}

/** A side made only of exact numbers (counts, typed constants): rules.md §1 "one side exact". */
function exactSide(ts: Term[], sl: Slice | undefined): boolean {
  if (sl || !ts.length) return false;
  for (const t of ts) if (!t.exact) return false;
  return true;
}

/** Status of a residual for a relation with m rounded terms (shared by evaluation and the resolver). */
export function statusOf(rel: Relation, deltaUnits: number, m: number): { status: Status; severity: Severity | null } {
  if (deltaUnits === 0) return { status: 'pass', severity: null };
  const side = deltaUnits > 0 ? rel.severity : rel.below === undefined ? rel.severity : rel.below;
  if (side === null) return { status: 'pass', severity: null };
  if (rel.allowanceUnits !== undefined) {
    // Exclusive allowance h_a + h_b: within it a rounding effect (info), beyond it the rule's severity.
    if (Math.abs(deltaUnits) < rel.allowanceUnits) return { status: 'tail', severity: 'info' };
    return { status: side === 'info' ? 'note' : 'fail', severity: side };
  }
  const v = classifyDelta(deltaUnits, m, exactSide(rel.lhs, rel.lhsSlice) || exactSide(rel.rhs, rel.rhsSlice));
  if (v.kind === 'pass') return { status: 'pass', severity: null };
  if (v.kind === 'tail') return { status: 'tail', severity: 'info' };
  if (side === 'info') return { status: 'note', severity: 'info' };
  if (v.kind === 'improbable') return { status: 'fail', severity: 'warning' };
  return { status: 'fail', severity: side };
}

/** Term of one slice cell. */
export function sliceTerm(sl: Slice, r: BodyRow, col: string): Term {
  const a = r.amounts[col];
  return { ref: a?.ref, scaled: a ? a.scaled : 0, rowName: sl.name(r), table: sl.table, row: r.row, col };
}

/** All terms of one side (explicit ones first, then the slice's cells). */
export function termsOf(rel: Relation, side: 'lhs' | 'rhs'): Term[] {
  const sl = side === 'lhs' ? rel.lhsSlice : rel.rhsSlice;
  const explicit = side === 'lhs' ? rel.lhs : rel.rhs;
  if (!sl) return explicit;
  const out = explicit.slice();
  for (const r of sl.rows) for (const c of sl.cols) out.push(sliceTerm(sl, r, c));
  return out;
}

export function allTerms(rel: Relation): Term[] {
  return termsOf(rel, 'lhs').concat(termsOf(rel, 'rhs'));
}

/** Where a cell visited by eachCell comes from: an explicit term, or a slice's row and column. */
export interface CellSource {
  term?: Term;
  slice?: Slice;
  row?: BodyRow;
  col?: string;
}

/** The term of a visited cell (built only when asked for). */
export function termOfSource(s: CellSource): Term {
  return s.term ?? sliceTerm(s.slice!, s.row!, s.col!);
}

/**
 * Calls fn for every cell of a side without building terms (ref undefined for an absent cell);
 * fn returns true to stop. Returns true when stopped. `src` is reused between calls.
 */
export function eachCell(rel: Relation, side: 'lhs' | 'rhs', fn: (ref: CellRef | undefined, src: CellSource) => boolean | void): boolean {
  const src: CellSource = {};
  for (const t of side === 'lhs' ? rel.lhs : rel.rhs) {
    src.term = t;
    if (fn(t.ref, src)) return true;
  }
  src.term = undefined;
  const sl = side === 'lhs' ? rel.lhsSlice : rel.rhsSlice;
  if (!sl) return false;
  src.slice = sl;
  for (const r of sl.rows) {
    src.row = r;
    for (const c of sl.cols) {
      src.col = c;
      if (fn(r.amounts[c]?.ref, src)) return true;
    }
  }
  return false;
}

function sideUnits(ts: Term[], sl: Slice | undefined, d: number): { units: number; m: number } {
  const step = 10 ** (SCALE_DIGITS - d);
  let units = 0;
  let m = 0;
  for (const t of ts) {
    const s = t.scaled;
    if (s === 0) continue;
    const u = s % step === 0 ? s / step : toUnits(s, d);
    units += u;
    if (u !== 0 && !t.exact) m++;
  }
  if (sl) {
    for (const r of sl.rows) {
      for (const c of sl.cols) {
        const a = r.amounts[c];
        if (!a || a.scaled === 0) continue;
        // Published amounts are whole units already: divide exactly; otherwise round half-up.
        const u = a.scaled % step === 0 ? a.scaled / step : toUnits(a.scaled, d);
        units += u;
        if (u !== 0) m++;
      }
    }
  }
  return { units, m };
}

export function evaluate(rel: Relation, id = 0): Evaluated {
  const l = sideUnits(rel.lhs, rel.lhsSlice, rel.decimals);
  const r = sideUnits(rel.rhs, rel.rhsSlice, rel.decimals);
  const lhsUnits = l.units;
  const rhsUnits = r.units;
  const m = l.m + r.m;
  const deltaUnits = lhsUnits - rhsUnits;
  const { status, severity } = statusOf(rel, deltaUnits, m);
  return { rel, id, deltaUnits, lhsUnits, rhsUnits, m, status, severity };
}

/** Formats units of a relation as a plain number text ("117.5", "1990.50"). */
export function fmtUnits(units: number, decimals: number): string {
  const neg = units < 0;
  const abs = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  return neg ? `-${text}` : text;
}

export function num(units: number, decimals: number): number {
  return unitsToNumber(units, decimals);
}

export const MAX_RELATED = 30;
/** Rounding tails list fewer cells: there can be thousands of them in a large workbook. */
export const MAX_RELATED_INFO = 8;

/** The other cells of a relation (lhs first), without `except`, capped. */
export function relatedCells(rels: Relation[], except?: CellRef, max = MAX_RELATED): CellRef[] {
  const seen = new Set<string>();
  if (except) seen.add(`${except.sheet}!${except.cell}`);
  const out: CellRef[] = [];
  let visited = 0;
  const add = (ref: CellRef | undefined): boolean => {
    // Stop when enough cells are listed (or after a fair look through sparse columns).
    if (out.length >= max || ++visited > max * 8) return true;
    if (!ref) return false;
    const k = `${ref.sheet}!${ref.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    out.push(ref);
    return false;
  };
  for (const r of rels) {
    if (eachCell(r, 'lhs', add) || eachCell(r, 'rhs', add)) break;
  }
  return out;
}

/** "收入总计 149.8 ≠ 本年收入合计 + 上年结转结余 149.7（差 0.1）". */
export function describe(e: Evaluated): string {
  const d = e.rel.decimals;
  const lhs = e.rel.lhsText;
  const rhs = e.rel.rhsText;
  const gap = fmtUnits(Math.abs(e.deltaUnits), d);
  const op = e.rel.below === null ? '>' : '≠';
  return `${e.rel.where ? e.rel.where + '：' : ''}${lhs} ${fmtUnits(e.lhsUnits, d)} ${op} ${rhs} ${fmtUnits(e.rhsUnits, d)}（差 ${gap}）`;
}

/** The cell a relation points at by default: the first lhs cell, else the first rhs cell. */
export function defaultCell(rel: Relation): CellRef | undefined {
  let found: CellRef | undefined;
  const pick = (ref: CellRef | undefined): boolean => {
    if (ref) found = ref;
    return !!ref;
  };
  if (!eachCell(rel, 'lhs', pick)) eachCell(rel, 'rhs', pick);
  return found;
}

/** One finding for one evaluated relation, at its lhs (total) cell — rules.md's default. */
export function relationFinding(e: Evaluated, severity: Severity = e.severity ?? 'info'): Finding {
  const cell = defaultCell(e.rel);
  const d = e.rel.decimals;
  const isTail = e.status === 'tail';
  const prefix = isTail ? '尾差：' : '';
  const message = `${prefix}${describe(e)}${isTail ? '，在四舍五入允许范围内' : ''}`;
  return {
    rule: e.rel.rule,
    severity,
    sheet: cell?.sheet ?? '',
    cell: cell?.cell ?? '',
    related: relatedCells([e.rel], cell, severity === 'info' ? MAX_RELATED_INFO : MAX_RELATED),
    expected: num(e.rhsUnits, d),
    actual: num(e.lhsUnits, d),
    message,
    table: e.rel.table ?? e.rel.lhs[0]?.table ?? e.rel.lhsSlice?.table ?? e.rel.rhs[0]?.table,
  };
}

/** Findings of relations taken one by one (no resolution): what `Rule.check` returns. */
export function relationsToFindings(rels: Relation[]): Finding[] {
  const out: Finding[] = [];
  rels.forEach((r, i) => {
    const e = evaluate(r, i);
    if (e.severity) out.push(relationFinding(e));
  });
  return out;
}
