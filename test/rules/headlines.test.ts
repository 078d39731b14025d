/**
 * What an accountant reads: one short headline per finding (the workbook's table number, the cell,
 * what to do), 应为 only where the resolver is sure, tails that say no change is needed, a text in an
 * amount cell reported once at that cell, and the names of the layout the workbook follows.
 */
import path from 'path';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/report';
import { copyGrids, setCell } from '../helpers/grids';
import { FIXTURES, clean, loadGrids } from './helpers/books';

const S6 = '表6 一般公共预算基本支出表';

async function check(file: string): Promise<Finding[]> {
  return checkWorkbook(await loadGrids(file)).report.findings;
}

describe('headlines', () => {
  test('mut-001 (表6 F7 68.7 → 61.8): the headline of the issue, with 应为', async () => {
    const errors = (await check(path.join(FIXTURES, 'mut-001.xlsx'))).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: S6, cell: 'F7', expected: 68.7, actual: 61.8 });
    expect(errors[0].headline).toBe('表6 F7 基本工资·人员经费：应为 68.7，实为 61.8，差 6.9');
    expect(errors[0].message).toBe(errors[0].headline);
    // The relations behind it are in the detail, one per line.
    expect(errors[0].detail!.split('\n').length).toBeGreaterThanOrEqual(2);
    expect(errors[0].detail).toContain('≠');
  });

  test('三十六 typed into 表6 F8: one error at F8 quoting the text, nothing at the correct cells F6 and E8', async () => {
    const grids = copyGrids(await loadGrids(clean('seed-000.xlsx')));
    setCell(grids, { sheet: S6, cell: 'F8' }, '三十六');
    const findings = checkWorkbook(grids).report.findings;
    const serious = findings.filter((f) => f.severity !== 'info');
    expect(serious.map((f) => [f.sheet, f.cell, f.severity])).toEqual([[S6, 'F8', 'error']]);
    expect(serious[0].headline).toBe('表6 F8 应填金额，实为文字“三十六”，按合计应为 4.1');
    expect(findings.some((f) => f.sheet === S6 && (f.cell === 'F6' || f.cell === 'E8') && f.expected !== null)).toBe(false);
  });

  test('a text in an amount cell that breaks nothing stays a warning at its cell', async () => {
    const grids = copyGrids(await loadGrids(clean('seed-000.xlsx')));
    // seed-000 leaves zero amounts blank: a dash-like text in such a cell breaks no total.
    setCell(grids, { sheet: S6, cell: 'G7' }, '见附件');
    const serious = checkWorkbook(grids).report.findings.filter((f) => f.severity !== 'info');
    expect(serious.map((f) => [f.cell, f.severity, f.rule])).toEqual([['G7', 'warning', 'P.cell']]);
    expect(serious[0].headline).toMatch(/^表6 G7 /);
  });

  test('tails and hints never say 应为; tails say no change is needed', async () => {
    const findings = await check(clean('synth-pds-medium.xlsx'));
    const tails = findings.filter((f) => f.severity === 'info' && f.headline!.includes('尾差'));
    expect(tails.length).toBeGreaterThan(10);
    for (const f of tails) {
      expect(f.expected).toBeNull();
      expect(f.headline).toContain('无需修改');
    }
    expect(findings.filter((f) => f.severity === 'info').some((f) => f.headline!.includes('应为'))).toBe(false);
  });

  test.each(['synth-pds-large.xlsx', 'synth-jy-large.xlsx', 'seed-004.xlsx'])('%s: headlines are short, one line, no ≠ chain, no 合计·合计', async (file) => {
    const findings = await check(clean(file));
    const lengths = findings.map((f) => f.headline!.length).sort((a, b) => a - b);
    expect(lengths[lengths.length >> 1]).toBeLessThanOrEqual(60);
    for (const f of findings) {
      expect(f.headline).not.toMatch(/≠|合计·合计|\n/);
      expect(f.headline!.length).toBeLessThanOrEqual(120);
    }
  });

  test('T12 cost targets: whole amounts keep their zeros, the sentence names both numbers', async () => {
    const cost = (await check(clean('synth-pds-large.xlsx'))).filter((f) => f.rule === 'T12.cost-le-amount');
    const forty = cost.find((f) => f.detail!.includes('≤40.01万元'))!;
    expect(forty.headline).toMatch(/^表12 H\d+ 成本指标比资金总额 40 万元多 0\.01 万元：尾差，在四舍五入允许范围内，无需修改$/);
    // One folding topic per kind, whatever the project.
    expect(new Set(cost.map((f) => f.topic)).size).toBeLessThanOrEqual(3);
  });

  test('a 济源 workbook is told in its own names and numbers', async () => {
    const findings = await check(clean('seed-004.xlsx'));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const text = `${f.headline}\n${f.detail ?? ''}`;
      // 平顶山 names of tables whose 济源 name differs.
      for (const name of ['部门支出总体情况表', '部门收支总体情况表', '一般公共预算支出情况表', '政府性基金预算支出情况表']) expect(text).not.toContain(name);
    }
    // T10 sits on the sheet "9-项目支出预算表": its findings are 表9, as the workbook numbers it.
    const t10 = findings.filter((f) => f.sheet === '9-项目支出预算表');
    for (const f of t10) expect(f.headline).toMatch(new RegExp(`^表9 ${f.cell} `));
  });
});
