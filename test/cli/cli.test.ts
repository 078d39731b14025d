/**
 * The command line as every automated check uses it (contract.md): exit codes, one JSON document on
 * stdout, one clear Chinese line on stderr for an unreadable file. Runs the compiled bin (npm test builds it).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'budget-check.js');
const fixtures = path.resolve(root, 'test/fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeTmp(name: string, bytes: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('unreadable files: exit 2 and one Chinese line on stderr', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(tmp, '不存在.xlsx'), /找不到文件/],
    ['a folder', () => tmp, /文件夹/],
    ['an empty file', () => writeTmp('empty.xlsx', Buffer.alloc(0)), /空文件/],
    ['a text file', () => writeTmp('notes.xlsx', '部门预算，不是表格\n'), /不是 \.xlsx/],
    ['an encrypted / legacy OLE file', () => writeTmp('locked.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), /加密|\.xls/],
    ['a corrupt zip', () => writeTmp('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])), /损坏/],
    ['a truncated workbook', () => writeTmp('cut.xlsx', fs.readFileSync(path.join(fixtures, 'clean/seed-000.xlsx')).subarray(0, 3000)), /损坏|无法读取/],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    const r = cli(make(), '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('arguments', () => {
  test('--help prints the usage and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/用法：budget-check/);
  });
  test('an unknown option is refused with exit 2', () => {
    const r = cli(path.join(fixtures, 'clean/seed-000.xlsx'), '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未知选项：--colour/);
  });
  test('a bad --format value is refused', () => {
    const r = cli(path.join(fixtures, 'clean/seed-000.xlsx'), '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });
  test('no file at all', () => {
    const r = cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/用法/);
  });
});

describe('the JSON report on the clean fixtures', () => {
  const index: { file: string; tables: number }[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'clean/index.json'), 'utf8'));
  test.each(index.filter((e) => !/large/.test(e.file)).map((e) => [e.file, e.tables]))('%s: %i tables, exactly one JSON document', (file, count) => {
    const r = cli(path.join(fixtures, 'clean', String(file)), '--format', 'json');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.tables).toHaveLength(Number(count));
    expect(report.missing).toHaveLength(14 - Number(count));
    expect(report.unit).toBe('万元');
    for (const t of report.tables) expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    const summary = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of report.findings) summary[f.severity]++;
    expect(report.summary).toEqual(summary);
    expect(r.code).toBe(report.summary.error > 0 ? 1 : 0);
  });

  test('text format names the tables in Chinese', () => {
    const r = cli(path.join(fixtures, 'clean/seed-001.xlsx'));
    expect(r.stdout).toMatch(/识别到 14 张表/);
    expect(r.stdout).toMatch(/表6 一般公共预算基本支出表/);
    expect(r.stdout).toMatch(/校验结果：错误 \d+ 项/);
  });
});
