/**
 * The published seeds: every rounding tail of rules.md §1 that a table or cross-table rule sees is
 * info, and the genuine inconsistencies of rules.md §8 in this rule range are reported at their severity.
 */
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/report';
import { clean, loadGrids } from './helpers/books';

const reports = new Map<string, Finding[]>();
async function findings(seed: string): Promise<Finding[]> {
  let f = reports.get(seed);
  if (!f) {
    f = checkWorkbook(await loadGrids(clean(`seed-${seed}.xlsx`)), { file: seed }).report.findings;
    reports.set(seed, f);
  }
  return f;
}
const mine = (f: Finding) => /^(T\d\d|X)\./.test(f.rule);
const at = (fs: Finding[], sheet: string, cell: string) => fs.filter((f) => f.sheet.startsWith(sheet) && f.cell === cell);

/** [seed, sheet prefix, cell, rules that may report the tail there] — rules.md §1 table. */
const TAILS: [string, string, string, string[]][] = [
  ['000', '表3', 'G7', ['T03.row-basic']], // 1
  ['000', '表3', 'G8', ['T03.row-basic']], // 2
  ['000', '表3', 'G9', ['T03.row-basic']], // 3 事业运行
  ['000', '表5', 'G7', ['T05.row-basic']], // 4–6
  ['000', '表5', 'G8', ['T05.row-basic']],
  ['000', '表5', 'G9', ['T05.row-basic']],
  ['000', '表6', 'E6', ['T06.row', 'T06.col-sum']], // 7, 8
  ['000', '表7', 'G7', ['T07.col-sum']], // 9
  ['000', '表7', 'H7', ['T07.col-sum']],
  ['000', '表7', 'I7', ['T07.col-sum']],
  ['000', '表7', 'G8', ['T07.col-sum']],
  ['003', '表1', 'D36', ['T01.expense-sum']], // 14
  ['003', '表4', 'D7', ['T04.expense-sum']], // 15
  ['003', '表4', 'E7', ['T04.expense-sum']],
  ['003', '表4', 'F7', ['T04.expense-sum']],
  ['003', '表3', 'G7', ['T03.row-basic', 'T03.col-sum']], // 16, 18
  ['003', '表3', 'G8', ['T03.row-basic', 'T03.col-sum']],
  ['003', '表3', 'F7', ['T03.col-sum']], // 17
  ['003', '表5', 'G7', ['T05.row-basic', 'T05.col-sum']], // 19
  ['003', '表5', 'F7', ['T05.col-sum']],
  ['003', '表6', 'E6', ['T06.row']], // 20
  ['003', '表6', 'G6', ['T06.col-sum']], // 21
  ['003', '表5', 'J7', ['X.T05-T06.econ-class']], // 22
  ['003', '表12', 'G33', ['T12.cost-le-amount']], // 27 (G11)
];

describe('rounding tails of the seeds (rules.md §1) are info', () => {
  test.each(TAILS)('seed %s %s!%s', async (seed, sheet, cell, rules) => {
    const fs = at(await findings(seed), sheet, cell);
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(fs.some((f) => f.severity === 'info' && rules.includes(f.rule))).toBe(true);
  });
});

describe('seeds: no error from the table and cross-table rules', () => {
  test.each(['000', '001', '003', '004'])('seed %s', async (seed) => {
    expect((await findings(seed)).filter((f) => mine(f) && f.severity === 'error')).toEqual([]);
  });
});

describe('genuine inconsistencies of rules.md §8 in the T/X range', () => {
  test('G8: 004 has 职工基本医疗保险缴费 (30110) but no 21011 行政事业单位医疗 row — warning', async () => {
    const g8 = (await findings('004')).filter((f) => f.rule === 'X.T05-T06.social' && f.severity === 'warning');
    expect(g8).toHaveLength(1);
    expect(g8[0].message).toContain('30110');
  });
  test('G9: 004 projects without 成本指标 — one warning each', async () => {
    const g9 = (await findings('004')).filter((f) => f.rule === 'T12.indicators-complete');
    expect(g9.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(g9.map((f) => f.message).join()).toMatch(/督查目标考评工作经费.*网络运行维护费.*春节团拜会经费/);
  });
  test('G10/G11: 003 cost targets vs project amounts are info (below the amount; over by 0.02 within rounding)', async () => {
    const cost = (await findings('003')).filter((f) => f.rule === 'T12.cost-le-amount');
    expect(cost.every((f) => f.severity === 'info')).toBe(true);
    expect(at(cost, '表12', 'G42')[0].detail).toContain('2024年工装制作费用');
    expect(at(cost, '表12', 'G42')[0].headline).toBe('表12 G42 成本指标比资金总额 2.7 万元少 0.62 万元，请核对');
    expect(at(cost, '表12', 'G33')[0].detail).toContain('不是错误');
    expect(at(cost, '表12', 'G33')[0].headline).toContain('无需修改');
  });
  test('G12: 003 equipment projects are hinted (info) against T14 and the missing 310 spending', async () => {
    const fs = await findings('003');
    for (const rule of ['X.T12-T14.procurement-hint', 'X.T12-T07.capital-hint']) {
      const hints = fs.filter((f) => f.rule === rule);
      expect(hints.map((f) => f.cell).sort()).toEqual(['B24', 'B30', 'B33', 'B45']);
      expect(hints.every((f) => f.severity === 'info')).toBe(true);
    }
  });
  test('no other warning from these rules on the seeds', async () => {
    const extra = [];
    for (const seed of ['000', '001', '003', '004']) {
      for (const f of await findings(seed)) if (mine(f) && f.severity === 'warning' && !['X.T05-T06.social', 'T12.indicators-complete'].includes(f.rule)) extra.push(`${seed} ${f.rule} ${f.cell}`);
    }
    expect(extra).toEqual([]);
  });
});
