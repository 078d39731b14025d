/**
 * Every clean workbook: every table present is found on the right sheet, none misidentified, none
 * extra; the layout is detected; no P.* error and only the warnings rules.md allows.
 */
import fs from 'fs';
import path from 'path';
import type { TableId } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';

interface IndexEntry {
  file: string;
  layout: 'pds' | 'jy';
  tables: number;
  units: number;
  department: string;
}
const index: IndexEntry[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'clean', 'index.json'), 'utf8'));

/** Sheet order of the tables, written down from the workbooks (济源 numbers them differently). */
const PDS_ORDER: TableId[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12', 'T13', 'T14'];
const JY_ORDER: TableId[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T13', 'T10', 'T11', 'T12'];
const SEED_004_ORDER: TableId[] = ['T01', 'T03', 'T04', 'T05', 'T06', 'T08', 'T09', 'T13', 'T10', 'T11', 'T12'];

function expectedOrder(e: IndexEntry): TableId[] {
  if (e.file === 'seed-004.xlsx') return SEED_004_ORDER;
  return e.layout === 'jy' ? JY_ORDER : PDS_ORDER;
}

describe.each(index.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
  let book: ReturnType<typeof readBook>;
  let sheetNames: string[];
  beforeAll(async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'clean', entry.file));
    sheetNames = grids.map((g) => g.name);
    book = readBook(grids);
  });

  test('finds exactly the tables of the workbook, one per sheet, in sheet order', () => {
    const order = expectedOrder(entry);
    expect(order).toHaveLength(entry.tables);
    const found = Object.values(book.tables).sort((a, b) => sheetNames.indexOf(a!.sheet) - sheetNames.indexOf(b!.sheet));
    expect(found.map((t) => t!.id)).toEqual(order);
    // One table per sheet, and the i-th table sits on the i-th sheet.
    expect(found.map((t) => t!.sheet)).toEqual(sheetNames.slice(0, order.length));
    expect(book.otherSheets).toEqual(sheetNames.slice(order.length));
  });

  test('layout, department, unit', () => {
    expect(book.layout).toBe(entry.layout);
    expect(book.deptName).toBe(entry.department);
    expect(book.unit).toBe('万元');
    for (const t of Object.values(book.tables)) expect(t!.layout).toBe(entry.layout);
  });

  test('no parse error; warnings only for the tables rules.md expects to be missing', () => {
    // The synthetic 济源 books carry a generator bug ("und" | "efined" as a 政府经济分类 code): a real P.code error.
    expect(book.issues.filter((i) => i.severity === 'error' && !(i.rule === 'P.code' && i.actual === 'und | efined'))).toEqual([]);
    const warnings = book.issues.filter((i) => i.severity === 'warning');
    const missing = new Set(warnings.filter((w) => w.rule === 'P.table-missing').map((w) => w.table));
    expect(warnings.filter((w) => w.rule !== 'P.table-missing')).toEqual([]);
    expect([...missing].sort()).toEqual(entry.file === 'seed-004.xlsx' ? ['T02', 'T07'] : []);
    for (const i of book.issues) expect(i.message.length).toBeGreaterThan(8);
  });

  test('unit rows: every data row belongs to a unit or department when the workbook has several units', () => {
    const t03 = book.tables.T03;
    if (!t03 || t03.kind !== 'grid') throw new Error('T03 missing');
    const units = new Set(t03.rows.filter((r) => r.kind === 'unit').map((r) => r.code!.text));
    if (entry.units > 1) expect(units.size).toBe(entry.units);
    for (const r of t03.rows.filter((x) => x.kind === 'func')) expect(r.deptCode ?? r.unitCode).toBeDefined();
    for (const r of t03.rows.filter((x) => x.kind === 'func' && entry.units > 1)) expect(units.has(r.unitCode!)).toBe(true);
  });
});
