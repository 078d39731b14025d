/** Small hand-built BudgetBooks (model.ts shapes) for the code-rule unit tests. */
import type { Amount } from '../../src/core/amount';
import { parseDecimalString } from '../../src/core/amount';
import type { CellRef } from '../../src/core/grid';
import { a1 } from '../../src/core/grid';
import type { BodyRow, BudgetBook, ColumnInfo, GridTable, Line, LinesTable, ParsedTable } from '../../src/core/model';
import { COL } from '../../src/core/model';
import { buildCatalog } from '../../src/core/catalog';
import type { CatalogEntry } from '../../src/core/catalog';
import type { Finding } from '../../src/core/report';
import type { Rule } from '../../src/core/rules/types';

export function amt(value: number, ref: CellRef, decimals = 1): Amount {
  const p = parseDecimalString(value.toFixed(decimals))!;
  return { scaled: p.scaled, decimals, blank: false, ref };
}

const EXPENSE_COLUMNS: [string, number][] = [
  ['类', 1], ['款', 2], ['项', 3], ['单位代码', 4], ['名称', 5],
  [COL.expense.total, 6], [COL.expense.basic, 7], [COL.expense.wages, 8], [COL.expense.individuals, 9],
  [COL.expense.goods, 10], [COL.expense.capital, 11], [COL.expense.project, 12],
];

export interface FuncSpec {
  code: string;
  name: string;
  unit?: string;
  /** 基本支出/工资福利支出 */
  wages?: number;
  /** 基本支出/商品和服务支出 */
  goods?: number;
  /** 项目支出/小计 */
  project?: number;
}

/** T03 / T05 / T09 with one row per spec (row 8 on), codes split over A/B/C, the name in E. */
export function expenseTable(id: 'T03' | 'T05' | 'T09' | 'T13', sheet: string, specs: (FuncSpec | { unitRow: string })[]): GridTable {
  const rows: BodyRow[] = [];
  let unit: string | undefined;
  specs.forEach((s, i) => {
    const row = 8 + i;
    const ref = (col: number): CellRef => ({ sheet, cell: a1(row, col) });
    if ('unitRow' in s) {
      unit = s.unitRow;
      rows.push({ kind: 'unit', row, sheet, code: { text: s.unitRow, ref: ref(4) }, unitCode: unit, deptCode: unit.slice(0, 3), amounts: {}, texts: {} });
      return;
    }
    const [lei, kuan, xiang] = [s.code.slice(0, 3), s.code.slice(3, 5) || undefined, s.code.slice(5, 7) || undefined];
    const refs = [ref(1), ...(kuan ? [ref(2)] : []), ...(xiang ? [ref(3)] : [])];
    const wages = s.wages ?? 0;
    const goods = s.goods ?? 0;
    const project = s.project ?? 0;
    const amounts: Record<string, Amount> = {
      [COL.expense.total]: amt(wages + goods + project, ref(6)),
      [COL.expense.basic]: amt(wages + goods, ref(7)),
      [COL.expense.wages]: amt(wages, ref(8)),
      [COL.expense.goods]: amt(goods, ref(10)),
      [COL.expense.project]: amt(project, ref(12)),
    };
    rows.push({
      kind: 'func', row, sheet, unitCode: unit, deptCode: unit?.slice(0, 3),
      name: { text: s.name, ref: ref(5) },
      func: { lei, kuan, xiang, code: s.code, refs },
      amounts, texts: {},
    });
  });
  return grid(id, sheet, EXPENSE_COLUMNS, rows);
}

export interface EconSpec {
  dept: string;
  deptName: string;
  gov?: string;
  govName?: string;
  total?: number;
  unit?: string;
}

/** T06: 部门 code A, name B, 政府 code C, name D, 合计 E (one-cell codes, rows from 7). */
export function t06Table(sheet: string, specs: (EconSpec | { unitRow: string })[]): GridTable {
  const cols: [string, number][] = [
    ['部门经济分类/科目编码', 1], ['部门经济分类/科目名称', 2], ['政府经济分类/科目编码', 3], ['政府经济分类/科目名称', 4],
    [COL.t06.total, 5], [COL.t06.personnel, 6], [COL.t06.publicCost, 7],
  ];
  return grid('T06', sheet, cols, econRowsOf(sheet, specs, false));
}

/** T07: split codes A|B (部门 类|款), C name, D|E (政府 类|款), F name, G 总计, H 一般公共预算/小计. */
export function t07Table(sheet: string, specs: (EconSpec | { unitRow: string })[]): GridTable {
  const cols: [string, number][] = [
    ['部门经济分类/类', 1], ['部门经济分类/款', 2], ['部门经济分类/科目名称', 3], ['政府经济分类/类', 4], ['政府经济分类/款', 5], ['政府经济分类/科目名称', 6],
    [COL.t07.total, 7], [COL.t07.gpb, 8],
  ];
  return grid('T07', sheet, cols, econRowsOf(sheet, specs, true));
}

function econRowsOf(sheet: string, specs: (EconSpec | { unitRow: string })[], split: boolean): BodyRow[] {
  const rows: BodyRow[] = [];
  let unit: string | undefined;
  specs.forEach((s, i) => {
    const row = 7 + i;
    const ref = (col: number): CellRef => ({ sheet, cell: a1(row, col) });
    if ('unitRow' in s) {
      unit = s.unitRow;
      rows.push({ kind: 'unit', row, sheet, code: { text: s.unitRow, ref: ref(1) }, unitCode: unit, deptCode: unit.slice(0, 3), amounts: {}, texts: {} });
      return;
    }
    const refs = split ? [ref(1), ref(2), ...(s.gov ? [ref(4), ref(5)] : [])] : [ref(1), ...(s.gov ? [ref(3)] : [])];
    const total = s.total ?? 1;
    const personnel = /^30[13]/.test(s.dept) ? total : 0;
    const amounts: Record<string, Amount> = split
      ? { [COL.t07.total]: amt(total, ref(7)), [COL.t07.gpb]: amt(total, ref(8)) }
      : { [COL.t06.total]: amt(total, ref(5)), [COL.t06.personnel]: amt(personnel, ref(6)), [COL.t06.publicCost]: amt(total - personnel, ref(7)) };
    rows.push({
      kind: s.dept.length === 3 ? 'econClass' : 'econ', row, sheet, unitCode: unit, deptCode: unit?.slice(0, 3),
      name: { text: s.deptName, ref: ref(split ? 3 : 2) },
      econ: { dept: s.dept, deptName: s.deptName, gov: s.gov, govName: s.govName, refs },
      amounts, texts: {},
    });
  });
  return rows;
}

function grid(id: GridTable['id'], sheet: string, cols: [string, number][], rows: BodyRow[]): GridTable {
  const columns: ColumnInfo[] = cols.map(([key, col]) => ({ key, path: key.split('/'), col }));
  return {
    kind: 'grid', id, sheet, range: `A1:${a1(8 + rows.length, cols.length)}`, title: id, titleRef: { sheet, cell: 'A1' },
    layout: 'pds', decimals: 1, columns, notes: [], rows,
  };
}

/** T01 with expense lines labelled as given (column C, amounts in D). */
export function t01Table(sheet: string, labels: [string, string, number][]): LinesTable {
  const expense: Line[] = labels.map(([label, lei, value], i) => ({
    key: `类:${lei}`,
    lei,
    label: { text: label, ref: { sheet, cell: `C${5 + i}` } },
    amount: amt(value, { sheet, cell: `D${5 + i}` }),
  }));
  return { kind: 'lines', id: 'T01', sheet, range: 'A1:D40', title: '部门收支总体情况表', titleRef: { sheet, cell: 'A1' }, layout: 'pds', decimals: 1, columns: [], notes: [], income: [], expense };
}

export function book(...tables: ParsedTable[]): BudgetBook {
  const b: BudgetBook = { tables: {}, layout: 'pds', unit: '万元', issues: [], otherSheets: [] };
  for (const t of tables) b.tables[t.id] = t;
  return b;
}

export function run(rule: Rule, b: BudgetBook, user: CatalogEntry[] = []): Finding[] {
  return rule.check(b, { catalog: buildCatalog(user) });
}

export const S3 = '表3 部门支出总体情况表';
export const S5 = '表5 一般公共预算支出情况表';
export const S6 = '表6 一般公共预算基本支出表';
export const S7 = '表7 支出经济分类汇总表';
