/**
 * What the code rules share: the function-code rows of T03/T05/T09/T13(/T14), the economic rows of
 * T06/T07 with the cells of each code part and name, the unit a row belongs to, and findings.
 */
import type { CellRef } from '../../grid';
import { a1 } from '../../grid';
import type { Amount } from '../../amount';
import { toUnits } from '../../amount';
import type { BodyRow, BudgetBook, EconCode, FuncCode, GridTable, TableId } from '../../model';
import { gridTable } from '../../model';
import type { Finding, Severity } from '../../report';
import { TABLE_NAMES } from '../../tables/names';
import { CODE } from '../../tables/spec';
import { pushAll } from '../../list';

/** Canonical keys of code/name columns: the parser's ColumnInfo.key (tables/spec.ts). */
export const KEY = CODE;

/** Tables whose rows carry function codes with a 项 name, in the order findings prefer. */
export const FUNC_TABLES: GridTable['id'][] = ['T03', 'T05', 'T09', 'T13'];
export const ECON_TABLES: GridTable['id'][] = ['T06', 'T07'];

export interface FuncRow {
  table: GridTable;
  row: BodyRow;
  func: FuncCode;
  /** Normalised-for-display 项 name ('' when the row has none). */
  name: string;
  /** Unit code, else department code, else '*'. */
  scope: string;
}

export interface EconRow {
  table: GridTable;
  row: BodyRow;
  econ: EconCode;
  scope: string;
}

export function scopeOf(row: BodyRow): string {
  return row.unitCode ?? row.deptCode ?? '*';
}

/** Function-code rows (项 rows and 类/款 subtotal rows) of the given tables. */
export function funcRows(book: BudgetBook, ids: GridTable['id'][] = FUNC_TABLES): FuncRow[] {
  const out: FuncRow[] = [];
  for (const id of ids) {
    const t = gridTable(book, id);
    if (t) for (const r of codeRowsOf(funcCache, t, funcRowOf)) out.push(r);
  }
  return out;
}

/** Economic detail rows (5-digit, kind 'econ') of T06/T07, or the 类 subtotal rows too. */
export function econRows(book: BudgetBook, withClassRows = false): EconRow[] {
  const out: EconRow[] = [];
  for (const id of ECON_TABLES) {
    const t = gridTable(book, id);
    if (!t) continue;
    for (const r of codeRowsOf(econCache, t, econRowOf)) if (r.row.kind === 'econ' || (withClassRows && r.row.kind === 'econClass')) out.push(r);
  }
  return out;
}

function funcRowOf(t: GridTable, row: BodyRow): FuncRow | undefined {
  return row.func ? { table: t, row, func: row.func, name: row.name?.text?.trim() ?? '', scope: scopeOf(row) } : undefined;
}

/** Detail and 类 rows alike (econRows picks). */
function econRowOf(t: GridTable, row: BodyRow): EconRow | undefined {
  return row.econ && (row.kind === 'econ' || row.kind === 'econClass') ? { table: t, row, econ: row.econ, scope: scopeOf(row) } : undefined;
}

// Several code rules read the same rows: build them once per table (the rules only read them).
const funcCache = new WeakMap<GridTable, FuncRow[]>();
const econCache = new WeakMap<GridTable, EconRow[]>();
function codeRowsOf<R>(cache: WeakMap<GridTable, R[]>, t: GridTable, make: (t: GridTable, row: BodyRow) => R | undefined): R[] {
  let rows = cache.get(t);
  if (!rows) {
    rows = [];
    for (const row of t.rows) {
      const r = make(t, row);
      if (r) rows.push(r);
    }
    cache.set(t, rows);
  }
  return rows;
}

/** The list of a key in a map of lists (created empty on first use). */
export function listIn<K, V>(m: Map<K, V[]>, k: K): V[] {
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  return l;
}

/** `s` is ASCII digits only, `length` of them when given (/^\d+$/, /^\d{n}$/ without a regular expression). */
export function isDigits(s: string, length?: number): boolean {
  if (!s.length || (length !== undefined && s.length !== length)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when some body row of the table belongs to a unit (multi-unit layout). */
export function hasUnits(t: GridTable): boolean {
  return t.rows.some((r) => !!r.unitCode);
}

// ------------------------------------------------------------------ cells

/** The cell of `key` on this row, when the table has that column. */
export function columnCell(t: GridTable, row: BodyRow, key: string): CellRef | undefined {
  const c = t.columns.find((col) => col.key === key);
  return c ? { sheet: row.sheet || t.sheet, cell: a1(row.row, c.col) } : undefined;
}

/** Cell of a function-code part (0 = 类, 1 = 款, 2 = 项). A one-cell code answers its one cell. */
export function funcPartRef(r: FuncRow, part: 0 | 1 | 2): CellRef {
  const key = [KEY.lei, KEY.kuan, KEY.xiang][part];
  const refs = r.func.refs;
  if (refs.length >= 3) return refs[part];
  const byColumn = columnCell(r.table, r.row, key);
  if (byColumn && refs.some((x) => x.cell === byColumn.cell)) return byColumn;
  if (refs.length === 2) return refs[Math.min(part, 1)];
  return refs[0] ?? byColumn ?? { sheet: r.row.sheet, cell: a1(r.row.row, 1) };
}

/** The first code part where `code` departs from `other` (0 类, 1 款, 2 项). */
export function firstDifferingPart(code: string, other: string): 0 | 1 | 2 {
  if (code.slice(0, 3) !== other.slice(0, 3)) return 0;
  if (code.slice(3, 5) !== other.slice(3, 5)) return 1;
  return 2;
}

export function funcNameRef(r: FuncRow): CellRef | undefined {
  return r.row.name?.ref ?? columnCell(r.table, r.row, KEY.name);
}

/** Every code and name cell of a function row except `except`. */
export function funcRowCells(r: FuncRow, except?: CellRef): CellRef[] {
  const cells = [...r.func.refs];
  const n = funcNameRef(r);
  if (n) cells.push(n);
  return uniqueRefs(cells).filter((c) => !except || c.cell !== except.cell || c.sheet !== except.sheet);
}

export type EconSide = 'dept' | 'gov';

/**
 * Cells of an economic code: [类 or whole code, 款] for one side. T06 keeps a code in one cell, T07
 * splits it 3 + 2; the parser's refs list the dept parts first, then the gov parts.
 */
export function econCodeRefs(r: EconRow, side: EconSide): CellRef[] {
  const keys = side === 'dept' ? [KEY.econ, KEY.econLei, KEY.econKuan] : [KEY.gov, KEY.govLei, KEY.govKuan];
  const byColumn = keys.map((k) => columnCell(r.table, r.row, k)).filter((c): c is CellRef => !!c);
  const refs = r.econ.refs;
  const known = byColumn.filter((c) => refs.some((x) => x.cell === c.cell && x.sheet === c.sheet));
  if (known.length) return known;
  // No column info: split form has 4 refs (dept 类, 款, gov 类, 款), one-cell form 2 (dept, gov).
  if (refs.length >= 4) return side === 'dept' ? refs.slice(0, 2) : refs.slice(2, 4);
  if (refs.length === 2) return [side === 'dept' ? refs[0] : refs[1]];
  if (side === 'dept' && refs.length) return [refs[0]];
  return byColumn.slice(0, 1);
}

/** The cell to point at for a wrong 类 (part 0) or 款 (part 1) of one side. */
export function econPartRef(r: EconRow, side: EconSide, part: 0 | 1): CellRef | undefined {
  const refs = econCodeRefs(r, side);
  return refs[Math.min(part, refs.length - 1)];
}

export function econNameRef(r: EconRow, side: EconSide): CellRef | undefined {
  const byColumn = columnCell(r.table, r.row, side === 'dept' ? KEY.econName : KEY.govName);
  if (byColumn) return byColumn;
  // Fallback: the name sits right of the code (T06 A|B|C|D, T07 A B|C|D E|F).
  const refs = econCodeRefs(r, side);
  const last = refs[refs.length - 1];
  if (!last) return undefined;
  const m = /^([A-Z]+)(\d+)$/.exec(last.cell);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: last.sheet, cell: a1(Number(m[2]), col + 1) };
}

export function econRowCells(r: EconRow, except?: CellRef): CellRef[] {
  const cells: CellRef[] = [...econCodeRefs(r, 'dept')];
  const dn = econNameRef(r, 'dept');
  if (dn) cells.push(dn);
  pushAll(cells, econCodeRefs(r, 'gov'));
  const gn = econNameRef(r, 'gov');
  if (gn) cells.push(gn);
  return uniqueRefs(cells).filter((c) => !except || c.cell !== except.cell || c.sheet !== except.sheet);
}

export function uniqueRefs(refs: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.sheet}!${r.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ------------------------------------------------------------------ amounts

/** Non-zero once rounded to its own displayed decimals. */
export function isNonZero(a: Amount | undefined): boolean {
  return !!a && toUnits(a.scaled, Math.max(0, a.decimals)) !== 0;
}

export function tableLabel(id: TableId): string {
  return TABLE_NAMES[id];
}

// ------------------------------------------------------------------ findings

export interface FindingInput {
  rule: string;
  severity: Severity;
  at: CellRef;
  related?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  message: string;
  /** The short line after the table and cell (else the message's first sentence). */
  headline?: string;
  table?: TableId;
}

export function finding(f: FindingInput): Finding {
  const related = uniqueRefs(f.related ?? []).filter((r) => r.cell !== f.at.cell || r.sheet !== f.at.sheet);
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.at.sheet,
    cell: f.at.cell,
    related,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
    ...(f.headline ? { headline: f.headline } : {}),
    table: f.table,
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Keeps one finding per cell (the most severe; the first among equals). */
export function onePerCell(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const k = `${f.rule}|${f.sheet}!${f.cell}`;
    const prior = best.get(k);
    if (!prior || RANK[f.severity] < RANK[prior.severity]) best.set(k, f);
  }
  return [...best.values()];
}
