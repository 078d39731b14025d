/** The N.* checks of rules.md §6: firing where the seeds' inputs contradict the tables, silent elsewhere. */
import type { CellValue } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/check';
import { checkParams, readParams } from '../../src/core/narrative';
import type { Finding } from '../../src/core/report';
import { SEEDS, grids } from './fixtures';
import type { Seed } from './fixtures';
import { miniBook, miniParams } from './mini-book';

const nFindings = async (seed: Seed) => (await checkWorkbook(await grids(seed))).report.findings.filter((f) => f.rule.startsWith('N.'));
const mini = (override: Record<string, CellValue> = {}, book = miniBook('pds')) => checkParams(book, readParams([miniParams('pds', override)])!);
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`).sort();

describe('on the seeds (rules.md §6 and §8)', () => {
  test('003: the published procurement split contradicts T14 (G2)', async () => {
    const f = (await nFindings('003')).find((x) => x.rule === 'N.procurement-split')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '说明参数', cell: 'B36', expected: 0.3, actual: 3.3, table: '说明参数' });
    expect(f.message).toContain('货物 0.3、工程 0、服务 3');
  });
  test('004: sections 一 and 四 use two prior bases (G3)', async () => {
    const f = (await nFindings('004')).find((x) => x.rule === 'N.yoy-sections')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '说明参数', cell: 'B10' });
    expect(f.message).toContain('269.66');
    expect(f.related).toContainEqual({ sheet: '说明参数', cell: 'B8' });
  });
  test('shares that miss 100 % by a tail are info (000 and 003 六, 001 五(二))', async () => {
    expect((await nFindings('000')).filter((f) => f.rule === 'N.share').map((f) => f.actual)).toEqual([100.1]);
    expect((await nFindings('003')).filter((f) => f.rule === 'N.share').map((f) => [f.severity, f.actual])).toEqual([['info', 100.1]]);
    expect((await nFindings('001')).filter((f) => f.rule === 'N.share').map((f) => [f.severity, f.actual])).toEqual([['info', 99.9]]);
  });
  test('the item priors: 000 adds to 132.4 against 132.3, 003 changes −8.6 against −8.7 — tails (info)', async () => {
    const f0 = (await nFindings('000')).find((f) => f.rule === 'N.yoy-items')!;
    expect(f0).toMatchObject({ severity: 'info', cell: 'B10', expected: 132.4, actual: 132.3 });
    const f3 = (await nFindings('003')).find((f) => f.rule === 'N.yoy-items')!;
    expect(f3).toMatchObject({ severity: 'info', expected: -8.7, actual: -8.6 });
    expect((await nFindings('001')).filter((f) => f.rule === 'N.yoy-items')).toEqual([]);
  });
  test.each(SEEDS)('seed %s: nothing else fires, and no N.* finding is an error', async (seed) => {
    const all = await nFindings(seed);
    const expected: Record<Seed, string[]> = {
      '000': ['N.share:info', 'N.yoy-items:info'],
      '001': ['N.share:info'],
      '003': ['N.procurement-split:warning', 'N.share:info', 'N.yoy-items:info'],
      '004': ['N.yoy-sections:warning'],
    };
    expect(rules(all)).toEqual(expected[seed].sort());
  });
  test('the 说明参数 sheet is not mistaken for a table', async () => {
    const { report } = checkWorkbook(await grids('000'));
    expect(report.findings.filter((f) => f.sheet === '说明参数' && f.rule.startsWith('P.'))).toEqual([]);
  });
});

describe('on a hand-built book', () => {
  test('silent when the inputs agree with the tables', () => {
    expect(rules(mini({ 上年一般公共预算收支预算: 102 }))).toEqual([]);
  });
  test('N.dept-name', () => {
    expect(mini({ 部门名称: '测试局办公室' }).find((f) => f.rule === 'N.dept-name')).toMatchObject({ severity: 'warning', cell: 'B3', expected: '测试局', actual: '测试局办公室' });
    expect(mini({ 部门名称: '测 试 局' }).filter((f) => f.rule === 'N.dept-name')).toEqual([]);
  });
  test('N.yoy-items: the Σ of item priors beyond rounding is an error; a missing or unknown row a warning', () => {
    expect(mini().find((f) => f.rule === 'N.yoy-items')).toMatchObject({ severity: 'error', cell: 'B10', expected: 102, actual: 105 });
    const sheet = miniParams('pds', { 上年一般公共预算收支预算: 102 });
    sheet.values[26][0] = '2080599';
    const fs = checkParams(miniBook('pds'), readParams([sheet])!).filter((f) => f.rule === 'N.yoy-items');
    expect(fs.map((f) => [f.severity, f.cell])).toEqual([['warning', 'A27'], ['warning', 'A25']]);
    expect(fs[1].message).toContain('2080505');
  });
  test('N.yoy: a stale 本年预算数 in the block', () => {
    const sheet = miniParams('pds', { 上年一般公共预算收支预算: 102 });
    sheet.values[25][2] = 80;
    const f = checkParams(miniBook('pds'), readParams([sheet])!).find((x) => x.rule === 'N.yoy')!;
    expect(f).toMatchObject({ severity: 'warning', cell: 'C26', expected: 85, actual: 80 });
  });
  test('N.yoy-sections: prior totals that cannot both be right', () => {
    expect(mini({ 上年一般公共预算收支预算: 120 }).find((f) => f.rule === 'N.yoy-sections')).toMatchObject({ severity: 'warning', cell: 'B10' });
    expect(mini({ 上年支出总计: 111, 上年一般公共预算收支预算: 102 }).find((f) => f.rule === 'N.yoy-sections')).toMatchObject({ cell: 'B9', expected: 110, actual: 111 });
  });
  test('N.procurement-split: the split must add up to T14', () => {
    const f = mini({ 上年一般公共预算收支预算: 102, 政府采购服务: 2 }).filter((x) => x.rule === 'N.procurement-split');
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'B32', expected: 3.3, actual: 2.3 });
  });
  test('N.vehicles: running costs without cars; cars without running costs', () => {
    const none = { 上年一般公共预算收支预算: 102, 一般公务用车: 0, 其他用车: 0 };
    expect(mini(none).find((f) => f.rule === 'N.vehicles')).toMatchObject({ severity: 'warning', cell: 'B41' });
    const b = miniBook('pds');
    const t8 = b.tables.T08!;
    if (t8.kind === 't08') for (const k of Object.keys(t8.amounts)) if (k.startsWith('公务用车') || k === '合计') t8.amounts[k] = { ...t8.amounts[k], scaled: 0 };
    expect(mini({ 上年一般公共预算收支预算: 102 }, b).find((f) => f.rule === 'N.vehicles')).toMatchObject({ severity: 'info' });
  });
  test('N.project-count: published targets and 重点项目 against T10/T12', () => {
    expect(mini({ 上年一般公共预算收支预算: 102, 公开绩效目标项目数: 3 }).find((f) => f.rule === 'N.project-count')).toMatchObject({ severity: 'error', expected: 1, actual: 3, cell: 'B36' });
    const sheet = miniParams('pds', { 上年一般公共预算收支预算: 102 });
    sheet.values[37][0] = '信息化建设';
    const f = checkParams(miniBook('pds'), readParams([sheet])!).find((x) => x.rule === 'N.project-count')!;
    expect(f).toMatchObject({ severity: 'warning', cell: 'A38' });
  });
  test('N.jgyx: a unit type that contradicts T06', () => {
    const f = mini({ 上年一般公共预算收支预算: 102, 单位性质: '事业单位' }).find((x) => x.rule === 'N.jgyx')!;
    expect(f).toMatchObject({ severity: 'warning', cell: 'B5', expected: 6 });
  });
  test('N.param-invalid: negative, text, fractional counts, values outside a list', () => {
    const fs = mini({ 上年一般公共预算收支预算: 102, 上年机关运行经费: -1, 一般公务用车: 1.5, 政府采购工程: '无数', 说明样式: '郑州' }).filter((f) => f.rule === 'N.param-invalid');
    expect(fs.map((f) => [f.cell, f.severity]).sort()).toEqual([['B18', 'error'], ['B33', 'error'], ['B41', 'error'], ['B6', 'warning']]);
  });
});
