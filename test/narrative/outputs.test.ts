/** The CLI outputs: --narrative, --docx, --init-params (run in-process through the CLI's own run()). */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { readXlsxFile } from '../../src/cli/read-xlsx';
import { readParams } from '../../src/core/narrative';
import { normLabel } from '../../src/core/narrative/labels';
import { parseAmount } from '../../src/core/amount';
import { workbookPath } from './fixtures';

const CLEAN = path.resolve(__dirname, '../fixtures/clean');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narrative-out-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]): ReturnType<typeof runCli> => runCli(args);

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

test('--narrative with --format json: stdout is one JSON document, the Markdown has the headings', async () => {
  const md = path.join(dir, '003.md');
  const r = await cli([workbookPath('003'), '--format', 'json', '--narrative', md]);
  const report = JSON.parse(r.out);
  expect(report.findings.some((f: { rule: string }) => f.rule === 'N.procurement-split')).toBe(true);
  const text = fs.readFileSync(md, 'utf8');
  expect(text.split('\n')).toEqual(expect.arrayContaining(['一、收入支出预算总体情况说明', '（一）机关运行经费支出情况', '（六）专项转移支付项目情况']));
  expect(text.startsWith('第二部分\n\n平顶山高新技术产业开发区行政服务中心2024年部门预算情况说明\n')).toBe(true);
});

test('a workbook without 说明参数: placeholders in the text, N.param-missing findings in the report', async () => {
  const md = path.join(dir, 'clean-001.md');
  const r = await cli([path.join(CLEAN, 'seed-001.xlsx'), '--format', 'json', '--narrative', md]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.out);
  const missing = report.findings.filter((f: { rule: string }) => f.rule === 'N.param-missing');
  expect(missing.length).toBeGreaterThan(5);
  expect(missing[0]).toMatchObject({ sheet: '说明参数', cell: '', table: '说明参数' });
  expect(report.summary.warning).toBe(report.findings.filter((f: { severity: string }) => f.severity === 'warning').length);
  const text = fs.readFileSync(md, 'utf8');
  expect(text).toContain('【请填写上年收入总计】');
  // Table numbers are still written.
  expect(text).toContain('平顶山市人民政府经济技术协作办公室2024年收入总计121.3万元');
});

test('text mode prints where the narrative went', async () => {
  const md = path.join(dir, '004.md');
  const r = await cli([workbookPath('004'), '--narrative', md]);
  expect(r.out).toContain(`情况说明已写入 ${md}`);
  expect(fs.readFileSync(md, 'utf8')).toContain('十、其他重要事项的情况说明');
});

test('--docx: a Word file whose headings are Word headings', async () => {
  const docx = path.join(dir, '000.docx');
  const r = await cli([workbookPath('000'), '--docx', docx]);
  expect(r.err).toBe('');
  const zip = await JSZip.loadAsync(fs.readFileSync(docx));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]);
  const styled = (style: string) => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  expect(styled('Heading1')).toEqual(['一、收入支出预算总体情况说明', '二、收入预算总体情况说明', '三、支出预算总体情况说明', '四、财政拨款收入支出总体情况说明', '五、一般公共预算支出情况说明', '六、一般公共预算基本支出情况说明', '七、“三公”经费支出情况说明', '八、政府性基金预算支出情况说明', '九、其他重要事项情况说明']);
  expect(styled('Heading2')).toHaveLength(9);
  expect(xml).toContain('平顶山市人民政府驻广州办事处2025年收入总计149.7万元');
  expect(zip.file('word/styles.xml')).not.toBeNull();
});

test('--init-params: a copy with a 说明参数 sheet that readParams reads back; the input is untouched', async () => {
  const input = path.join(CLEAN, 'seed-003.xlsx');
  const before = sha(input);
  const out = path.join(dir, '003-params.xlsx');
  const r = await cli([input, '--init-params', out]);
  expect(r.out).toContain(`已写入 ${out}`);
  expect(sha(input)).toBe(before);

  const g = await readXlsxFile(out);
  expect(g.map((s) => s.name)).toEqual([...(await readXlsxFile(input)).map((s) => s.name), '说明参数']);
  const p = readParams(g)!;
  const value = (label: string) => p.fields[normLabel(label)]?.value;
  expect(value('预算年度')).toBe(2024);
  expect(value('单位性质')).toBe('行政单位');
  expect(value('说明样式')).toBe('平顶山');
  expect(value('上年收入总计')).toBeNull();
  const amount = (label: string) => {
    const f = p.fields[normLabel(label)];
    const a = parseAmount(f.value, f.format);
    return a.ok ? a.scaled / 1e6 : NaN;
  };
  expect([amount('政府采购合计'), amount('政府采购货物'), amount('政府采购工程'), amount('政府采购服务')]).toEqual([3.3, 0.3, 0, 3]);
  expect(p.items!.rows.map((x) => x.cells[normLabel('科目编码')].value)).toEqual(['2010301', '2080505', '2089999', '2101102', '2101103', '2101199', '2210201']);
  expect(p.items!.rows.map((x) => x.cells[normLabel('本年预算数')].value)).toEqual([170.3, 3.5, 0.5, 2, 0.1, 0.3, 3]);
  expect(p.keyProjects!.rows).toEqual([]);
  expect(p.transfers!.rows).toEqual([]);

  // The copy is a valid input: its narrative asks for what is missing and states the rest.
  const md = path.join(dir, '003-params.md');
  const r2 = await cli([out, '--format', 'json', '--narrative', md]);
  const report = JSON.parse(r2.out);
  expect(report.findings.filter((f: { rule: string }) => f.rule === 'P.duplicate')).toEqual([]);
  const prior = report.findings.find((f: { message: string }) => f.message.includes('【请填写上年收入总计】'));
  expect(prior).toMatchObject({ sheet: '说明参数', cell: 'B8' });
  expect(fs.readFileSync(md, 'utf8')).toContain('2024年政府采购预算安排3.3万元，其中：政府采购货物预算0.3万元、政府采购工程预算0万元、政府采购服务预算3万元。');
});

test('--init-params refuses to overwrite the input and to add a second 说明参数', async () => {
  const copy = path.join(dir, 'in.xlsx');
  fs.copyFileSync(workbookPath('001'), copy);
  const before = sha(copy);
  const r1 = await cli([copy, '--init-params', copy]);
  expect(r1.code).toBe(4);
  expect(r1.err).toContain('不能是被校验的工作簿本身');
  const out = path.join(dir, 'twice.xlsx');
  const r2 = await cli([copy, '--init-params', out]);
  expect(r2.code).toBe(4);
  expect(r2.err).toContain('已有说明参数表');
  expect(fs.existsSync(out)).toBe(false);
  expect(sha(copy)).toBe(before);
});
