/** Helpers for cross-table relations (rules.md §4). */
import type { BodyRow, BudgetBook, GridTable, TableId } from '../../model';
import { gridTable, linesTable } from '../../model';
import type { Severity } from '../../report';
import { detailRows, rowName, slice, tableName, totalRow } from '../table/kit';
import { qualifiedRowLabel } from '../labels';
import { lineMap, lineTerm } from '../table/lines';
import type { Relation, Slice, Term } from '../relation';
import { sliceTerm } from '../relation';

export interface Side {
  terms: Term[];
  /** Cells read lazily (a Σ over many rows). */
  slice?: Slice;
  text: string;
}

/** Short table reference in messages: "部门支出总体情况表". */
export const tn = tableName;

/** Term of a grid cell named with its table ("部门支出总体情况表 行政运行（2010301）·合计"); no row = the 合计 row is missing. */
export function cellTerm(t: GridTable, r: BodyRow | undefined, col: string): Term {
  if (!r) return { ref: undefined, scaled: 0, rowName: `${tn(t.id)} 合计`, table: t.id, row: undefined, col };
  const a = r.amounts[col];
  return { ref: a?.ref, scaled: a ? a.scaled : 0, body: r, qualified: true, table: t.id, row: r.row, col };
}

export function cellSide(t: GridTable, r: BodyRow | undefined, col: string, text?: string): Side {
  return { terms: [cellTerm(t, r, col)], text: text ?? `${tn(t.id)}${r ? ' ' + rowName(r) : ''} ${col}` };
}

export function totalSide(t: GridTable, col: string, text?: string): Side {
  return cellSide(t, totalRow(t), col, text ?? `${tn(t.id)} 合计行 ${col}`);
}

export function sumSide(t: GridTable, rows: BodyRow[], col: string, text: string): Side {
  return { terms: [], slice: slice(t, rows, [col], (r) => qualifiedRowLabel(t.id, r)), text };
}

/** All terms of a side, the slice's cells included. */
export function sideTerms(s: Side): Term[] {
  if (!s.slice) return s.terms;
  const out = s.terms.slice();
  for (const r of s.slice.rows) for (const c of s.slice.cols) out.push(sliceTerm(s.slice, r, c));
  return out;
}

export function isEmptySide(s: Side): boolean {
  return !s.terms.length && !s.slice?.rows.length;
}

/** Sides added together; one slice stays lazy, further ones are read out. */
export function join(...sides: (Side | undefined)[]): Side {
  const present = sides.filter((s): s is Side => !!s);
  const lazy = present.find((s) => s.slice);
  const terms = present.flatMap((s) => (s === lazy ? s.terms : sideTerms(s)));
  return { terms, slice: lazy?.slice, text: present.map((s) => s.text).join(' + ') };
}

/** Line of T01/T04 (single amount) as a side. */
export function lineSide(book: BudgetBook, id: 'T01' | 'T04', key: string, text?: string): Side | undefined {
  const t = linesTable(book, id);
  if (!t) return undefined;
  const l = lineMap(t.income).get(key) ?? lineMap(t.expense).get(key);
  if (!l) return undefined;
  return { terms: [lineTerm(t, l, key)], text: text ?? `${tn(id)} ${l.label.text.replace(/\s+/g, '')}` };
}

export function decimalsOf(book: BudgetBook, ids: TableId[]): number {
  let d = 0;
  for (const id of ids) d = Math.max(d, book.tables[id]?.decimals ?? 0);
  return d;
}

export function crossRel(
  book: BudgetBook,
  rule: string,
  severity: Severity,
  tables: TableId[],
  lhs: Side,
  rhs: Side,
  opts: { below?: Severity | null; table?: TableId } = {},
): Relation {
  return {
    rule,
    severity,
    below: opts.below,
    lhs: lhs.terms,
    rhs: rhs.terms,
    lhsSlice: lhs.slice,
    rhsSlice: rhs.slice,
    decimals: decimalsOf(book, tables),
    tables,
    lhsText: lhs.text,
    rhsText: rhs.text,
    shape: { kind: 'cross' },
    table: opts.table ?? tables[0],
  };
}

/** Function-code expense table (both T13 templates read their total column as 合计). */
export function expenseGrid(book: BudgetBook, id: 'T03' | 'T05' | 'T09' | 'T13'): GridTable | undefined {
  return gridTable(book, id);
}

/** Rows grouped by a key (rows without one left out), groups in order of first appearance. */
export function groupRows(rows: readonly BodyRow[], keyOf: (r: BodyRow) => string | undefined): Map<string, BodyRow[]> {
  const m = new Map<string, BodyRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!k) continue;
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return m;
}

/** Detail (项-level) rows grouped by 类. */
export function byClass(t: GridTable): Map<string, BodyRow[]> {
  return groupRows(detailRows(t), (r) => r.func?.lei);
}

/** Detail economic rows whose 部门 code starts with a prefix (e.g. "301", "30217"). */
export function econRows(t: GridTable, prefix: string): BodyRow[] {
  return detailRows(t).filter((r) => r.econ?.dept.startsWith(prefix));
}

/** T01 shows only 一般公共预算 income (then T05 must equal T03). */
export function onlyGeneralBudget(book: BudgetBook): boolean {
  const t = linesTable(book, 'T01');
  if (!t) return false;
  const inc = lineMap(t.income);
  const g = inc.get('一般公共预算')?.amount?.scaled;
  const total = inc.get('收入总计')?.amount?.scaled ?? inc.get('本年收入合计')?.amount?.scaled;
  return g !== undefined && total !== undefined && g === total && g !== 0;
}
