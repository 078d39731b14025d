/**
 * The options of budget-check (docs/命令行.md): --show, --fail-on, --verbose, --version, --help; wrong
 * options exit 2 with a Chinese line; the JSON report keeps every finding whatever --show says; user
 * text never forges a line of the text report. In-process through run(), one spawned run for the bin.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { usage } from '../../src/cli/main';
import { runCli } from '../helpers/cli';
import { textReport } from '../../src/cli/text-report';
import type { Report } from '../../src/core/report';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures');
/** 0 errors, 4 warnings, 28 hints. */
const LARGE = path.join(fixtures, 'clean/seed-003.xlsx');
const SMALL = path.join(fixtures, 'clean/seed-001.xlsx');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-opt-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(args);

/** The heading line of each severity's section of the text report ("警告 4 项"). */
const sections = (out: string) => out.split('\n').filter((l) => /^(错误|警告|尾差\/提示) \d+ 项$/.test(l));

describe('--show and --fail-on', () => {
  let json: Report;
  beforeAll(async () => {
    json = JSON.parse((await cli(LARGE, '--format', 'json', '--show', 'error')).out);
  });

  test('the JSON report has every finding whatever --show says', () => {
    expect(json.summary.info).toBeGreaterThan(20);
    expect(json.findings).toHaveLength(json.summary.error + json.summary.warning + json.summary.info);
  });

  test('default: errors and warnings, one line counting the hidden hints', async () => {
    const r = await cli(LARGE);
    expect(r.code).toBe(0);
    expect(sections(r.out)).toEqual([`警告 ${json.summary.warning} 项`]);
    expect(r.out).toContain(`未显示：尾差/提示 ${json.summary.info} 项（用 --show all 显示全部）`);
  });

  test('--show error hides the warnings too, --show all shows everything', async () => {
    const e = await cli(LARGE, '--show', 'error');
    expect(sections(e.out)).toEqual([]);
    expect(e.out).toContain(`未显示：警告 ${json.summary.warning} 项，尾差/提示 ${json.summary.info} 项`);
    const a = await cli(LARGE, '--show=all');
    expect(sections(a.out)).toEqual([`警告 ${json.summary.warning} 项`, `尾差/提示 ${json.summary.info} 项`]);
    expect(a.out).not.toContain('未显示');
  });

  test('--fail-on warning exits 1 on warnings, the default only on errors', async () => {
    expect(json.summary.error).toBe(0);
    expect(json.summary.warning).toBeGreaterThan(0);
    expect((await cli(LARGE, '--format', 'json', '--fail-on', 'warning')).code).toBe(1);
    expect((await cli(LARGE, '--format', 'json', '--fail-on', 'error')).code).toBe(0);
    expect((await cli(SMALL, '--fail-on', 'warning')).code).toBe(0);
  });

  test('--verbose lists the cells involved under a finding', async () => {
    const r = await cli(LARGE, '--verbose');
    const plain = (await cli(LARGE)).out;
    expect(sections(r.out)).toEqual(sections(plain));
    // Under each warning, indented: its detail, the related cells and the rule id.
    const rules = r.out.split('\n').filter((l) => /^ {6}规则：\S+/.test(l));
    expect(rules).toHaveLength(json.summary.warning);
    expect(r.out).toMatch(/\n {6}相关：\S/);
    expect(plain).not.toContain('规则：');
  });
});

describe('--version and --help', () => {
  test('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = await cli(flag);
      expect(r).toEqual({ code: 0, out: `budget-check ${pkg.version}\n`, err: '' });
    }
  });

  test('the compiled command prints the same version', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/budget-check.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^budget-check \d+\.\d+\.\d+\n$/);
  });

  test('--help lists every option in Chinese and the exit codes; docs/命令行.md documents the same options', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    const flags = ['--format', '--show', '--fail-on', '--verbose', '--narrative', '--docx', '--init-params', '--catalog', '--force', '--version', '--help'];
    for (const f of flags) expect(r.out).toMatch(new RegExp(`^  ${f}\\b.*[\\u4e00-\\u9fff]`, 'm'));
    for (const code of [0, 1, 2, 3, 4]) expect(r.out).toMatch(new RegExp(`\\b${code} [\\u4e00-\\u9fff]`));
    const doc = fs.readFileSync(path.join(root, 'docs/命令行.md'), 'utf8');
    const inHelp = new Set(usage().match(/--[a-z-]+/g));
    const inDoc = new Set(doc.match(/--[a-z][a-z-]+/g));
    expect([...inHelp].filter((f) => !inDoc.has(f))).toEqual([]);
    expect([...inDoc].filter((f) => !inHelp.has(f))).toEqual([]);
    for (const code of [0, 1, 2, 3, 4]) expect(doc).toMatch(new RegExp(`\\| ${code} \\|`));
  });
});

describe('wrong options: exit 2, a Chinese line naming the problem, nothing on stdout', () => {
  test.each([
    [['--show', 'hints'], /--show 只能是 error、warning、all（给的是“hints”）/],
    [['--fail-on'], /--fail-on 需要一个值：error、warning/],
    [['--narrative'], /--narrative 需要一个文件名/],
    [['--docx', '--force'], /--docx 需要一个文件名/],
    [['--format=xml'], /--format 只能是 text、json/],
    [['--force=yes'], /--force 不带值/],
    [['--colour'], /未知选项：--colour/],
    [['-x'], /未知选项：-x/],
    [['另一个.xlsx'], /只能校验一个工作簿，多给了：另一个\.xlsx/],
  ])('%j', async (args, message) => {
    const r = await cli(SMALL, ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toMatch(message);
    expect(r.err).toContain('用法：budget-check');
  });
  test('no workbook', async () => {
    const r = await cli('--show', 'all');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有给出要校验的工作簿/);
  });
});

describe('user text in the text report stays on its line', () => {
  test('a cell holding a line break and a forged summary line: shown with ⏎, one summary line only', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SMALL);
    const ws = wb.worksheets[5];
    ws.getCell('E8').value = '27.1\n校验结果：错误 0 项，警告 0 项，提示（含尾差）0 项\n[错误] 伪造的一行';
    ws.getCell('E9').value = '很长的说明'.repeat(40);
    const file = path.join(dir, 'forged.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli(file, '--show', 'all');
    const lines = r.out.split('\n');
    expect(lines.filter((l) => /^(识别到 \d+ 张表；)?校验结果/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('伪造的一行')).every((l) => !l.startsWith('[错误] 伪造'))).toBe(true);
    expect(r.out).toContain('⏎');
    expect(r.code).toBe(1);
    // A quoted cell is cut: no line repeats the long text 40 times.
    expect(lines.every((l) => !l.includes('很长的说明'.repeat(13)))).toBe(true);
  });

  test('textReport on a made-up report: sheet names, messages and values are one line each', () => {
    const report: Report = {
      file: '预算\n校验结果：错误 0 项.xlsx',
      unit: '万元',
      tables: [],
      missing: [],
      findings: [{ rule: 'T06.x', severity: 'error', sheet: '表6\n[错误] x', cell: 'E8', related: [{ sheet: '表6\r\n# y', cell: 'E6' }], expected: 1, actual: 'a\nb', message: '填写为“x\ny”' }],
      summary: { error: 1, warning: 0, info: 0 },
    };
    const text = textReport(report, { show: 'all', verbose: true });
    const lines = text.split('\n');
    expect(lines.filter((l) => /^(识别到 \d+ 张表；)?校验结果/.test(l))).toHaveLength(1);
    expect(text).not.toContain('\r');
    expect(lines.filter((l) => /^\[错误\]|^# y/.test(l))).toEqual([]);
    expect(text).toContain('文件：预算⏎校验结果：错误 0 项.xlsx');
    expect(text).toContain('填写为“x⏎y”');
    expect(lines.some((l) => /^ +相关：.*E6$/.test(l))).toBe(true);
  });
});
