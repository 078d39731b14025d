/**
 * The narratives the tests check: the four published ones (test/fixtures/narrative) and, for every
 * clean workbook (test/fixtures/clean), the narrative our generator writes from it with a
 * 说明参数 sheet filled in here (priors that rise, fall and stay level), so that every sentence
 * carries numbers and no 【请填写…】 is left.
 */
import fs from 'fs';
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import type { BudgetBook } from '../../src/core/model';
import { checkWorkbook } from '../../src/core/check';
import type { NarrativeParams } from '../../src/core/narrative';
import { generateNarrative, initParamsFormats, initParamsSheet, readParams } from '../../src/core/narrative';
import type { ParamsRow } from '../../src/core/narrative';
import { readFacts } from '../../src/core/narrative/facts';
import { L, LIST } from '../../src/core/narrative/labels';
import { loadGrids } from '../helpers/load';

export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const SEEDS = ['000', '001', '003', '004'] as const;
export const CLEAN = fs.readdirSync(path.join(FIXTURES, 'clean')).filter((f) => f.endsWith('.xlsx')).sort();

export interface Case {
  name: string;
  book: BudgetBook;
  params: NarrativeParams | undefined;
  text: string;
  grids: SheetGrid[];
}

export async function seedCase(seed: string): Promise<Case> {
  const dir = path.join(FIXTURES, 'narrative');
  const grids = await loadGrids(path.join(dir, `seed-${seed}.xlsx`));
  const { book } = checkWorkbook(grids);
  return { name: `seed-${seed}`, book, params: readParams(grids), text: fs.readFileSync(path.join(dir, `seed-${seed}.expected.md`), 'utf8'), grids };
}

/** A clean workbook plus a filled 说明参数 sheet, and the narrative generated from both. */
export async function generatedCase(file: string): Promise<Case> {
  const tables = await loadGrids(path.join(FIXTURES, 'clean', file));
  const { book } = checkWorkbook(tables);
  const grid = paramsGrid(book);
  const grids = [...tables, grid];
  const params = readParams(grids)!;
  const text = generateNarrative(book, params).markdown;
  return { name: `generated ${file}`, book, params, text, grids };
}

function paramsGrid(book: BudgetBook): SheetGrid {
  const rows = initParamsSheet(book).map((r) => [...r]);
  const f = readFacts(book);
  const jy = book.layout === 'jy';
  const d = jy ? 2 : 1;
  const r = (x: number) => Math.round(x * 10 ** d) / 10 ** d;
  const v = (scaled: number | undefined) => (scaled ?? 0) / 1e6;
  const set = (label: string, value: string | number) => {
    const row = rows.find((x) => x[0] === label);
    if (row) row[1] = value;
  };
  const income = v(f.t01?.incomeTotal?.scaled);
  const gpb = v(f.t04?.gpb?.scaled ?? f.t05?.total.scaled);
  set(L.priorIncome, r(income * 0.9 + 3.3));
  set(L.priorExpense, r(income * 0.9 + 3.3));
  set(L.priorGpb, r(income * 0.9 + 3.3 - (income - gpb)));
  const fund = v(f.t04?.fund?.scaled ?? f.t09?.total.scaled);
  const capital = v(f.t04?.stateCapital?.scaled ?? f.t13?.total.scaled);
  set(L.priorFund, fund ? r(fund * 0.9 + 1) : 0);
  set(L.priorStateCapital, capital ? r(capital * 0.9 + 1) : 0);
  const t8 = f.t08;
  const reception = v(t8?.reception.scaled);
  set(L.priorSgAbroad, v(t8?.abroad.scaled));
  set(L.priorSgReception, r(reception + 0.5));
  set(L.priorSgPurchase, v(t8?.purchase.scaled));
  set(L.priorSgRunning, r(v(t8?.running.scaled) * 0.8));
  set(L.priorSgTotal, r(v(t8?.abroad.scaled) + reception + 0.5 + v(t8?.purchase.scaled) + r(v(t8?.running.scaled) * 0.8)));
  set(L.priorJgyx, r(v(f.t06?.publicCost.scaled) * 1.1 + 0.4));
  set(L.reasonTotal, '人员调整，经费相应变化');
  set(L.reasonJgyx, '压缩日常公用经费');
  set(L.reasonSg, '厉行节约');
  if (!rows.find((x) => x[0] === L.unitType)?.[1]) set(L.unitType, '行政单位');
  const header = rows.findIndex((x) => x[0] === LIST.items.header);
  for (let i = header + 1, k = 0; i < rows.length && rows[i].length; i++, k++) {
    const cur = Number(rows[i][2] ?? 0);
    rows[i][3] = k % 3 === 0 ? r(cur * 0.85 + 0.2) : k % 3 === 1 ? cur : r(cur * 1.2 + 0.1);
    rows[i][4] = k % 3 === 1 ? null : '按实际需要调整';
  }
  set(L.carGeneral, 2);
  set(L.carLaw, 0);
  set(L.carSpecial, 1);
  set(L.carOther, 0);
  set(L.equipGeneral, 0);
  set(L.equipSpecial, 0);
  set(L.transferCount, 0);
  if (jy && !f.t14) {
    set(L.procTotal, 12.5);
    set(L.procGoods, 10);
    set(L.procWorks, 0);
    set(L.procServices, 2.5);
  }
  const formats = initParamsFormats(book, rows as ParamsRow[]);
  return { name: '说明参数', origin: 'A1', values: rows.map((x) => x.map((c) => (c === undefined ? null : c))), formats };
}
