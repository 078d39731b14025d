/** Real fixtures as typed books for rule tests, and small edits on them. */
import path from 'path';
import { readXlsxFile } from '../../../src/cli/read-xlsx';
import { readBook } from '../../../src/core/parse';
import type { SheetGrid } from '../../../src/core/grid';
import type { Amount } from '../../../src/core/amount';
import type { BodyRow, BudgetBook, GridTable, LinesTable, T08Table, T11Table, T12Table, TableId } from '../../../src/core/model';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const clean = (name: string): string => path.join(FIXTURES, 'clean', name);

const grids = new Map<string, Promise<SheetGrid[]>>();
const books = new Map<string, BudgetBook>();

export function loadGrids(file: string): Promise<SheetGrid[]> {
  let g = grids.get(file);
  if (!g) grids.set(file, (g = readXlsxFile(file)));
  return g;
}

/** A fresh copy of the parsed book of a fixture (edits do not leak between tests). */
export async function loadBook(file: string): Promise<BudgetBook> {
  let b = books.get(file);
  if (!b) books.set(file, (b = readBook(await loadGrids(file))));
  return structuredClone(b);
}

export function grid(book: BudgetBook, id: TableId): GridTable {
  const t = book.tables[id];
  if (!t || t.kind !== 'grid') throw new Error(`no grid table ${id}`);
  return t;
}
export function lines(book: BudgetBook, id: 'T01' | 'T04'): LinesTable {
  return book.tables[id] as LinesTable;
}
export const t08 = (b: BudgetBook): T08Table => b.tables.T08 as T08Table;
export const t11 = (b: BudgetBook): T11Table => b.tables.T11 as T11Table;
export const t12 = (b: BudgetBook): T12Table => b.tables.T12 as T12Table;

export function rows(book: BudgetBook, id: TableId, kind?: BodyRow['kind']): BodyRow[] {
  return grid(book, id).rows.filter((r) => !kind || r.kind === kind);
}
export function detail(book: BudgetBook, id: TableId, i = 0): BodyRow {
  const r = grid(book, id).rows.filter((x) => (x.kind === 'func' && x.func?.xiang) || x.kind === 'econ' || x.kind === 'project' || x.kind === 'item')[i];
  if (!r) throw new Error(`no detail row ${i} in ${id}`);
  return r;
}
export function total(book: BudgetBook, id: TableId): BodyRow {
  return grid(book, id).rows.find((r) => r.kind === 'total')!;
}

/** Sets an amount (creating a blank one at a made-up cell when the cell is missing). */
export function set(amounts: Record<string, Amount>, key: string, value: number, sheet = 'x'): void {
  const a = amounts[key];
  if (a) {
    a.scaled = Math.round(value * 1e6);
    a.blank = false;
  } else amounts[key] = { scaled: Math.round(value * 1e6), decimals: 1, blank: false, ref: { sheet, cell: `Z${Object.keys(amounts).length + 1}` } };
}
export function add(amounts: Record<string, Amount>, key: string, delta: number): void {
  set(amounts, key, (amounts[key]?.scaled ?? 0) / 1e6 + delta);
}
/** Adds delta to one amount in place. */
export function bump(a: Amount | undefined, delta: number): void {
  if (!a) throw new Error('no such amount');
  a.scaled += Math.round(delta * 1e6);
  a.blank = false;
}
export function line(book: BudgetBook, id: 'T01' | 'T04', key: string) {
  const t = lines(book, id);
  const l = [...t.income, ...t.expense].find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key} in ${id}`);
  return l;
}
