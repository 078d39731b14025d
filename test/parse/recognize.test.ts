/**
 * Recognition by title text (not sheet name or position), the pitfalls of tables.md §2, 目录 lines,
 * several tables in one sheet, page breaks, and the header-signature fallback.
 */
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import { readBook } from '../../src/core/parse';
import { matchTitle } from '../../src/core/tables';
import { chineseNumber, normTitle, splitOrdinal, squash } from '../../src/core/text';
import { FIXTURES, loadGrids } from '../helpers/load';
import { amountSummary, clone, insertRows, stackSheets } from './grid-tools';

describe('text normalisation (tables.md §1.5)', () => {
  test('squash: NFKC, no whitespace (U+3000, line breaks), no quotes', () => {
    expect(squash('合 计')).toBe('合计');
    expect(squash('政府 性基\n金')).toBe('政府性基金');
    expect(squash('因公出国（境）费')).toBe('因公出国(境)费');
    expect(squash('一般公共预算“三公”经费\u3000支出')).toBe('一般公共预算三公经费支出');
  });
  test('normTitle strips #, year prefixes, ordinals, 续', () => {
    expect(normTitle('## 部门（单位）整体绩效目标表')).toBe('部门(单位)整体绩效目标表');
    expect(normTitle('2023 年部门支出预算表')).toBe('部门支出预算表');
    expect(normTitle('2025年度部门预算项目绩效目标表')).toBe('部门预算项目绩效目标表');
    expect(normTitle('表1 部门收支总体情况表')).toBe('部门收支总体情况表');
    expect(normTitle('附表3 部门支出总体情况表')).toBe('部门支出总体情况表');
    expect(normTitle('一、部门收支总体情况表')).toBe('部门收支总体情况表');
    expect(normTitle('表4 2023年财政拨款收支总体情况表（续）')).toBe('财政拨款收支总体情况表');
  });
  test('Chinese ordinals', () => {
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('二十一')).toBe(21);
    expect(chineseNumber('三十四')).toBe(34);
    expect(chineseNumber('十六')).toBe(16);
    expect(chineseNumber('百')).toBeUndefined();
    expect(splitOrdinal(squash('（二十四）灾害防治'))).toEqual({ level: 'paren', n: 24, rest: '灾害防治' });
    expect(splitOrdinal('八、社会保障和就业')).toEqual({ level: 'top', n: 8, rest: '社会保障和就业' });
    expect(splitOrdinal('其中:财政拨款')).toBeUndefined();
  });
});

describe('title matching pitfalls (tables.md §2)', () => {
  test.each([
    ['部门收支总体情况表', 'T01'],
    ['2023 年部门收支预算表', 'T01'],
    ['财政拨款收支总体情况表', 'T04'],
    ['2023 年财政拨款收支总体情况表', 'T04'],
    ['部门收入总体情况表', 'T02'],
    ['部门支出预算表', 'T03'],
    ['一般公共预算支出情况表', 'T05'],
    ['2023 年一般公共预算支出预算表', 'T05'],
    ['一般公共预算基本支出表', 'T06'],
    ['支出经济分类汇总表', 'T07'],
    ['一般公共预算“三公”经费支出情况表', 'T08'],
    ['2023 年一般公共预算“三公”经费预算表', 'T08'],
    ['政府性基金预算支出预算表', 'T09'],
    ['项目支出预算表', 'T10'],
    ['本级部门(单位)整体绩效目标表', 'T11'],
    ['预算项目绩效目标表', 'T12'],
    ['2025年度部门预算项目绩效目标表', 'T12'],
    ['表10 国有资本经营预算支出预算表', 'T13'], // 济源 numbers differ: the ordinal never decides
    ['表11 项目支出预算表', 'T10'],
    ['政府采购汇总表', 'T14'],
    ['平顶山市某某局2024年部门收支总体情况表', 'T01'],
  ])('%s → %s', (title, id) => {
    expect(matchTitle(title)).toBe(id);
  });
  test.each([
    '本部门2025年度没有项目支出，故本表无数据。',
    '注：本表仅含当年财政拨款安排的支出。',
    '收支总体情况表',
    '部门预算表',
    '项目',
  ])('%s names no table', (text) => {
    expect(matchTitle(text)).toBeUndefined();
  });
});

const seed = (s: string) => loadGrids(path.join(FIXTURES, 'clean', `seed-${s}.xlsx`));
const TOC = (names: string[]) => [['目录'], ...names.map((n, i) => [`${'一二三四五六七八九十'[i] ?? i + 1}、${n}`])];

describe('several tables in one sheet (an exported PDF)', () => {
  test.each(['003', '004'])('seed %s stacked into one sheet behind a 目录 reads the same as sheet by sheet', async (s) => {
    const grids = await seed(s);
    const original = readBook(grids);
    const names = ['部门收支总体情况表', '部门收入总体情况表', '部门支出总体情况表', '财政拨款收支总体情况表', '一般公共预算支出情况表', '支出经济分类汇总表', '政府采购汇总表'];
    const one = stackSheets(grids, 'PDF', TOC(names));
    const book = readBook([one]);
    expect(Object.keys(book.tables).sort()).toEqual(Object.keys(original.tables).sort());
    expect(amountSummary(book)).toEqual(amountSummary(original));
    for (const t of Object.values(book.tables)) expect(t!.sheet).toBe('PDF');
    // The 目录 lines never open a block: T02/T07 stay missing in 004 although the 目录 names them.
    const missing = book.issues.filter((i) => i.rule === 'P.table-missing').map((i) => i.table);
    expect(missing.sort()).toEqual(s === '004' ? ['T02', 'T07', 'T14'] : []);
    if (s === '004') expect(book.issues.find((i) => i.table === 'T02')!.message).toContain('目录');
    expect(book.layout).toBe(original.layout);
  });

  test('tables are found by title text, not by sheet name', async () => {
    const grids = (await seed('001')).map((g, i) => ({ ...g, name: `Sheet${14 - i}` }));
    const book = readBook(grids);
    expect(Object.keys(book.tables)).toHaveLength(14);
    expect(book.tables.T01!.sheet).toBe('Sheet14');
    expect(book.tables.T14!.sheet).toBe('Sheet1');
  });
});

describe('page breaks continue the open table', () => {
  test('平顶山: a repeated header inside T04 is skipped', async () => {
    const grids = await seed('003');
    const i = grids.findIndex((g) => g.name.includes('财政拨款收支'));
    const g = grids[i];
    const repeated = insertRows(g, 25, [g.values[3], g.values[4], g.values[5]], [g.formats![3], g.formats![4], g.formats![5]]);
    const book = readBook(grids.map((x, j) => (j === i ? repeated : x)));
    expect(amountSummary(book).T04).toEqual(amountSummary(readBook(grids)).T04);
    expect(book.issues.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  test('济源: a repeated title, 部门名称, 单位 and header inside T06 are skipped', async () => {
    const grids = await seed('004');
    const i = grids.findIndex((g) => g.values[0]?.[0] === '一般公共预算基本支出表');
    const g = grids[i];
    const rows = g.values.slice(0, 5);
    const repeated = insertRows(g, 22, rows, g.formats!.slice(0, 5));
    const book = readBook(grids.map((x, j) => (j === i ? repeated : x)));
    const before = readBook(grids);
    expect(amountSummary(book).T06).toEqual(amountSummary(before).T06);
    expect(Object.keys(book.tables)).toEqual(Object.keys(before.tables));
  });
});

describe('header-signature fallback when the title is missing', () => {
  const dropTitle = (g: SheetGrid): SheetGrid => {
    const c = clone(g);
    c.values[0] = [];
    return c;
  };

  test('each 平顶山 table without its title row is still found, the same amounts are read', async () => {
    const grids = await seed('003');
    const original = readBook(grids);
    const book = readBook(grids.map(dropTitle));
    expect(Object.keys(book.tables).sort()).toEqual(Object.keys(original.tables).sort());
    const a = amountSummary(book);
    const b = amountSummary(original);
    for (const id of Object.keys(b)) expect([id, a[id]]).toEqual([id, b[id]]);
  });

  test('T03/T05/T09 share a header: the notes and the sheet names tell them apart', async () => {
    const grids = await seed('000');
    const t05 = grids.findIndex((g) => g.name.includes('一般公共预算支出'));
    const t09 = grids.findIndex((g) => g.name.includes('政府性基金'));
    const renamed = grids.map((g, i) => (i === t05 || i === t09 ? { ...dropTitle(g), name: `Sheet${i}` } : g));
    const book = readBook(renamed);
    expect(book.tables.T05!.sheet).toBe(`Sheet${t05}`); // by its note 本表仅含当年财政拨款安排的支出
    expect(book.tables.T09!.sheet).toBe(`Sheet${t09}`); // by its no-data note
  });
});

describe('the narrative input sheet (说明参数)', () => {
  test.each(['000', '004'])('seed %s with its 说明参数 sheet: same tables, the sheet is just listed', async (s) => {
    const withParams = readBook(await loadGrids(path.join(FIXTURES, 'narrative', `seed-${s}.xlsx`)));
    const clean = readBook(await seed(s));
    expect(Object.keys(withParams.tables).sort()).toEqual(Object.keys(clean.tables).sort());
    expect(withParams.otherSheets).toEqual(['说明参数']);
    expect(withParams.issues.map((i) => i.rule)).toEqual(clean.issues.map((i) => i.rule));
  });
});
