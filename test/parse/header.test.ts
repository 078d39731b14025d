/**
 * Header flattening and column identification (tables.md §4): merged areas, leaf first / parent to
 * disambiguate, and code columns found by the body pattern when the header is scrambled.
 */
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import type { GridTable } from '../../src/core/model';
import { COL } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';
import { amountSummary, clone } from './grid-tools';

const seed = (s: string) => loadGrids(path.join(FIXTURES, 'clean', `seed-${s}.xlsx`));

test('T02 paths: ambiguous leaves resolved by their parent', async () => {
  const t = readBook(await seed('000')).tables.T02 as GridTable;
  const byKey = Object.fromEntries(t.columns.map((c) => [c.key, c.path.join('/')]));
  expect(byKey[COL.t02.current]).toBe('本年收入/合计');
  expect(byKey[COL.t02.carry]).toBe('上年结转结余/合计');
  expect(byKey[COL.t02.gpb]).toBe('本年收入/一般公共预算/小计');
  expect(byKey[COL.t02.gpbAppropriation]).toBe('本年收入/一般公共预算/财政拨款');
  expect(byKey[COL.t02.carryGpb]).toBe('上年结转结余/一般公共预算');
  expect(byKey[COL.t02.fund]).toBe('本年收入/政府性基金');
  expect(byKey[COL.t02.carryFund]).toBe('上年结转结余/政府性基金');
});

test('济源 T03: one 公用经费 column, no 商品和服务支出 / 资本性支出', async () => {
  const t = readBook(await seed('004')).tables.T03 as GridTable;
  const keys = t.columns.map((c) => c.key);
  expect(keys).toContain(COL.expense.publicCost);
  expect(keys).not.toContain(COL.expense.goods);
  expect(keys).not.toContain(COL.expense.capital);
  expect(t.columns.find((c) => c.key === COL.expense.publicCost)!.path).toEqual(['基本支出', '公用经费']);
});

test('spaced header texts ("合 计", "政府 性基 金") and swapped sub-headers match by token', async () => {
  const grids = await seed('000');
  const before = amountSummary(readBook(grids));
  const g = grids.find((x) => x.name.includes('表2'))!;
  g.values[4] = g.values[4].map((v) => (typeof v === 'string' ? v.split('').join(' ') : v));
  g.values[5][4] = '其中：财政拨款'; // E6 / F6 swapped, as in 000:229
  g.values[5][5] = '小 计';
  const b = readBook(grids);
  const t = b.tables.T02 as GridTable;
  const col = (k: string) => t.columns.find((c) => c.key === k)!.col;
  expect(col(COL.t02.gpb)).toBe(6);
  expect(col(COL.t02.gpbAppropriation)).toBe(5);
  expect(col(COL.t02.fund)).toBe(7);
  // all values of 000 T02 are the same in both columns, so the reading is unchanged
  expect(amountSummary(b).T02).toEqual(before.T02);
});

test('scrambled T03 / T07 headers: the code columns are found by the digits of the body', async () => {
  const grids = await seed('001');
  const before = readBook(grids);
  const scrambled = grids.map((g) => {
    if (!/表3|表7/.test(g.name)) return g;
    const c: SheetGrid = clone(g);
    // 001:350 style: the code headers land on the wrong columns
    if (g.name.includes('表3')) [c.values[4][0], c.values[4][1], c.values[4][2]] = [null, '工资福利支出', '类'];
    else [c.values[5][0], c.values[5][1], c.values[4][2], c.values[5][3], c.values[5][4]] = ['款', null, null, null, '类'];
    return c;
  });
  const b = readBook(scrambled);
  for (const id of ['T03', 'T07'] as const) {
    const rows = (t: GridTable) => t.rows.map((r) => [r.kind, r.func?.code, r.econ?.dept, r.econ?.gov]);
    expect(rows(b.tables[id] as GridTable)).toEqual(rows(before.tables[id] as GridTable));
    expect(amountSummary(b)[id]).toEqual(amountSummary(before)[id]);
  }
});
