/**
 * Hostile and unusual files, generated into a temp folder: each ends with a result or one clear
 * Chinese message (exit 2), within 60 s and 2 GB, through the compiled command line (npm test
 * builds dist/). The guard (src/io/xlsx-guard.ts) refuses or bounds them before ExcelJS expands anything.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { guardXlsx, readZipDirectory, streamInflate, XlsxRejected } from '../../src/io/xlsx-guard';
import { inl, makeZip, num, readParts, withExtraSheet, workbookParts } from '../helpers/zip';
import type { Report } from '../../src/core/report';

const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist', 'cli', 'main.js');
const fixtures = path.join(root, 'test', 'fixtures');
let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-hostile-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const GB = 1024 * 1024 * 1024;

/** The command line in a child process, with its peak memory (resourceUsage, in bytes). */
function cli(file: string): { code: number | null; stderr: string; report?: Report; rss: number } {
  const script = `process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS * 1024 + '\\n'));
require(${JSON.stringify(main)}).run(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  const r = spawnSync(process.execPath, ['-e', script, file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  const rss = Number(/RSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const stderr = r.stderr.replace(/\n?RSS \d+\n?/, '').trim();
  return { code: r.status, stderr, report: r.stdout.trim() ? (JSON.parse(r.stdout) as Report) : undefined, rss };
}

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const TITLE = '部门收支总体情况表';

describe('files that are not .xlsx workbooks: exit 2 and one Chinese sentence naming what they are', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /空文件/],
    ['a legacy .xls', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /旧版.*\.xls.*另存为/],
    ['an encrypted workbook', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')]), /加密.*密码/],
    ['an .ods', () => makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true }, { name: 'content.xml', data: '<office:document-content/>' }, { name: 'META-INF/manifest.xml', data: '<m/>' }]), /\.ods/],
    ['an .xlsb', () => makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'bin' }]), /\.xlsb/],
    ['a .docx renamed .xlsx', () => makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), /Word 文档/],
    ['a zip without xl/workbook.xml', () => makeZip([{ name: 'readme.txt', data: '预算' }]), /缺少工作簿主体 xl\/workbook\.xml/],
    ['a zip cut in the middle', () => fs.readFileSync(path.join(fixtures, 'clean/synth-pds-small.xlsx')).subarray(0, 20000), /不完整.*截断/],
    ['a zip whose part is cut short', () => {
      const whole = fs.readFileSync(path.join(fixtures, 'clean/synth-pds-small.xlsx'));
      const z = readZipDirectory(whole);
      const big = z.reduce((a, b) => (b.compressedSize > a.compressedSize ? b : a));
      const broken = Buffer.from(whole);
      broken.fill(0xff, big.localOffset + 60, big.localOffset + 60 + 200); // garbage inside the deflate stream
      return broken;
    }, /损坏/],
    ['shared-string cells without sharedStrings.xml', () => makeZip(workbookParts([{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }])), /缺少共享字符串表/],
    ['billion laughs', () => {
      const parts = workbookParts([{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], ['x']);
      const lol = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst><si><t>&c;</t></si></sst>';
      parts[parts.length - 1] = { name: 'xl/sharedStrings.xml', data: lol };
      return makeZip(parts);
    }, /实体声明/],
    ['parts of 300 MB in all once decompressed (size cap, checked before inflating)', () =>
      makeZip([...workbookParts([{ name: 'S', rows: '' }]), ...[1, 2, 3].map((i) => ({ name: `xl/media/big${i}.bin`, data: Buffer.alloc(1 << 20, i), stored: true, declaredSize: 100 * 1024 * 1024 }))]), /解压后有 300 MB，超过本工具的上限 200 MB/],
    ['a zip bomb (ratio)', () => makeZip([...workbookParts([{ name: 'S', rows: '' }]), { name: 'xl/media/bomb.bin', data: Buffer.alloc(60 * 1024 * 1024) }]), /压缩炸弹/],
    ['a part that inflates past its declared size', () => makeZip([...workbookParts([{ name: 'S', rows: '' }]), { name: 'xl/media/liar.bin', data: Buffer.alloc(5 * 1024 * 1024), declaredSize: 1000 }]), /比声明的 1000 字节更大/],
  ];
  test.each(cases)('%s', (name, make, message) => {
    const r = cli(write(`${name.replace(/\W+/g, '-')}.xlsx`, make()));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^无法读取：/);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
    expect(r.report).toBeUndefined();
    expect(r.rss).toBeLessThan(2 * GB);
  });
});

describe('unusual but valid workbooks are read, and what was cut is said', () => {
  test('no sharedStrings part (inline strings and numbers only) is read', () => {
    const rows = `<row r="1">${inl('A1', TITLE)}</row><row r="2">${inl('A2', '单位：万元')}${num('B2', 12.5)}</row>`;
    const r = cli(write('inline.xlsx', makeZip(workbookParts([{ name: '表1', rows }]))));
    expect(r.stderr).toBe('');
    expect(r.report!.tables.map((t) => t.id)).toContain('T01');
    expect(r.code).not.toBe(2);
  });

  test('a merge A20:XFD1048576 is clipped to the data, not expanded cell by cell', () => {
    const rows = `<row r="1">${inl('A1', TITLE)}</row><row r="20">${inl('A20', '注')}</row><row r="25">${num('C25', 1)}</row>`;
    const sheet = { name: '表1', rows, before: '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="2000000000" width="9"/></cols>', after: '<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>' };
    const r = cli(write('merge.xlsx', makeZip(workbookParts([sheet]))));
    expect(r.code).not.toBe(2);
    const f = r.report!.findings.find((x) => x.rule === 'P.read')!;
    expect(f).toMatchObject({ severity: 'info', sheet: '表1', cell: 'A20' });
    expect(f.message).toContain('A20:XFD1048576');
    expect(r.rss).toBeLessThan(2 * GB);
  });

  test('a row numbered 200,000,000 is left out with a warning, cheaply', () => {
    const rows = `<row r="1">${inl('A1', TITLE)}</row><row r="200000000">${num('A200000000', 5)}</row>`;
    const r = cli(write('row.xlsx', makeZip(workbookParts([{ name: '表1', rows }]))));
    expect(r.code).not.toBe(2);
    const f = r.report!.findings.find((x) => x.rule === 'P.read')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '表1' });
    expect(f.message).toContain('超出 Excel 的上限 1048576');
    expect(f.message).toContain('200000000');
    expect(r.rss).toBeLessThan(2 * GB);
  });

  test('1,048,576 rows: read up to the limit, the rest named in a finding, no stack overflow', () => {
    const out: string[] = [`<row r="1">${inl('A1', TITLE)}</row>`];
    for (let i = 2; i <= 1_048_576; i++) out.push(`<row r="${i}"><c r="A${i}"><v>${i % 997}</v></c></row>`);
    const r = cli(write('million.xlsx', makeZip(workbookParts([{ name: '大表', rows: out.join('') }]))));
    expect(r.stderr).toBe('');
    const f = r.report!.findings.find((x) => x.rule === 'P.read' && x.sheet === '大表')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/从第 \d+ 行起的 \d+ 行未读取/);
    expect(f.cell).toMatch(/^A\d+$/);
    expect(r.rss).toBeLessThan(2 * GB);
  });

  test('formulas without a cached result: one error per sheet, saying to recalculate and save in Excel', () => {
    const rows = `<row r="1">${inl('A1', TITLE)}</row><row r="2">${num('A2', 1)}<c r="B2"><f>A2*2</f></c><c r="C2"><f>A2*3</f></c></row><row r="3"><c r="B3"><f>B2+1</f></c><c r="C3"><f>C2+1</f><v>4</v></c></row>`;
    const r = cli(write('uncached.xlsx', makeZip(workbookParts([{ name: '表1', rows }, { name: '表2', rows: `<row r="1"><c r="A1"><f>1+1</f></c></row>` }]))));
    const found = r.report!.findings.filter((x) => x.rule === 'P.read');
    expect(found.map((x) => [x.sheet, x.cell, x.severity])).toEqual([
      ['表1', 'B2', 'error'],
      ['表2', 'A1', 'error'],
    ]);
    expect(found[0].message).toContain('有 3 个公式没有保存计算结果');
    expect(found[0].message).toContain('重新计算并保存');
    expect(r.code).toBe(1);
  });

  test('a clean fixture with an extra sheet of 250,000 rows: every table checked, no false alarm, no stack overflow', () => {
    const rows: string[] = [];
    for (let i = 1; i <= 250_000; i++) rows.push(`<row r="${i}">${num(`A${i}`, i)}${num(`B${i}`, i * 2)}</row>`);
    const parts = withExtraSheet(readParts(fs.readFileSync(path.join(fixtures, 'clean/synth-pds-small.xlsx'))), '附表', rows.join(''));
    const r = cli(write('extra.xlsx', makeZip(parts)));
    expect(r.stderr).toBe('');
    expect(r.report!.tables).toHaveLength(14);
    // The same findings as the workbook without the extra sheet.
    const alone = cli(path.join(fixtures, 'clean/synth-pds-small.xlsx'));
    const keys = (rep: Report) => rep.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell}`);
    expect(keys(r.report!)).toEqual(keys(alone.report!));
    expect(r.report!.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.rss).toBeLessThan(2 * GB);
  });
});

describe('the guard on its own (the part the preview shares: Uint8Array in, no Node API)', () => {
  test('DecompressionStream inflater gives the same bytes as zlib and stops at the declared size', async () => {
    const text = Buffer.from('预算'.repeat(5000));
    const deflated = zlib.deflateRawSync(text);
    expect(Buffer.from(await streamInflate(deflated, text.length))).toEqual(text);
    await expect(streamInflate(deflated, 100)).rejects.toThrow();
  });
  test('an untouched workbook is passed through as is; a clipped one is a valid zip again', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, 'clean/seed-000.xlsx')));
    const same = await guardXlsx(bytes, 'x', streamInflate);
    expect(same.bytes).toBe(bytes);
    expect(same.notes.size).toBe(0);
    const sheet = { name: '甲 & 乙', rows: `<row r="1">${inl('A1', 'x')}${num('C1', 1)}</row>`, after: '<mergeCells count="1"><mergeCell ref="A1:Z900"/></mergeCells>' };
    const cut = await guardXlsx(new Uint8Array(makeZip(workbookParts([sheet]))), 'x', streamInflate);
    expect(cut.notes.get('甲 & 乙')).toEqual([{ kind: 'merges-clipped', cell: 'A1', count: 1, detail: 'A1:Z900' }]);
    const again = await guardXlsx(cut.bytes, 'x', streamInflate);
    expect(again.notes.size).toBe(0);
    const part = readZipDirectory(cut.bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(part.method).toBe(0);
    const start = part.localOffset + 30 + Buffer.from(part.name).length;
    expect(Buffer.from(cut.bytes.subarray(start, start + part.size)).toString()).toContain('<mergeCell ref="A1:C1"/>');
  });
  test('refusals are XlsxRejected with the label in the sentence', async () => {
    await expect(guardXlsx(new Uint8Array(0), '「a.xlsx」', streamInflate)).rejects.toThrow(XlsxRejected);
    await expect(guardXlsx(new Uint8Array(0), '「a.xlsx」', streamInflate)).rejects.toThrow(/「a\.xlsx」 是空文件/);
  });
});
