/**
 * Hand-built BudgetBooks for unit tests of the narrative (the parser is tested on its own). Amounts
 * are given as decimal strings, exactly as a table displays them.
 */
import { parseDecimalString } from '../../src/core/amount';
import type { Amount } from '../../src/core/amount';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { BodyRow, BudgetBook, GridTable, Layout, LinesTable, T08Table, T12Table, TableId } from '../../src/core/model';
import { COL } from '../../src/core/model';

let cellNo = 0;
export function amount(text: string | null, sheet = 'S', decimals?: number): Amount {
  const ref = { sheet, cell: `Z${++cellNo}` };
  if (text === null) return { scaled: 0, decimals: 0, blank: true, ref };
  const d = parseDecimalString(text)!;
  return { scaled: d.scaled, decimals: decimals ?? d.decimals, blank: false, ref };
}

function base(id: TableId, layout: Layout, decimals: number) {
  return { id, sheet: `表${id}`, range: 'A1:Z99', title: id, titleRef: { sheet: `表${id}`, cell: 'A1' }, layout, decimals, columns: [], notes: [] };
}

export function lines(id: 'T01' | 'T04', layout: Layout, income: Record<string, string | null>, expense: Record<string, string | null> = {}): LinesTable {
  const mk = (o: Record<string, string | null>) =>
    Object.entries(o).map(([key, v]) => ({ key, label: { text: key, ref: { sheet: `表${id}`, cell: 'A1' } }, amount: amount(v, `表${id}`), lei: key.startsWith('类:') ? key.slice(2) : undefined }));
  return { ...base(id, layout, layout === 'jy' ? 2 : 1), kind: 'lines', id, income: mk(income), expense: mk(expense) };
}

export interface FuncRowSpec {
  code: string;
  name: string;
  amounts: Record<string, string | null>;
}

export function expenseTable(id: 'T03' | 'T05' | 'T09' | 'T13', layout: Layout, total: Record<string, string | null>, rows: FuncRowSpec[]): GridTable {
  const sheet = `表${id}`;
  const body: BodyRow[] = [{ kind: 'total', row: 7, sheet, amounts: amounts(total, sheet), texts: {} }];
  rows.forEach((r, i) => {
    body.push({
      kind: 'func',
      row: 9 + i,
      sheet,
      name: { text: r.name, ref: { sheet, cell: `E${9 + i}` } },
      func: { lei: r.code.slice(0, 3), kuan: r.code.slice(3, 5) || undefined, xiang: r.code.slice(5, 7) || undefined, code: r.code, refs: [] },
      amounts: amounts(r.amounts, sheet),
      texts: {},
    });
  });
  return { ...base(id, layout, layout === 'jy' ? 2 : 1), kind: 'grid', id, rows: body };
}

function amounts(o: Record<string, string | null>, sheet: string): Record<string, Amount> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, amount(v, sheet)]));
}

export interface EconSpec {
  dept: string;
  deptName: string;
  gov?: string;
  total: string;
  personnel: string | null;
  publicCost: string | null;
}

export function t06(layout: Layout, total: [string, string, string], rows: EconSpec[]): GridTable {
  const sheet = '表T06';
  const c = COL.t06;
  const body: BodyRow[] = [{ kind: 'total', row: 6, sheet, amounts: amounts({ [c.total]: total[0], [c.personnel]: total[1], [c.publicCost]: total[2] }, sheet), texts: {} }];
  rows.forEach((r, i) =>
    body.push({
      kind: 'econ',
      row: 7 + i,
      sheet,
      econ: { dept: r.dept, deptName: r.deptName, gov: r.gov, refs: [] },
      amounts: amounts({ [c.total]: r.total, [c.personnel]: r.personnel, [c.publicCost]: r.publicCost }, sheet),
      texts: {},
    }),
  );
  return { ...base('T06', layout, layout === 'jy' ? 2 : 1), kind: 'grid', id: 'T06', rows: body };
}

export function t08(layout: Layout, v: { total: string; abroad: string; reception: string; vehicle: string; purchase: string; running: string }): T08Table {
  const c = COL.t08;
  const sheet = '表T08';
  return {
    ...base('T08', layout, layout === 'jy' ? 2 : 1),
    kind: 't08',
    id: 'T08',
    amounts: amounts({ [c.total]: v.total, [c.abroad]: v.abroad, [c.reception]: v.reception, [c.vehicle]: v.vehicle, [c.vehiclePurchase]: v.purchase, [c.vehicleRunning]: v.running }, sheet),
  };
}

export function t10(layout: Layout, total: string, projects: [string, string][]): GridTable {
  const sheet = '表T10';
  const body: BodyRow[] = [{ kind: 'total', row: 6, sheet, amounts: amounts({ [COL.t10.total]: total }, sheet), texts: {} }];
  projects.forEach(([name, v], i) => body.push({ kind: 'project', row: 8 + i, sheet, name: { text: name, ref: { sheet, cell: `B${8 + i}` } }, amounts: amounts({ [COL.t10.total]: v }, sheet), texts: {} }));
  return { ...base('T10', layout, layout === 'jy' ? 2 : 1), kind: 'grid', id: 'T10', rows: body };
}

export function t12(layout: Layout, projects: [string, string][]): T12Table {
  const sheet = '表T12';
  return {
    ...base('T12', layout, layout === 'jy' ? 2 : 1),
    kind: 't12',
    id: 'T12',
    rows: [],
    projects: projects.map(([name, v], i) => ({ row: 8 + i, name: { text: name, ref: { sheet, cell: `B${8 + i}` } }, amounts: amounts({ [COL.t12.total]: v }, sheet), indicators: [] })),
  };
}

export function t14(total: string, items: [string, string, string][]): GridTable {
  const sheet = '表T14';
  const body: BodyRow[] = [{ kind: 'total', row: 6, sheet, amounts: amounts({ [COL.t14.amount]: total }, sheet), texts: {} }];
  items.forEach(([item, catalog, v], i) =>
    body.push({
      kind: 'item',
      row: 7 + i,
      sheet,
      amounts: amounts({ [COL.t14.amount]: v }, sheet),
      texts: { 采购项目: { text: item, ref: { sheet, cell: `E${7 + i}` } }, 采购目录: { text: catalog, ref: { sheet, cell: `F${7 + i}` } } },
    }),
  );
  return { ...base('T14', 'pds', 1), kind: 'grid', id: 'T14', rows: body };
}

export function book(layout: Layout, tables: (LinesTable | GridTable | T08Table | T12Table)[], deptName = '测试部门', year = 2024): BudgetBook {
  return { tables: Object.fromEntries(tables.map((t) => [t.id, t])), layout, unit: '万元', deptName, year, issues: [], otherSheets: [] };
}

/** A 说明参数 sheet from rows (label, value, …), as a grid starting at A1. */
export function paramsGrid(rows: CellValue[][], name = '说明参数'): SheetGrid {
  return { name, origin: 'A1', values: [['说明参数'], ...rows] };
}
