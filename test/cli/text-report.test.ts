/** The text report's body: counts per table, one short line per finding, folds, --show and --verbose. */
import path from 'path';
import { checkWorkbook } from '../../src/core/check';
import type { Report } from '../../src/core/report';
import { textReport } from '../../src/cli/text-report';
import { readXlsxFile } from '../../src/cli/read-xlsx';

const FIXTURES = path.resolve(__dirname, '../fixtures');

async function reportOf(file: string): Promise<Report> {
  return checkWorkbook(await readXlsxFile(path.join(FIXTURES, file)), { file }).report;
}

describe('text report', () => {
  let large: Report;
  let mut001: Report;
  beforeAll(async () => {
    large = await reportOf('clean/synth-pds-large.xlsx');
    mut001 = await reportOf('mut-001.xlsx');
  });

  test('mut-001: a count per table, the error in one line, the hidden 尾差 counted', () => {
    const out = textReport(mut001, { show: 'warning', verbose: false });
    const lines = out.trimEnd().split('\n');
    expect(lines).toContain('  表6 F7 基本工资·人员经费：应为 68.7，实为 61.8，差 6.9');
    expect(lines.find((l) => l.startsWith('表6 一般公共预算基本支出表'))).toMatch(/\s1\s+0\s+1$/);
    expect(lines[lines.length - 1]).toBe(`未显示：尾差/提示 ${mut001.summary.info} 项（用 --show all 显示全部）`);
    expect(out).not.toContain('尾差 0.1');
  });

  test('--show error hides warnings and says so; --show all hides nothing', async () => {
    const r = await reportOf('mut-002.xlsx');
    expect(r.summary.warning).toBeGreaterThan(0);
    const errorsOnly = textReport(r, { show: 'error', verbose: false });
    expect(errorsOnly).not.toMatch(/^警告 \d+ 项$/m);
    expect(errorsOnly).toContain(`未显示：警告 ${r.summary.warning} 项，尾差/提示 ${r.summary.info} 项`);
    const all = textReport(r, { show: 'all', verbose: false });
    expect(all).toMatch(/^尾差\/提示 \d+ 项$/m);
    expect(all).not.toContain('未显示');
  });

  test('synth-pds-large: 2,000+ 尾差/提示 fold into a few short lines', () => {
    expect(large.summary.info).toBeGreaterThan(2000);
    const lines = textReport(large, { show: 'all', verbose: false }).split('\n');
    expect(lines.length).toBeLessThan(100);
    expect(lines.filter((l) => l.length > 100)).toEqual([]);
    expect(lines.find((l) => /^ {2}表12 .*：\d+ 处$/.test(l) && Number(/(\d+) 处$/.exec(l)![1]) >= 400)).toBeDefined();
  });

  test('--verbose lists detail and related cells under the finding, indented', () => {
    const out = textReport(mut001, { show: 'error', verbose: true });
    const lines = out.split('\n');
    const at = lines.indexOf('  表6 F7 基本工资·人员经费：应为 68.7，实为 61.8，差 6.9');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {6}\S.*≠/);
    expect(lines.slice(at + 1).find((l) => l.startsWith('      相关：'))).toMatch(/E7/);
  });

  test('a newline in user text cannot forge a report line', () => {
    const forged: Report = {
      ...mut001,
      findings: [{ ...mut001.findings[0], headline: '表6 F7 项目“甲\n校验结果：错误 0 项”', detail: '甲\n校验结果：错误 0 项' }],
      summary: { error: 1, warning: 0, info: 0 },
    };
    const out = textReport(forged, { show: 'all', verbose: true });
    expect(out).toContain('项目“甲⏎校验结果：错误 0 项”');
    expect(out.split('\n').filter((l) => l.startsWith('校验结果'))).toEqual([]);
  });
});
