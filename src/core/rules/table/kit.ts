/**
 * Shared helpers for the table rules: which amount columns a grid table has, how its body rows nest
 * (合计 → department → unit → 类/款 subtotal → detail), and builders for the two relation shapes
 * every grid table has: a row identity (合计 = 基本支出 + 项目支出) and a child sum (parent = Σ children).
 */
import type { Amount } from '../../amount';
import { parseA1 } from '../../grid';
import type { BodyRow, GridTable, TableId } from '../../model';
import type { Severity } from '../../report';
import { TABLE_NAMES } from '../../tables/names';
import type { Relation, Slice, Term } from '../relation';

export function tableName(id: TableId): string {
  return TABLE_NAMES[id];
}

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

export function rowLabel(r: BodyRow): string {
  switch (r.kind) {
    case 'total':
      return '合计';
    case 'func':
      return r.func ? `${r.name?.text ?? ''}（${r.func.code}）` : r.name?.text ?? `第${r.row}行`;
    case 'econ':
    case 'econClass':
      return r.econ ? `${r.econ.deptName ?? r.name?.text ?? ''}（${r.econ.dept}${r.econ.gov ? '/' + r.econ.gov : ''}）` : `第${r.row}行`;
    case 'dept':
    case 'unit':
      return `${r.name?.text ?? ''}（${r.code?.text ?? ''}）`;
    default:
      return r.name?.text ?? r.code?.text ?? `第${r.row}行`;
  }
}

export type Level = 0 | 1 | 2 | 3 | 4 | 5;

export interface Node {
  row: BodyRow;
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

/** Builds the nesting of body rows by scanning them in sheet order. */
export function hierarchy(t: GridTable): Hierarchy {
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
  for (const r of t.rows) {
    const n: Node = { row: r, level: 5, children: [], detail: false };
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

function tdec(t: GridTable): number {
  return t.decimals;
}

const labelCache = new WeakMap<BodyRow, string>();
/** rowLabel, computed once per row. */
export function rowName(r: BodyRow): string {
  let s = labelCache.get(r);
  if (s === undefined) labelCache.set(r, (s = rowLabel(r)));
  return s;
}

/** Lazily read cells rows × cols of a grid table. */
export function slice(t: GridTable, rows: readonly BodyRow[], cols: readonly string[], name: (r: BodyRow) => string = rowName): Slice {
  return { table: t.id, rows, cols, name };
}

const whereCache = new WeakMap<BodyRow, string>();
/** "部门支出总体情况表 行政运行（2010301）", once per row. */
export function rowWhere(t: GridTable, r: BodyRow): string {
  let s = whereCache.get(r);
  if (s === undefined) whereCache.set(r, (s = `${tableName(t.id)} ${rowName(r)}`));
  return s;
}

export function amountTerm(t: GridTable, r: BodyRow, key: string): Term {
  const a: Amount | undefined = r.amounts[key];
  return { ref: a?.ref, scaled: a ? a.scaled : 0, rowName: rowName(r), table: t.id, row: r.row, col: key };
}

/**
 * Child-sum relations of a grid table for the given columns: every parent row = Σ its direct
 * children, and the 合计 row = Σ all detail rows when its direct children are not details.
 */
export function childSumRelations(t: GridTable, h: Hierarchy, cols: string[], ids: RuleIds, severity: Severity = 'error'): Relation[] {
  const out: Relation[] = [];
  const name = tableName(t.id);
  const mk = (rule: string, parent: Node, addends: Node[], col: string, what: string, leaf: boolean): void => {
    if (parent.row.amounts[col] === undefined && addends.every((a) => a.row.amounts[col] === undefined)) return;
    out.push({
      rule,
      severity,
      lhs: [amountTerm(t, parent.row, col)],
      rhs: [],
      rhsSlice: slice(t, addends.map((a) => a.row), [col]),
      decimals: tdec(t),
      tables: [t.id],
      where: `${name} ${col}`,
      lhsText: rowLabel(parent.row),
      rhsText: what,
      shape: { kind: 'childSum', sheet: t.sheet, parentRow: parent.row.row, col, level: parent.level, leaf },
      table: t.id,
    });
  };
  for (const p of h.nodes) {
    if (!p.children.length) continue;
    const allDetail = p.children.every((c) => c.detail);
    const rule = p.level >= 3 ? ids.subtotal : p.level === 0 && allDetail ? ids.colSum : allDetail ? ids.colSum : ids.rollup;
    const what = allDetail ? `${p.level === 0 ? '' : '其下'}各明细行之和` : p.level === 0 ? '各部门/单位行之和' : '其下各行之和';
    for (const col of cols) mk(rule, p, p.children, col, what, allDetail);
  }
  if (h.total && h.total.children.some((c) => !c.detail) && h.details.length) {
    for (const col of cols) mk(ids.colSum, h.total, h.details, col, '各明细行之和', false);
  }
  return out;
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
  const equal = (r: BodyRow): boolean => (r.amounts[parentCol]?.scaled ?? 0) === (r.amounts[subCol]?.scaled ?? 0);
  const mk = (p: Node, addends: Node[]): void => {
    const unequal = addends.filter((a) => !equal(a.row));
    if (equal(p.row) && !unequal.length) return;
    const lhs: Term[] = [];
    const rhs: Term[] = [];
    if (!equal(p.row)) {
      lhs.push(amountTerm(t, p.row, parentCol));
      rhs.push(amountTerm(t, p.row, subCol));
    }
    const rows = unequal.map((a) => a.row);
    out.push({
      rule,
      severity: 'warning',
      lhs,
      rhs,
      lhsSlice: slice(t, rows, [subCol]),
      rhsSlice: slice(t, rows, [parentCol]),
      decimals: tdec(t),
      tables: [t.id],
      where: `${tableName(t.id)} ${parentCol} 与 ${subCol} 之差`,
      lhsText: `${rowLabel(p.row)} 之差 + 各行${subCol}`,
      rhsText: `各行${parentCol}`,
      shape: { kind: 'row', sheet: t.sheet, row: p.row.row },
      table: t.id,
    });
  };
  for (const p of h.nodes) if (p.children.length) mk(p, p.children);
  if (h.total && h.total.children.some((c) => !c.detail) && h.details.length) mk(h.total, h.details);
  return out;
}

/** Row identity lhs = Σ rhs on one body row; rhs keys the table lacks count as absent. */
export function rowRelation(t: GridTable, r: BodyRow, rule: string, lhs: string, rhs: string[], severity: Severity = 'error'): Relation | undefined {
  if (!hasColumnCached(t, lhs)) return undefined;
  const present = presentColumns(t, rhs);
  if (!present.length) return undefined;
  return {
    rule,
    severity,
    lhs: [amountTerm(t, r, lhs)],
    rhs: [],
    rhsSlice: slice(t, [r], present),
    decimals: tdec(t),
    tables: [t.id],
    where: rowWhere(t, r),
    lhsText: lhs,
    rhsText: presentText(present),
    shape: { kind: 'row', sheet: t.sheet, row: r.row },
    table: t.id,
  };
}

/** a ≤ b on one row (其中：财政拨款 ≤ 一般公共预算/小计); rows where the two are equal need no relation. */
export function rowLe(t: GridTable, r: BodyRow, rule: string, a: string, b: string, severity: Severity = 'warning'): Relation | undefined {
  if (!hasColumnCached(t, a) || !hasColumnCached(t, b)) return undefined;
  if ((r.amounts[a]?.scaled ?? 0) === (r.amounts[b]?.scaled ?? 0)) return undefined;
  return {
    rule,
    severity,
    below: null,
    lhs: [amountTerm(t, r, a)],
    rhs: [amountTerm(t, r, b)],
    decimals: tdec(t),
    tables: [t.id],
    where: `${tableName(t.id)} ${rowLabel(r)}`,
    lhsText: a,
    rhsText: b,
    shape: { kind: 'row', sheet: t.sheet, row: r.row },
    table: t.id,
  };
}

const presentCache = new WeakMap<GridTable, Map<string, string[]>>();
/** The keys of a list the table has (same array for the same list, so texts can be cached too). */
function presentColumns(t: GridTable, keys: string[]): string[] {
  let m = presentCache.get(t);
  if (!m) presentCache.set(t, (m = new Map()));
  const k = keys.join('|');
  let p = m.get(k);
  if (!p) m.set(k, (p = keys.filter((c) => hasColumnCached(t, c))));
  return p;
}
const textCache = new WeakMap<string[], string>();
function presentText(p: string[]): string {
  let s = textCache.get(p);
  if (s === undefined) textCache.set(p, (s = p.join(' + ')));
  return s;
}

const columnCache = new WeakMap<GridTable, Set<string>>();
export function hasColumnCached(t: GridTable, key: string): boolean {
  let s = columnCache.get(t);
  if (!s) {
    s = new Set(t.columns.map((c) => c.key));
    for (const r of t.rows) for (const k of Object.keys(r.amounts)) s.add(k);
    columnCache.set(t, s);
  }
  return s.has(key);
}

/** Body rows of a kind. */
export function rowsOf(t: GridTable, kind: BodyRow['kind']): BodyRow[] {
  return t.rows.filter((r) => r.kind === kind);
}

export function totalRow(t: GridTable): BodyRow | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

/** The table's detail rows (项-level function rows, 5-digit economic rows, projects, items). */
export function detailRows(t: GridTable): BodyRow[] {
  return t.rows.filter(isDetail);
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
