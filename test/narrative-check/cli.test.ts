/**
 * budget-check <workbook> --check-narrative <情况说明>: .md, .txt (UTF-16) and .docx are read (and
 * left untouched), the JSON report carries the N.text.* findings and narrative.numbers, the text
 * report marks the number in its sentence, errors give exit 1, an unreadable document exit 2.
 * Runs the compiled bin (npm test builds it).
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateNarrative, readParams } from '../../src/core/narrative';
import { checkWorkbook } from '../../src/core/check';
import { narrativeToDocx } from '../../src/io/narrative-docx';
import type { Report } from '../../src/core/report';
import { loadGrids } from '../helpers/load';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'budget-check.js');
const dir = path.join(root, 'test/fixtures/narrative');
const book001 = path.join(dir, 'seed-001.xlsx');
const md001 = fs.readFileSync(path.join(dir, 'seed-001.expected.md'), 'utf8');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-narrative-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const write = (name: string, data: string | Uint8Array) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
};
const json = (stdout: string) => JSON.parse(stdout) as Report;

test('the published text of seed-001: every number traced, no narrative finding, exit 0', () => {
  const r = cli(book001, '--check-narrative', path.join(dir, 'seed-001.expected.md'), '--format', 'json');
  expect(r.code).toBe(0);
  const report = json(r.stdout);
  expect(report.narrative!.paragraphs).toBe(46);
  expect(report.narrative!.numbers.length).toBeGreaterThan(80);
  expect(report.narrative!.numbers.every((n) => n.verdict === 'matches' && n.source !== '')).toBe(true);
  expect(report.findings.filter((f) => f.narrative)).toEqual([]);
});

test('a changed number: exit 1, a finding at its paragraph with the cell it was checked against', () => {
  const file = write('改过.md', md001.replace('基本支出121.3万元，占100%', '基本支出112.3万元，占100%'));
  const r = cli(book001, '--check-narrative', file, '--format', 'json');
  expect(r.code).toBe(1);
  const f = json(r.stdout).findings.filter((x) => x.narrative);
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ rule: 'N.text.amount', severity: 'error', sheet: '', cell: '', expected: 121.3, actual: 112.3 });
  expect(f[0].narrative).toMatchObject({ paragraph: 8, section: '三、支出预算总体情况说明', text: '112.3万元' });
  expect(f[0].narrative!.quote).toContain('基本支出112.3万元');
  expect(f[0].related[0].sheet).toMatch(/表3/);
  const n = json(r.stdout).narrative!.numbers.find((x) => x.text === '112.3万元')!;
  expect(n).toMatchObject({ paragraph: 8, verdict: 'differs' });
});

test('text report: the sentence with the number marked, the expected value and the cell', () => {
  const file = write('改过.txt', Buffer.from('\ufeff' + md001.replace('增长28.4%。主要原因', '增长26.4%。主要原因'), 'utf16le'));
  const r = cli(book001, '--check-narrative', file);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/情况说明校对：.*改过\.txt（46 段/);
  expect(r.stdout).toContain('【26.4%】');
  expect(r.stdout).toMatch(/\[错误\] 第4段（一、收入支出预算总体情况说明）/);
  expect(r.stdout).toMatch(/应为 28\.4/);
  expect(r.stdout).toMatch(/N\.text\.rate/);
});

test('.docx is read with its paragraphs and is not modified', async () => {
  const grids = await loadGrids(book001);
  const { book } = checkWorkbook(grids);
  const docx = await narrativeToDocx(generateNarrative(book, readParams(grids)));
  const file = write('情况说明.docx', docx);
  const hash = () => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const before = hash();
  const r = cli(book001, '--check-narrative', file, '--format', 'json');
  expect(r.code).toBe(0);
  const report = json(r.stdout);
  expect(report.narrative!.numbers.length).toBeGreaterThan(80);
  expect(report.narrative!.numbers.filter((n) => n.verdict !== 'matches')).toEqual([]);
  expect(hash()).toBe(before);
});

describe('an unreadable 情况说明: exit 2 and one Chinese line', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing', () => path.join(tmp, '没有.docx'), /找不到情况说明文件/],
    ['old .doc', () => write('旧.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /\.doc.*另存为 \.docx/],
    ['broken .docx', () => write('坏.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)])), /损坏|不是 Word/],
    ['a pdf', () => write('说明.pdf', '%PDF-1.4'), /只能校对 \.docx、\.md 或 \.txt/],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    const r = cli(book001, '--check-narrative', make(), '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
  test('the option needs a file name', () => {
    const r = cli(book001, '--check-narrative');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--check-narrative 需要一个文件名/);
  });
});
