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
import { qualifiedRowLabel, rowLabel, tableName } from './labels';

/** One term of a relation. A term without `ref` is an absent cell (zero). */
export interface Term {
  ref?: CellRef;
  scaled: number;
  /** Short Chinese label for messages: "行政运行·基本支出/小计" (else built from rowName and col). */
  label?: string;
  /** Label of the row (shared by the row's terms, so big tables do not build a string per cell). */
  rowName?: string;
  /** Or the grid row of the cell: its label is then built only when a message needs it (rowNameOf). */
  body?: BodyRow;
  /** With `body`: the label names the table first ("部门支出总体情况表 行政运行（2010301）"). */
  qualified?: boolean;
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
  /** Or the grid row of `table` it is about: the prefix "表名 行名" is then built only for a message. */
  whereRow?: BodyRow;
  shape?: Shape;
  /** Inequality with mixed precision: allowed excess in units, exclusive (h_a + h_b, rules.md §1). */
  allowanceUnits?: number;
  /** Table the finding belongs to (defaults to the lhs term's table). */
  table?: TableId;
  /** The side totals a builder already took from the same cells (see evaluate), so they are not read twice. */
  known?: KnownSums;
}

/** Side totals in units of the relation's decimals, and m (non-zero rounded terms of both sides). */
export interface KnownSums {
  lhsUnits: number;
  rhsUnits: number;
  m: number;
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

/** The row label of a term (built from its grid row when it has one). */
export function rowNameOf(t: Term): string | undefined {
  if (t.rowName !== undefined || !t.body) return t.rowName;
  return t.qualified ? qualifiedRowLabel(t.table!, t.body) : rowLabel(t.body);
}

export function labelOf(t: Term): string {
  if (t.label) return t.label;
  const rowName = rowNameOf(t);
  if (rowName !== undefined) return t.col ? `${rowName}·${t.col}` : rowName;
  return t.ref?.cell ?? '';
}

/** The message prefix of a relation. */
export function whereOf(rel: Relation): string | undefined {
  if (rel.where !== undefined || !rel.whereRow) return rel.where;
  return qualifiedRowLabel(rel.table!, rel.whereRow);
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

type Outcome = Readonly<{ status: Status; severity: Severity | null }>;
const PASS: Outcome = { status: 'pass', severity: null };
const TAIL: Outcome = { status: 'tail', severity: 'info' };
const NOTE: Outcome = { status: 'note', severity: 'info' };
const FAIL: Record<Severity, Outcome> = {
  error: { status: 'fail', severity: 'error' },
  warning: { status: 'fail', severity: 'warning' },
  info: { status: 'fail', severity: 'info' },
};

/** Status of a residual for a relation with m rounded terms (shared by evaluation and the resolver). */
export function statusOf(rel: Relation, deltaUnits: number, m: number): Outcome {
  if (deltaUnits === 0) return PASS;
  const side = deltaUnits > 0 ? rel.severity : rel.below === undefined ? rel.severity : rel.below;
  if (side === null) return PASS;
  if (rel.allowanceUnits !== undefined) {
    // Exclusive allowance h_a + h_b: within it a rounding effect (info), beyond it the rule's severity.
    if (Math.abs(deltaUnits) < rel.allowanceUnits) return TAIL;
    return side === 'info' ? NOTE : FAIL[side];
  }
  const v = classifyDelta(deltaUnits, m, exactSide(rel.lhs, rel.lhsSlice) || exactSide(rel.rhs, rel.rhsSlice));
  if (v.kind === 'pass') return PASS;
  if (v.kind === 'tail') return TAIL;
  if (side === 'info') return NOTE;
  if (v.kind === 'improbable') return FAIL.warning;
  return FAIL[side];
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

/** Running sums of evaluate (no object per side): units in the relation's decimals, and m. */
let accUnits = 0;
let accM = 0;

/** Adds one side's units (rounded half-up per term, rules.md §1) and its count of non-zero rounded terms. */
function addSide(ts: Term[], sl: Slice | undefined, d: number): void {
  const step = stepOf(d);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const s = t.scaled;
    if (s === 0) continue;
    const q = s / step;
    const u = Number.isInteger(q) ? q : toUnits(s, d);
    accUnits += u;
    if (u !== 0 && !t.exact) accM++;
  }
  if (!sl) return;
  const rows = sl.rows;
  const cols = sl.cols;
  for (let i = 0; i < rows.length; i++) {
    const amounts = rows[i].amounts;
    for (let j = 0; j < cols.length; j++) {
      const a = amounts[cols[j]];
      if (!a) continue;
      const s = a.scaled;
      if (s === 0) continue;
      // Published amounts are whole units already: divide exactly; otherwise round half-up.
      const q = s / step;
      const u = Number.isInteger(q) ? q : toUnits(s, d);
      accUnits += u;
      if (u !== 0) accM++;
    }
  }
}

export function evaluate(rel: Relation, id = 0): Evaluated {
  let lhsUnits: number;
  let rhsUnits: number;
  let m: number;
  if (rel.known) ({ lhsUnits, rhsUnits, m } = rel.known);
  else {
    const d = rel.decimals;
    accUnits = 0;
    accM = 0;
    addSide(rel.lhs, rel.lhsSlice, d);
    lhsUnits = accUnits;
    accUnits = 0;
    addSide(rel.rhs, rel.rhsSlice, d);
    rhsUnits = accUnits;
    m = accM;
  }
  const deltaUnits = lhsUnits - rhsUnits;
  const { status, severity } = statusOf(rel, deltaUnits, m);
  return { rel, id, deltaUnits, lhsUnits, rhsUnits, m, status, severity };
}

// ---------------------------------------------------------------- first pass

/**
 * runRules's first pass keeps only the relations that do not hold. While it runs, the builders of
 * the big relation families (row identities, child sums, per-cell comparisons) may leave out a
 * relation whose two sides are already equal in units, without building it: most relations of a
 * large workbook hold, and building them only to drop them costs more than the check itself.
 * Everywhere else (rule.check, tests, the second pass when something fails) every relation is built.
 */
let leavingOut = false;

/** Runs `build` with leaving out allowed (runRules's first pass). */
export function buildingUnheld<T>(build: () => T): T {
  const was = leavingOut;
  leavingOut = true;
  try {
    return build();
  } finally {
    leavingOut = was;
  }
}

/**
 * May a builder leave out a relation with these side totals (units)? Only one that holds outright
 * (statusOf's first answers): equal sides, or a smaller lhs where that is allowed (below === null).
 */
export function mayLeaveOut(lhsUnits: number, rhsUnits: number, below?: Severity | null): boolean {
  return leavingOut && (lhsUnits === rhsUnits || (below === null && lhsUnits < rhsUnits));
}

/** Is leaving out allowed now? (Builders check this before they add up a relation's sides.) */
export function leavingOutHeld(): boolean {
  return leavingOut;
}

/** Units (10^-d, half-up) of one amount, as evaluate counts a term. */
export function amountUnits(a: Amount | undefined, d: number): number {
  return a ? scaledUnits(a.scaled, d) : 0;
}

/** Units (10^-d, half-up) of a scaled value. */
export function scaledUnits(s: number, d: number): number {
  if (s === 0) return 0;
  const q = s / stepOf(d);
  // Published amounts are whole units: the quotient is then exact (an integer iff the division is,
  // for safe integers and steps up to 10^6), which is faster to test than a remainder.
  return Number.isInteger(q) ? q : toUnits(s, d);
}

const STEPS = [1e6, 1e5, 1e4, 1e3, 1e2, 10, 1];
/** Scaled value of one unit of 10^-d: 10^(6−d), from a table (a power is slow in a loop of cells). */
function stepOf(d: number): number {
  return d >= 0 && d <= SCALE_DIGITS && Number.isInteger(d) ? STEPS[d] : 10 ** (SCALE_DIGITS - d);
}

/** Σ units of the cells `cols` of one row. */
export function rowUnits(r: BodyRow, cols: readonly string[], d: number): number {
  let u = 0;
  for (let j = 0; j < cols.length; j++) u += amountUnits(r.amounts[cols[j]], d);
  return u;
}

/** Formats units of a relation as a plain number text ("117.5", "1990.50"). */
export function fmtUnits(units: number, decimals: number): string {
  const neg = units < 0;
  const abs = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  return neg ? `-${text}` : text;
}

export function num(units: number, decimals: number): number {
  // units / 10^d is already the double nearest to the decimal (what unitsToNumber's text round trip
  // gives) while |units| < 2^52 and 10^d is exact; a zero stays +0 as there.
  if (units === 0) return 0;
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 22 && Math.abs(units) < 2 ** 52 && Number.isInteger(units)) return units / 10 ** decimals;
  return unitsToNumber(units, decimals);
}

export const MAX_RELATED = 30;
/** Rounding tails list fewer cells: there can be thousands of them in a large workbook. */
export const MAX_RELATED_INFO = 8;

/** The other cells of a relation (lhs first), without `except`, capped. */
export function relatedCells(rels: Relation[], except?: CellRef, max = MAX_RELATED): CellRef[] {
  const list = new RelatedList(except, max);
  for (const r of rels) {
    if (list.side(r.lhs, r.lhsSlice) || list.side(r.rhs, r.rhsSlice)) break;
  }
  return list.out;
}

/** The cells relatedCells collects, distinct by sheet and cell (a list of at most `max`: a scan beats a set). */
class RelatedList {
  readonly out: CellRef[] = [];
  private visited = 0;
  private readonly limit: number;
  constructor(
    private except: CellRef | undefined,
    private max: number,
  ) {
    // Stop when enough cells are listed, or after a fair look through sparse columns.
    this.limit = max * 8;
  }

  /** Visits the cells of one side in order; true when the list is complete. */
  side(ts: Term[], sl: Slice | undefined): boolean {
    for (let i = 0; i < ts.length; i++) if (this.add(ts[i].ref)) return true;
    if (!sl) return false;
    const rows = sl.rows;
    const cols = sl.cols;
    for (let i = 0; i < rows.length; i++) {
      const amounts = rows[i].amounts;
      for (let j = 0; j < cols.length; j++) if (this.add(amounts[cols[j]]?.ref)) return true;
    }
    return false;
  }

  private add(ref: CellRef | undefined): boolean {
    if (this.out.length >= this.max || ++this.visited > this.limit) return true;
    if (ref && !this.has(ref)) this.out.push(ref);
    return false;
  }

  private has(ref: CellRef): boolean {
    const x = this.except;
    if (x && x.cell === ref.cell && x.sheet === ref.sheet) return true;
    const out = this.out;
    for (let i = 0; i < out.length; i++) if (out[i].cell === ref.cell && out[i].sheet === ref.sheet) return true;
    return false;
  }
}

/** "收入总计 149.8 ≠ 本年收入合计 + 上年结转结余 149.7（差 0.1）": one relation in full, for 详情. */
export function describe(e: Evaluated): string {
  const d = e.rel.decimals;
  const lhs = e.rel.lhsText;
  const rhs = e.rel.rhsText;
  const gap = fmtUnits(Math.abs(e.deltaUnits), d);
  const op = e.rel.below === null ? '>' : '≠';
  const where = whereOf(e.rel);
  return `${where ? where + '：' : ''}${lhs} ${fmtUnits(e.lhsUnits, d)} ${op} ${rhs} ${fmtUnits(e.rhsUnits, d)}（差 ${gap}）`;
}

/** 详情 of several relations: one per line, capped (a total can take part in hundreds). */
export function describeAll(rels: Evaluated[], max = 6): string {
  const lines = rels.slice(0, max).map(describe);
  if (rels.length > max) lines.push(`另有 ${rels.length - max} 个等式，未逐一列出`);
  return lines.join('\n');
}

/** Table names at the start of a text ("部门支出总体情况表 合计" → "合计"): the headline names the table already. */
function stripTableName(text: string, table?: TableId): string {
  const name = table ? tableName(table) : undefined;
  let t = text.trim();
  if (name && t.startsWith(name)) t = t.slice(name.length).trim();
  return t.replace(/^[：:]/, '').trim();
}

/** A label without its codes, for a headline: "基本工资（30101/50501）·人员经费" → "基本工资·人员经费". */
export function shortLabel(label: string): string {
  const parts = label.replace(/（[0-9A-Za-z/+、 ]+）/g, '').replace(/\s+/g, ' ').trim().split('·');
  const kept = parts.filter((p, i) => p && p !== parts[i - 1]);
  // "上年结转结余/合计·合计" (a 合计 column in the 合计 row) reads "合计行·上年结转结余/合计".
  if (kept.length === 2 && kept.includes('合计') && kept.some((q) => q !== '合计' && q.endsWith('合计'))) return `合计行·${kept.find((q) => q !== '合计')}`;
  return kept.join('·');
}

/** What the relation is about, once: "基本工资·合计", never "合计·合计". */
export function subjectOf(rel: Relation): string {
  const table = rel.table ?? rel.lhs[0]?.table ?? rel.lhsSlice?.table;
  const where = shortLabel(rel.whereRow ? rowLabel(rel.whereRow) : stripTableName(rel.where ?? '', table));
  const lhs = shortLabel(stripTableName(rel.lhsText, table));
  const parts = [where, lhs].filter((p) => p && !/^[（(].*[)）]$/.test(p));
  if (parts.length === 2 && (parts[0] === parts[1] || parts[1].startsWith(parts[0]))) parts.shift();
  return shortLabel(parts.join('·')) || rel.lhsText;
}

/** The other side in a few words: the text itself when short, else "各项之和". */
export function otherSideOf(rel: Relation): string {
  const table = rel.table ?? rel.lhs[0]?.table ?? rel.lhsSlice?.table;
  const rhs = shortLabel(stripTableName(rel.rhsText, table));
  return rhs.length <= 24 && rhs.split(' + ').length <= 2 ? rhs : '各项之和';
}

/** The headline (without table and cell) of one relation that does not hold. */
export function relationHeadline(e: Evaluated): string {
  const gap = fmtUnits(Math.abs(e.deltaUnits), e.rel.decimals);
  const subject = subjectOf(e.rel);
  if (e.status === 'tail') return `${subject}：尾差 ${gap}，在四舍五入允许范围内，无需修改`;
  const more = e.rel.below === null ? '超过' : e.deltaUnits > 0 ? '多于' : '少于';
  const other = otherSideOf(e.rel);
  return `${subject}${more}${/^[A-Za-z0-9]/.test(other) ? ' ' : ''}${other} ${gap}${e.status === 'note' ? '，请核对' : ''}`;
}

/** The cell a relation points at by default: the first lhs cell, else the first rhs cell. */
export function defaultCell(rel: Relation): CellRef | undefined {
  return firstCell(rel.lhs, rel.lhsSlice) ?? firstCell(rel.rhs, rel.rhsSlice);
}

function firstCell(ts: Term[], sl: Slice | undefined): CellRef | undefined {
  for (let i = 0; i < ts.length; i++) if (ts[i].ref) return ts[i].ref;
  if (!sl) return undefined;
  for (const r of sl.rows) {
    for (const c of sl.cols) {
      const ref = r.amounts[c]?.ref;
      if (ref) return ref;
    }
  }
  return undefined;
}

/**
 * One finding for one evaluated relation, at its lhs (total) cell — rules.md's default. Which side is
 * wrong is unknown here, so there is no 应为 (`expected` stays null); a tail needs no change at all.
 */
export function relationFinding(e: Evaluated, severity: Severity = e.severity ?? 'info'): Finding {
  const cell = defaultCell(e.rel);
  const isTail = e.status === 'tail';
  const message = `${isTail ? '尾差：' : ''}${describe(e)}${isTail ? '，在四舍五入允许范围内' : ''}`;
  const f = findingAt(e, severity, cell, message, relatedCells([e.rel], cell, severity === 'info' ? MAX_RELATED_INFO : MAX_RELATED));
  f.headline = relationHeadline(e);
  f.detail = describe(e);
  return f;
}

/** The finding of a relation at its default cell, with the message and related cells given. */
export function findingAt(e: Evaluated, severity: Severity, cell: CellRef | undefined, message: string, related: CellRef[]): Finding {
  const d = e.rel.decimals;
  return {
    rule: e.rel.rule,
    severity,
    sheet: cell?.sheet ?? '',
    cell: cell?.cell ?? '',
    related,
    expected: null,
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
