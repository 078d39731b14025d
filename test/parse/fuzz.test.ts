/**
 * Fuzz: 600 random, truncated, shuffled and garbage workbooks. readBook never throws, every issue
 * is a well-formed P.* finding with a message, every amount is an exact integer. Seeded PRNG: a
 * failure prints its case number and reproduces.
 */
import path from 'path';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { BudgetBook } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { SPECS } from '../../src/core/tables';
import { FIXTURES, loadGrids } from '../helpers/load';
import { clone } from './grid-tools';
import { rng } from '../helpers/random';

const WORDS = [
  ...Object.values(SPECS).flatMap((s) => [...s.titles, ...s.signature, ...s.groups]),
  '合计', '总计', '小计', '类', '款', '项', '部门名称：某某局', '单位：万元', '单位: 元', '注：本表无数据', '本部门2024年度没有项目支出，故本表无数据。',
  '一、一般公共预算', '其中：财政拨款', '(九) 医疗卫生与计划生育支出', '二十一、住房保障支出', '目录', '(2024年度)', '部门预算总额(万元)',
  '（1）政府预算资金', '2、资金结构：(1) 基本支出', '一级指标', '三级指标', '指标值', '≤4.3万元', '1,990.50', '149.7', '-', '—', '', ' ',
  '060', '060001', '201', '03', '2010301', '30101', '50501', '419001220000000006603', '4.19001E+20', '#N/A', '\u3000', '表1 ', '＃＃',
];
const ERRORS = ['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?'];

function randomCell(r: () => number): CellValue {
  const x = r();
  if (x < 0.35) return null;
  if (x < 0.6) return WORDS[Math.floor(r() * WORDS.length)];
  if (x < 0.78) return Math.round((r() - 0.2) * 1e6) / 10 ** Math.floor(r() * 4);
  if (x < 0.82) return [NaN, Infinity, -0, 1e21, 4.19001220000000006603e20, 1e-9, 60, 3][Math.floor(r() * 8)];
  if (x < 0.86) return { error: ERRORS[Math.floor(r() * ERRORS.length)] };
  if (x < 0.89) return r() < 0.5;
  if (x < 0.95) return String.fromCharCode(...Array.from({ length: Math.floor(r() * 12) }, () => Math.floor(r() * 0x9fff)));
  return `${Math.floor(r() * 1000)}`.padStart(3, '0');
}

function randomSheet(r: () => number, i: number): SheetGrid {
  const rows = Math.floor(r() * 40);
  const cols = 1 + Math.floor(r() * 16);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: Math.floor(r() * cols) }, () => randomCell(r)));
  const merges = Array.from({ length: Math.floor(r() * 6) }, () => {
    const a = `${String.fromCharCode(65 + Math.floor(r() * 10))}${1 + Math.floor(r() * 30)}`;
    const b = `${String.fromCharCode(65 + Math.floor(r() * 10))}${1 + Math.floor(r() * 30)}`;
    return r() < 0.1 ? 'garbage' : `${a}:${b}`;
  });
  const grid: SheetGrid = {
    name: r() < 0.1 ? '' : `S${i}`,
    origin: r() < 0.8 ? 'A1' : r() < 0.5 ? `C${1 + Math.floor(r() * 5)}` : 'nonsense',
    values,
    merges,
    hiddenRows: r() < 0.2 ? [1, 2, 3, 1e9, -1] : undefined,
  };
  if (r() < 0.5) grid.formats = values.map((row) => row.map(() => ['0.0', '#,##0.00', 'General', '@', null, '0%', '"元"0.00'][Math.floor(r() * 7)]));
  if (r() < 0.2) grid.text = values.map((row) => row.map((v) => (v === null ? null : String(typeof v === 'object' ? v.error : v))));
  return grid;
}

function truncate(g: SheetGrid, r: () => number): SheetGrid {
  const c = clone(g);
  const cut = Math.floor(r() * c.values.length);
  c.values = r() < 0.5 ? c.values.slice(0, cut) : c.values.slice(cut);
  if (r() < 0.5) c.values = c.values.map((row) => row.slice(0, Math.floor(r() * row.length)));
  return c;
}

function shuffle(g: SheetGrid, r: () => number): SheetGrid {
  const c = clone(g);
  for (let i = c.values.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [c.values[i], c.values[j]] = [c.values[j], c.values[i]];
  }
  return c;
}

function corrupt(g: SheetGrid, r: () => number): SheetGrid {
  const c = clone(g);
  for (const row of c.values) for (let i = 0; i < row.length; i++) if (r() < 0.08) row[i] = randomCell(r);
  return c;
}

function check(book: BudgetBook): void {
  // P.table is the parser's own safety net (a table it failed on): it must never be needed.
  expect(book.issues.filter((i) => i.rule === 'P.table' || i.rule === 'P.sheet').map((i) => i.message)).toEqual([]);
  for (const i of book.issues) {
    expect(i.rule).toMatch(/^P\./);
    expect(['error', 'warning', 'info']).toContain(i.severity);
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(5);
    expect(typeof i.ref.sheet).toBe('string');
    expect(typeof i.ref.cell).toBe('string');
  }
  const amounts = JSON.stringify(book.tables, (k, v) => (k === 'scaled' && !Number.isSafeInteger(v) ? `BAD ${v}` : v));
  expect(amounts).not.toContain('BAD');
  expect(['pds', 'jy']).toContain(book.layout);
}

describe('fuzz', () => {
  let fixtures: SheetGrid[][] = [];
  beforeAll(async () => {
    fixtures = await Promise.all(['seed-003', 'seed-004', 'synth-pds-small', 'synth-jy-small'].map((f) => loadGrids(path.join(FIXTURES, 'clean', `${f}.xlsx`))));
  });

  test('600 random, truncated, shuffled and garbage workbooks never make readBook throw', () => {
    let cases = 0;
    for (let n = 0; n < 600; n++) {
      const r = rng(1000 + n);
      let grids: SheetGrid[];
      const kind = n % 5;
      const base = fixtures[n % fixtures.length];
      if (kind === 0) grids = Array.from({ length: Math.floor(r() * 5) }, (_, i) => randomSheet(r, i));
      else if (kind === 1) grids = base.map((g) => (r() < 0.6 ? truncate(g, r) : g));
      else if (kind === 2) grids = base.map((g) => (r() < 0.5 ? shuffle(g, r) : g));
      else if (kind === 3) grids = base.map((g) => corrupt(g, r));
      else grids = [...base.filter(() => r() < 0.5), randomSheet(r, 99), { name: 'empty', origin: 'A1', values: [] }];
      let book: BudgetBook | undefined;
      try {
        book = readBook(grids);
      } catch (e) {
        throw new Error(`case ${n} (kind ${kind}) threw: ${(e as Error).stack}`);
      }
      check(book);
      cases++;
    }
    expect(cases).toBe(600);
  });

  test('inputs that are not even well-formed grids', () => {
    const weird = [
      [],
      [{ name: 'x', origin: 'A1', values: [[undefined, null, [1, 2], { foo: 1 }]] }],
      [{ name: 'x', origin: 'A1', values: [null, 'row', 5] }],
      [{ name: 'x', origin: 'ZZZZ0', values: [['部门收支总体情况表']] }],
      [{ name: 'x', origin: 'A1', values: [['部门收支总体情况表'], ['收入', null, '支出'], ['项目', '金额', '项目', '金额']], merges: [null, 5, 'A1:B'] }],
      [{ name: 'x', origin: 'A1', values: [['部门收支总体情况表']], formats: 'oops', text: 7, hiddenRows: 'no' }],
    ] as unknown as SheetGrid[][];
    for (const grids of weird) check(readBook(grids));
    expect(readBook(null as unknown as SheetGrid[]).issues).toHaveLength(14);
  });
});
