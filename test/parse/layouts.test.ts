/**
 * Layouts of published workbooks (issue 13): the same numbers laid out differently are read the
 * same (codes in one cell or split, as numbers, department / unit lines, separators, notes, cover
 * sheets, stacked tables); units other than 万元 are converted or, when unknown, the table is left
 * out with an error at its unit cell; a hidden stale copy of a table is named, the visible one read;
 * a code cell holding text that is no code is an error at that cell.
 */
import path from 'path';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { BudgetBook, GridTable } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/report';
import { FIXTURES, loadGrids } from '../helpers/load';
import { amountSummary, clone } from './grid-tools';
import { LAYOUTS, applyLayout } from '../variants/generate';

const cache = new Map<string, Promise<SheetGrid[]>>();
async function fixture(name: string): Promise<SheetGrid[]> {
  if (!cache.has(name)) cache.set(name, loadGrids(path.join(FIXTURES, 'clean', `${name}.xlsx`)));
  return clone(await cache.get(name)!);
}
const sheetOf = (grids: SheetGrid[], part: string): SheetGrid => grids.find((g) => g.name.includes(part))!;
function cell(g: SheetGrid, addr: string): { get: () => CellValue; set: (v: CellValue) => void } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].charCodeAt(0) - 64;
  const row = g.values[Number(m[2]) - 1];
  return {
    get: () => row[col - 1],
    set: (v) => {
      while (row.length < col) row.push(null);
      row[col - 1] = v;
    },
  };
}
const errors = (b: { findings: Finding[] }): Finding[] => b.findings.filter((f) => f.severity === 'error');

describe('layouts read as the original', () => {
  // Layouts that change neither amounts nor codes: the typed book (row kinds, codes, amounts) must be equal.
  const same = ['code-joined', 'econ-split', 'code-numbers', 'joined-numbers', 'indent', 'total-spaced', 'title-dept-year', 'dept-label', 'unit-label', 'yuan', 'separators', 'notes', 'cover', 'stacked', 'hidden-copy', 'header-spaced', 'dept-unit-row', 'mixed-stacked'];
  test.each(['seed-003', 'synth-jy-small'])('%s: every table, row kind, code and amount the same in each layout', async (name) => {
    const grids = await fixture(name);
    const book = readBook(grids);
    const before = amountSummary(book);
    for (const layout of LAYOUTS.filter((l) => same.includes(l.name))) {
      const v = applyLayout(grids, book, layout);
      expect([layout.name, amountSummary(readBook(v.grids))]).toEqual([layout.name, before]);
    }
  });

  test('function codes in one cell: 2080505 is 类 208 款 05 项 05, at the one cell', async () => {
    const grids = await fixture('seed-000');
    const book = readBook(grids);
    const v = applyLayout(grids, book, LAYOUTS.find((l) => l.name === 'joined-numbers')!);
    const t03 = readBook(v.grids).tables.T03 as GridTable;
    const r = t03.rows.find((x) => x.func?.code === '2080505')!;
    expect(r.func).toMatchObject({ lei: '208', kuan: '05', xiang: '05' });
    expect(r.func!.refs).toHaveLength(1);
    expect(t03.columns.find((c) => c.key === '款')).toBeUndefined();
  });

  test('economic codes as numbers keep their digits (30101, 50501), split 类|款 cells are joined', async () => {
    const grids = await fixture('seed-000');
    const book = readBook(grids);
    for (const name of ['code-numbers', 'econ-split']) {
      const t06 = readBook(applyLayout(grids, book, LAYOUTS.find((l) => l.name === name)!).grids).tables.T06 as GridTable;
      const econ = t06.rows.filter((r) => r.kind === 'econ');
      expect(econ.length).toBe((book.tables.T06 as GridTable).rows.filter((r) => r.kind === 'econ').length);
      expect(econ[0].econ).toMatchObject({ dept: '30101', gov: '50501' });
    }
  });
});

test('codes joined in the 类 cell under a 类 | 款 | 项 header: read as joined, and said so (info)', async () => {
  const grids = await fixture('seed-000');
  const before = amountSummary(readBook(grids)).T03;
  const g = sheetOf(grids, '表3');
  for (const r of g.values)
    if (typeof r[0] === 'string' && /^2\d\d$/.test(r[0]) && typeof r[1] === 'string' && typeof r[2] === 'string') {
      r[0] = r[0] + r[1] + r[2];
      r[1] = r[2] = null;
    }
  const { report, book } = checkWorkbook(grids);
  expect(amountSummary(book).T03).toEqual(before);
  expect(errors(report)).toEqual([]);
  const info = report.findings.filter((f) => f.rule === 'P.layout');
  expect(info).toEqual([expect.objectContaining({ severity: 'info', sheet: g.name, cell: 'A5' })]);
  expect(info[0].message).toContain('已按整段编码拆分为类、款、项读取');
});

test('no unit line anywhere: amounts read as 万元, said once (info)', async () => {
  const grids = await fixture('seed-000');
  for (const g of grids) g.values = g.values.map((r) => r.map((v) => (v === '单位：万元' ? null : v)));
  const { report } = checkWorkbook(grids);
  expect(errors(report)).toEqual([]);
  expect(report.findings.filter((f) => f.rule === 'P.unit')).toEqual([expect.objectContaining({ severity: 'info', sheet: '表1 部门收支总体情况表', cell: 'A1' })]);
});

describe('department and unit lines', () => {
  test.each(['编制单位：', '单位名称:', '部门：', '填报单位:', '部门名称 '])('%s is a department line, not a body row', async (label) => {
    const grids = await fixture('seed-000');
    for (const g of grids) {
      const c = cell(g, 'A2');
      if (typeof c.get() === 'string' && String(c.get()).startsWith('部门名称：')) c.set(String(c.get()).replace('部门名称：', label));
    }
    const { report, book } = checkWorkbook(grids);
    expect(errors(report)).toEqual([]);
    expect(book.tables.T03!.deptName?.text).toBe('平顶山市人民政府驻广州办事处');
    expect(report.findings.filter((f) => f.rule === 'P.cell')).toEqual([]);
  });

  test('a table in 元 is converted to 万元 and says so (info at its unit cell); its amounts equal the 万元 ones', async () => {
    const grids = await fixture('seed-000');
    const before = amountSummary(readBook(grids)).T05;
    const g = sheetOf(grids, '表5');
    g.values = g.values.map((row) => row.map((v) => (typeof v === 'number' ? Math.round(v * 10000) : v)));
    const unit = g.values.findIndex((r) => r.some((v) => v === '单位：万元'));
    const col = g.values[unit].indexOf('单位：万元');
    g.values[unit][col] = '单位:元';
    const { report, book } = checkWorkbook(grids);
    expect(amountSummary(book).T05).toEqual(before);
    const f = report.findings.filter((x) => x.rule === 'P.unit');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', sheet: g.name, cell: `${String.fromCharCode(65 + col)}${unit + 1}`, actual: '元' });
    expect(f[0].message).toContain('已换算为万元');
    expect(errors(report)).toEqual([]);
  });

  test('an unknown unit (单位：美元): one error at that cell, the table left out, no error elsewhere', async () => {
    const grids = await fixture('seed-001');
    const g = sheetOf(grids, '表5');
    const unit = g.values.findIndex((r) => r.some((v) => v === '单位：万元'));
    const col = g.values[unit].indexOf('单位：万元');
    g.values[unit][col] = '单位：美元';
    const { report, book } = checkWorkbook(grids);
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'P.unit', sheet: g.name, cell: `${String.fromCharCode(65 + col)}${unit + 1}`, actual: '美元' })]);
    expect(errors(report)[0].message).toContain('未参与金额校验');
    expect(book.tables.T05).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === 'P.table-missing')).toEqual([]);
    expect(report.missing).not.toContain('T05');
  });
});

describe('hidden copies, notes, garbage codes', () => {
  test('a hidden stale copy before the visible table: the visible one is checked, the hidden one named', async () => {
    const grids = await fixture('seed-000');
    const book = readBook(grids);
    const v = applyLayout(grids, book, LAYOUTS.find((l) => l.name === 'hidden-copy')!);
    const hidden = v.grids.find((g) => g.state === 'hidden')!;
    const { report, book: b } = checkWorkbook(v.grids);
    expect(b.tables.T03!.sheet).toBe(book.tables.T03!.sheet);
    const dup = report.findings.filter((f) => f.rule === 'P.duplicate');
    expect(dup).toEqual([expect.objectContaining({ severity: 'warning', sheet: hidden.name, cell: 'A1' })]);
    expect(dup[0].message).toContain('隐藏工作表');
    expect(errors(report)).toEqual([]);
  });

  test('a table found only on a hidden sheet is checked, and the user is told where it is (info)', async () => {
    const grids = await fixture('seed-000');
    const g = sheetOf(grids, '表8');
    g.state = 'hidden';
    const { report, book } = checkWorkbook(grids);
    expect(book.tables.T08!.sheet).toBe(g.name);
    expect(report.findings.filter((f) => f.rule === 'P.hidden-sheet')).toEqual([expect.objectContaining({ severity: 'info', sheet: g.name, cell: 'A1' })]);
  });

  test('a sign-off line under a table (单位负责人： 制表人：) is a note, not a project', async () => {
    const grids = await fixture('seed-003');
    const g = sheetOf(grids, '表10');
    g.values.push([], ['单位负责人：', null, '财务负责人：', null, '制表人：', '张三']);
    const { report, book } = checkWorkbook(grids);
    expect(errors(report)).toEqual([]);
    expect((book.tables.T10 as GridTable).notes.map((n) => n.text)).toContain('单位负责人： 财务负责人： 制表人： 张三');
  });

  test('a 政府经济分类 code cell holding und | efined is an error at that cell (济源 synthetic fixture)', async () => {
    const { report } = checkWorkbook(await fixture('synth-jy-small'));
    const f = report.findings.filter((x) => x.rule === 'P.code');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', sheet: '7-支出经济分类汇总表', cell: 'D16', actual: 'und | efined' })]);
    expect(f[0].related).toEqual([{ sheet: '7-支出经济分类汇总表', cell: 'E16' }]);
  });

  test('a function 款/项 cell holding text is an error at that cell; 合计 and dashes are not', async () => {
    const grids = await fixture('seed-000');
    const g = sheetOf(grids, '表3');
    const row = g.values.findIndex((r) => r[0] === '201' && typeof r[1] === 'string' && typeof r[2] === 'string');
    g.values[row][2] = 'N/A';
    const { report } = checkWorkbook(grids);
    const f = report.findings.filter((x) => x.rule === 'P.code');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', sheet: g.name, cell: `C${row + 1}` })]);
    g.values[row][2] = '-';
    expect(checkWorkbook(grids).report.findings.filter((x) => x.rule === 'P.code')).toEqual([]);
  });
});

export type { BudgetBook };
