/**
 * Shared helpers for the table rules: which amount columns a grid table has, how its body rows nest
 * (合计 → department → unit → 类/款 subtotal → detail), and builders for the two relation shapes
 * every grid table has: a row identity (合计 = 基本支出 + 项目支出) and a child sum (parent = Σ children).
 */
import type { Amount } from '../../amount';
import { parseA1 } from '../../grid';
import type { BodyRow, GridTable, TableId } from '../../model';
import type { Severity } from '../../report';
import { rowLabel, tableName } from '../labels';
import type { KnownSums, Relation, Slice, Term } from '../relation';
import { amountUnits, leavingOutHeld, mayLeaveOut, rowUnits, scaledUnits } from '../relation';
import type { TableCells } from '../../table-cells';
import { recordCells, recordedCells } from '../../table-cells';

export { rowLabel, tableName } from '../labels';

/** Amount column keys present in a grid table, in sheet order. */
export function amountColumns(t: GridTable): string[] {
  const pos = new Map<string, number>();
  for (const c of t.columns) pos.set(c.key, c.col);
  const keys = new Set<string>();
  for (const r of t.rows) for (const k of Object.keys(r.amounts)) keys.add(k);
  const colOf = (k: string): number => {
    const p = pos.get(k);
    if (p !== undefined) return p;
    for (const r of t.rows) {
      const a = r.amounts[k];
      if (a?.ref) return parseA1(a.ref.cell).col;
    }
    return 1e9;
  };
  return [...keys].sort((a, b) => colOf(a) - colOf(b));
}

/** Does the table have this amount column (header or any row)? */
export function hasColumn(t: GridTable, key: string): boolean {
  if (t.columns.some((c) => c.key === key)) return true;
  return t.rows.some((r) => r.amounts[key] !== undefined);
}

export type Level = 0 | 1 | 2 | 3 | 4 | 5;

export interface Node {
  row: BodyRow;
  /** Position of the row in the table's rows. */
  index: number;
  level: Level;
  parent?: Node;
  children: Node[];
  detail: boolean;
}

export interface Hierarchy {
  total?: Node;
  nodes: Node[];
  details: Node[];
}

function isDetail(r: BodyRow): boolean {
  switch (r.kind) {
    case 'func':
      return !!r.func && r.func.xiang !== undefined && r.func.kuan !== undefined;
    case 'econ':
    case 'project':
    case 'item':
      return true;
    default:
      return false;
  }
}

const hierarchyCache = new WeakMap<GridTable, Hierarchy>();
/** The nesting of a table's body rows (built once per table; callers only read it). */
export function hierarchy(t: GridTable): Hierarchy {
  let h = hierarchyCache.get(t);
  if (!h) hierarchyCache.set(t, (h = buildHierarchy(t)));
  return h;
}

/** Builds the nesting of body rows by scanning them in sheet order (a fresh copy the caller may change). */
export function buildHierarchy(t: GridTable): Hierarchy {
  const nodes: Node[] = [];
  const details: Node[] = [];
  let total: Node | undefined;
  let dept: Node | undefined;
  let unit: Node | undefined;
  let lei: Node | undefined;
  let kuan: Node | undefined;
  const attach = (n: Node, p: Node | undefined): void => {
    if (p) {
      n.parent = p;
      p.children.push(n);
    }
    nodes.push(n);
  };
  const codeOf = (n: Node | undefined): string => n?.row.func?.code ?? n?.row.econ?.dept ?? '';
  for (let index = 0; index < t.rows.length; index++) {
    const r = t.rows[index];
    const n: Node = { row: r, index, level: 5, parent: undefined, children: [], detail: false };
    switch (r.kind) {
      case 'total':
        if (total) continue; // a repeated 合计 (page break) is not a second total
        n.level = 0;
        total = n;
        dept = unit = lei = kuan = undefined;
        nodes.push(n);
        continue;
      case 'dept':
        n.level = 1;
        attach(n, total);
        dept = n;
        unit = lei = kuan = undefined;
        continue;
      case 'unit':
        n.level = 2;
        attach(n, dept ?? total);
        unit = n;
        lei = kuan = undefined;
        continue;
      case 'econClass':
        n.level = 3;
        attach(n, unit ?? dept ?? total);
        lei = n;
        kuan = undefined;
        continue;
      case 'func':
        if (r.func && r.func.kuan === undefined) {
          n.level = 3;
          attach(n, unit ?? dept ?? total);
          lei = n;
          kuan = undefined;
          continue;
        }
        if (r.func && r.func.xiang === undefined) {
          n.level = 4;
          attach(n, lei && r.func.code.startsWith(codeOf(lei)) ? lei : unit ?? dept ?? total);
          kuan = n;
          continue;
        }
        break;
      default:
        break;
    }
    if (!isDetail(r)) continue;
    n.detail = true;
    const code = r.func?.code ?? r.econ?.dept ?? '';
    const sub = kuan && code.startsWith(codeOf(kuan)) ? kuan : lei && code.startsWith(codeOf(lei)) ? lei : undefined;
    attach(n, sub ?? unit ?? dept ?? total);
    details.push(n);
  }
  return { total, nodes, details };
}

export interface RuleIds {
  /** parent = 合计, addends = detail rows. */
  colSum: string;
  /** parent = 合计/department/unit, addends = department or unit rows; or department/unit = Σ detail rows. */
  rollup: string;
  /** parent = 类/款 subtotal row. */
  subtotal: string;
}

export type { TableCells } from '../../table-cells';

/** The table's cells (table-cells.ts): as the parser recorded them, else read from the rows once. */
export function tableCells(t: GridTable): TableCells {
  let c = recordedCells(t);
  if (c) return c;
  // The amount columns as the first rows show them (any other key is simply read from its row).
  const keys = new Set<string>();
  for (let i = 0; i < t.rows.length && i < 20; i++) for (const k of Object.keys(t.rows[i].amounts)) keys.add(k);
  const list = [...keys];
  const width = list.length;
  const cols = new Map(list.map((k, j) => [k, j]));
  const scaled = new Float64Array(t.rows.length * width);
  const others = new Set<string>();
  for (let i = 0; i < t.rows.length; i++) {
    const amounts = t.rows[i].amounts;
    // Walking a row's own keys reads its cells faster than looking each column up.
    for (const k in amounts) {
      if (!Object.prototype.hasOwnProperty.call(amounts, k)) continue;
      const j = cols.get(k);
      if (j !== undefined) scaled[i * width + j] = amounts[k]?.scaled ?? 0;
      else others.add(k);
    }
  }
  c = { cols, width, scaled, others };
  recordCells(t, c);
  return c;
}

/** Scaled amount of the cell `col` of the row at position i (0 when absent). */
export function scaledAt(t: GridTable, c: TableCells, i: number, col: string): number {
  const j = c.cols.get(col);
  return j === undefined ? t.rows[i].amounts[col]?.scaled ?? 0 : c.scaled[i * c.width + j];
}

/**
 * Running side totals of a relation being built from a table's cells: units (of the table's
 * decimals) and m as evaluate would find them (every cell here is a plain, non-exact term).
 */
class Sums {
  lhs = 0;
  rhs = 0;
  m = 0;
  private d: number;
  constructor(
    private t: GridTable,
    private c: TableCells,
  ) {
    this.d = t.decimals;
  }

  clear(): this {
    this.lhs = this.rhs = this.m = 0;
    return this;
  }

  /** Adds the cell `col` of the row at position i to a side. */
  cell(side: 'lhs' | 'rhs', i: number, col: string): this {
    this.add(side, scaledAt(this.t, this.c, i, col));
    return this;
  }

  /** Adds the cells `cols` of the row at position i to a side. */
  cells(side: 'lhs' | 'rhs', i: number, cols: readonly string[]): this {
    for (let k = 0; k < cols.length; k++) this.cell(side, i, cols[k]);
    return this;
  }

  /** Adds the cells `col` of the nodes' rows to a side. */
  column(side: 'lhs' | 'rhs', nodes: readonly Node[], col: string): this {
    const j = this.c.cols.get(col);
    if (j === undefined) {
      for (let k = 0; k < nodes.length; k++) this.add(side, nodes[k].row.amounts[col]?.scaled ?? 0);
      return this;
    }
    const { scaled, width } = this.c;
    for (let k = 0; k < nodes.length; k++) this.add(side, scaled[nodes[k].index * width + j]);
    return this;
  }

  /** The totals for a relation that is kept (undefined when it holds and may be left out). */
  keep(): KnownSums | undefined {
    return mayLeaveOut(this.lhs, this.rhs) ? undefined : { lhsUnits: this.lhs, rhsUnits: this.rhs, m: this.m };
  }

  private add(side: 'lhs' | 'rhs', scaled: number): void {
    if (scaled === 0) return;
    const v = scaledUnits(scaled, this.d);
    if (side === 'lhs') this.lhs += v;
    else this.rhs += v;
    if (v !== 0) this.m++;
  }
}

/** rowLabel under its older name (row labels are built on demand, not cached: most relations hold). */
export const rowName = rowLabel;

/** Lazily read cells rows × cols of a grid table. */
export function slice(t: GridTable, rows: readonly BodyRow[], cols: readonly string[], name: (r: BodyRow) => string = rowLabel): Slice {
  return { table: t.id, rows, cols, name };
}

/** Term of one cell of a grid row; its row label is built only if a message needs it. */
export function amountTerm(t: GridTable, r: BodyRow, key: string): Term {
  const a: Amount | undefined = r.amounts[key];
  return { ref: a?.ref, scaled: a ? a.scaled : 0, body: r, table: t.id, row: r.row, col: key };
}

/**
 * Child-sum relations of a grid table for the given columns: every parent row = Σ its direct
 * children, and the 合计 row = Σ all detail rows when its direct children are not details.
 * `only`: build just the relations of this rule id (several rules share one table's sums).
 */
export function childSumRelations(t: GridTable, h: Hierarchy, cols: string[], ids: RuleIds, severity: Severity = 'error', only?: string): Relation[] {
  const out: Relation[] = [];
  const name = tableName(t.id);
  const tables: TableId[] = [t.id];
  const wheres = cols.map((col) => `${name} ${col}`);
  const sums = leavingOutHeld() ? new Sums(t, tableCells(t)) : undefined;
  const sum = (rule: string, parent: Node, addends: Node[], what: string, leaf: boolean): void => {
    if (only !== undefined && rule !== only) return;
    let rows: BodyRow[] | undefined; // built once the first relation of this parent does not hold
    let lhsText: string | undefined;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      if (parent.row.amounts[col] === undefined && !anyCell(addends, col)) continue;
      const known = sums?.clear().cell('lhs', parent.index, col).column('rhs', addends, col).keep();
      if (sums && !known) continue;
      rows ??= addends.map((a) => a.row);
      lhsText ??= rowLabel(parent.row);
      out.push({
        rule,
        severity,
        lhs: [amountTerm(t, parent.row, col)],
        rhs: [],
        rhsSlice: { table: t.id, rows, cols: [col], name: rowLabel },
        decimals: t.decimals,
        tables,
        where: wheres[i],
        lhsText,
        rhsText: what,
        shape: { kind: 'childSum', sheet: t.sheet, parentRow: parent.row.row, col, level: parent.level, leaf },
        table: t.id,
        known,
      });
    }
  };
  for (const p of h.nodes) {
    if (!p.children.length) {
      // A department or unit row with nothing under it where its siblings have rows under them: its
      // rows are missing (a unit's only project deleted), and Σ of no rows is 0.
      if (emptyAmongFilled(p)) sum(ids.colSum, p, [], '其下各明细行之和', true);
      continue;
    }
    const allDetail = p.children.every((c) => c.detail);
    const rule = p.level >= 3 ? ids.subtotal : allDetail ? ids.colSum : ids.rollup;
    const what = allDetail ? `${p.level === 0 ? '' : '其下'}各明细行之和` : p.level === 0 ? '各部门/单位行之和' : '其下各行之和';
    sum(rule, p, p.children, what, allDetail);
  }
  if (h.total && h.total.children.some((c) => !c.detail) && h.details.length) {
    sum(ids.colSum, h.total, h.details, '各明细行之和', false);
  }
  return out;
}

/** A department or unit row without rows under it, where the others of its kind have some. */
function emptyAmongFilled(n: Node): boolean {
  if ((n.level !== 1 && n.level !== 2) || n.children.length || !n.parent) return false;
  return n.parent.children.some((s) => s.level === n.level && s.children.length > 0);
}

/** Does one of the nodes' rows have the cell `col`? */
function anyCell(nodes: readonly Node[], col: string): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i].row.amounts[col] !== undefined) return true;
  return false;
}

/**
 * Column sums of a 其中 column taken as the gap to its parent column (一般公共预算/小计 − 其中：财政拨款):
 * parent row gap = Σ children's gaps. Rows where the two cells are equal carry the same amount, so
 * their gap is exactly 0 and adds no rounding; a sub-column cell changed on one row then stands out
 * even where the plain column sum hides it in its rounding allowance. That "same amount" reading is an
 * assumption (rules.md states only 其中 ≤ 小计), so a mismatch is a warning, never an error.
 */
export function gapChildSums(t: GridTable, h: Hierarchy, parentCol: string, subCol: string, rule: string): Relation[] {
  if (!hasColumnCached(t, parentCol) || !hasColumnCached(t, subCol)) return [];
  const out: Relation[] = [];
  const tables: TableId[] = [t.id];
  const where = `${tableName(t.id)} ${parentCol} 与 ${subCol} 之差`;
  const rhsText = `各行${parentCol}`;
  const cells = tableCells(t);
  const equal = (n: Node): boolean => scaledAt(t, cells, n.index, parentCol) === scaledAt(t, cells, n.index, subCol);
  const sums = leavingOutHeld() ? new Sums(t, cells) : undefined;
  const mk = (p: Node, addends: Node[]): void => {
    const unequal: Node[] = [];
    for (const a of addends) if (!equal(a)) unequal.push(a);
    const same = equal(p);
    if (same && !unequal.length) return;
    let known: KnownSums | undefined;
    if (sums) {
      sums.clear();
      if (!same) sums.cell('lhs', p.index, parentCol).cell('rhs', p.index, subCol);
      known = sums.column('lhs', unequal, subCol).column('rhs', unequal, parentCol).keep();
      if (!known) return;
    }
    const rows = unequal.map((a) => a.row);
    out.push({
      rule,
      severity: 'warning',
      lhs: same ? [] : [amountTerm(t, p.row, parentCol)],
      rhs: same ? [] : [amountTerm(t, p.row, subCol)],
      lhsSlice: slice(t, rows, [subCol]),
      rhsSlice: slice(t, rows, [parentCol]),
      decimals: t.decimals,
      tables,
      where,
      lhsText: `${rowLabel(p.row)} 之差 + 各行${subCol}`,
      rhsText,
      shape: { kind: 'row', sheet: t.sheet, row: p.row.row },
      table: t.id,
      known,
    });
  };
  for (const p of h.nodes) if (p.children.length) mk(p, p.children);
  if (h.total && h.total.children.some((c) => !c.detail) && h.details.length) mk(h.total, h.details);
  return out;
}

/** Row identities lhs = Σ rhs on the given body rows; rhs keys the table lacks count as absent. */
export function rowRelations(t: GridTable, rows: readonly BodyRow[], rule: string, lhs: string, rhs: string[], severity: Severity = 'error'): Relation[] {
  return rowIdentities(t, rows, rule, [[lhs, rhs]], severity);
}

/** Several row identities [lhs, rhs keys], row by row (each row's in the order given). */
export function rowIdentities(t: GridTable, rows: readonly BodyRow[], rule: string, identities: [string, string[]][], severity: Severity = 'error'): Relation[] {
  const out: Relation[] = [];
  const ids: { lhs: string; present: string[]; rhsText: string }[] = [];
  for (const [lhs, rhs] of identities) {
    const present = hasColumnCached(t, lhs) ? rhs.filter((c) => hasColumnCached(t, c)) : [];
    if (present.length) ids.push({ lhs, present, rhsText: present.join(' + ') });
  }
  if (!ids.length) return out;
  const tables: TableId[] = [t.id];
  const d = t.decimals;
  // While leaving out: the sums from the table's cells when the rows are the table's own.
  const skipping = leavingOutHeld();
  const sums = skipping && rows === t.rows ? new Sums(t, tableCells(t)) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (const { lhs, present, rhsText } of ids) {
      const known = sums?.clear().cell('lhs', i, lhs).cells('rhs', i, present).keep();
      if (sums ? !known : skipping && mayLeaveOut(amountUnits(r.amounts[lhs], d), rowUnits(r, present, d))) continue;
      out.push({
        rule,
        severity,
        lhs: [amountTerm(t, r, lhs)],
        rhs: [],
        rhsSlice: { table: t.id, rows: [r], cols: present, name: rowLabel },
        decimals: d,
        tables,
        whereRow: r,
        lhsText: lhs,
        rhsText,
        shape: { kind: 'row', sheet: t.sheet, row: r.row },
        table: t.id,
        known,
      });
    }
  }
  return out;
}

/** Row identity lhs = Σ rhs on one body row; rhs keys the table lacks count as absent. */
export function rowRelation(t: GridTable, r: BodyRow, rule: string, lhs: string, rhs: string[], severity: Severity = 'error'): Relation | undefined {
  return rowRelations(t, [r], rule, lhs, rhs, severity)[0];
}

/** a ≤ b on each row (其中：财政拨款 ≤ 一般公共预算/小计); rows where the two are equal need no relation. */
export function rowLes(t: GridTable, rows: readonly BodyRow[], rule: string, a: string, b: string, severity: Severity = 'warning'): Relation[] {
  const out: Relation[] = [];
  if (!hasColumnCached(t, a) || !hasColumnCached(t, b)) return out;
  const tables: TableId[] = [t.id];
  const d = t.decimals;
  const skipping = leavingOutHeld();
  // The table's own rows: their amounts from the table's cells.
  const cells = rows === t.rows ? tableCells(t) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const sa = cells ? scaledAt(t, cells, i, a) : r.amounts[a]?.scaled ?? 0;
    const sb = cells ? scaledAt(t, cells, i, b) : r.amounts[b]?.scaled ?? 0;
    if (sa === sb) continue;
    if (skipping && mayLeaveOut(scaledUnits(sa, d), scaledUnits(sb, d), null)) continue;
    out.push({
      rule,
      severity,
      below: null,
      lhs: [amountTerm(t, r, a)],
      rhs: [amountTerm(t, r, b)],
      decimals: t.decimals,
      tables,
      whereRow: r,
      lhsText: a,
      rhsText: b,
      shape: { kind: 'row', sheet: t.sheet, row: r.row },
      table: t.id,
    });
  }
  return out;
}

const columnCache = new WeakMap<GridTable, Map<string, boolean>>();
/** Does the table have this amount column (header or any row)? Answers are kept per table. */
export function hasColumnCached(t: GridTable, key: string): boolean {
  let m = columnCache.get(t);
  if (!m) columnCache.set(t, (m = new Map()));
  let has = m.get(key);
  if (has === undefined) {
    const cells = tableCells(t);
    has = t.columns.some((c) => c.key === key) || cells.cols.has(key) || cells.others.has(key);
    m.set(key, has);
  }
  return has;
}

/**
 * Rows whose key an earlier row already has, each with that earlier row's sheet row. Rows are visited
 * in order, so `keyOf` may keep state from the rows before (the unit a row is under); undefined = not
 * counted.
 */
export function repeatedRows(rows: readonly BodyRow[], keyOf: (r: BodyRow) => string | undefined): { row: BodyRow; first: number }[] {
  const out: { row: BodyRow; first: number }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.row);
    else out.push({ row, first });
  }
  return out;
}

/** Body rows of a kind. */
export function rowsOf(t: GridTable, kind: BodyRow['kind']): BodyRow[] {
  return t.rows.filter((r) => r.kind === kind);
}

export function totalRow(t: GridTable): BodyRow | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

const detailCache = new WeakMap<GridTable, BodyRow[]>();
/** The table's detail rows (项-level function rows, 5-digit economic rows, projects, items); callers only read the list. */
export function detailRows(t: GridTable): BodyRow[] {
  let rows = detailCache.get(t);
  if (!rows) detailCache.set(t, (rows = t.rows.filter(isDetail)));
  return rows;
}

/** Sum of an amount column over rows (scaled). */
export function sumCol(rows: BodyRow[], key: string): number {
  let s = 0;
  for (const r of rows) s += r.amounts[key]?.scaled ?? 0;
  return s;
}

/** Non-zero anywhere in the body? */
export function hasAmounts(t: GridTable): boolean {
  return t.rows.some((r) => Object.values(r.amounts).some((a) => a.scaled !== 0));
}
