/**
 * What the user typed in 说明参数 goes into the Markdown as text, never as markup: no HTML, no link,
 * no heading or list made by a line break or a leading sign. A 【请填写…】 the user typed is not
 * counted (nor coloured in Word) as a placeholder of the generator.
 */
import JSZip from 'jszip';
import type { CellValue } from '../../src/core/grid';
import { generateNarrative, readParams } from '../../src/core/narrative';
import { escapeMarkdown } from '../../src/core/narrative/markdown';
import { narrativeToDocx } from '../../src/io/narrative-docx';
import { expectedMd, SEEDS, grids } from './fixtures';
import { checkWorkbook } from '../../src/core/check';
import { miniBook, miniParams } from './mini-book';

const gen = (override: Record<string, CellValue>) => generateNarrative(miniBook('pds'), readParams([miniParams('pds', override)]));

describe('Markdown escaping', () => {
  const hostile = {
    部门名称: '- <script>alert(1)</script>[点我](javascript:alert(1))',
    收支总计变动原因: '人员增加\n# 伪造标题\n> 引用\r\n| a | b |\n---',
    机关运行经费变动原因: '<img src=x onerror=alert(1)> **粗** _斜_ `代码` &lt;b&gt; ![图](http://x/y.png)',
  };
  const md = gen(hostile).markdown;
  const lines = md.split('\n');

  test('no line starts with a Markdown block sign', () => {
    expect(lines.filter((l) => /^\s*([#>|=+*-]|```)/.test(l))).toEqual([]);
  });
  test('a line break in a cell is shown as ⏎ inside its paragraph', () => {
    expect(md).toContain('人员增加⏎# 伪造标题⏎\\> 引用⏎\\| a \\| b \\|⏎---');
    expect(lines).not.toContain('# 伪造标题');
  });
  test('no raw HTML, link, image or emphasis', () => {
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])[*_`]/m);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>\\[点我\\](javascript:alert(1))');
    expect(md).toContain('\\&lt;b\\&gt;');
  });
  test('the dept name that opens a paragraph does not become a list item', () => {
    expect(md).toContain('\\- \\<script\\>');
  });
  test('escapeMarkdown leaves the template text alone', () => {
    for (const t of ['1. 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。', '测试局2024年收入总计105万元，增长4.5%', '（一）机关运行经费支出情况']) expect(escapeMarkdown(t)).toBe(t);
  });
  test.each(SEEDS.map((s) => [s]))('seed %s: the published text comes out unchanged', async (seed) => {
    const g = await grids(seed);
    const r = generateNarrative(checkWorkbook(g).book, readParams(g));
    // Every paragraph reaches the Markdown as it was generated (none holds a sign that needs escaping).
    for (const s of r.sections) for (const p of s.paragraphs) expect(r.markdown).toContain(p);
    expect(expectedMd(seed).length).toBeGreaterThan(0);
  });
});

describe('a 【请填写…】 typed by the user is text, not a placeholder', () => {
  const typed = '【请填写上年收入总计】待定';
  const plain = gen({ 收支总计变动原因: '人员增加' });
  const withTyped = gen({ 收支总计变动原因: typed });

  test('the count of placeholders does not change', () => {
    expect(withTyped.markdown).toContain(typed);
    expect(withTyped.placeholders).toEqual(plain.placeholders);
    expect(withTyped.findings.filter((f) => f.rule === 'N.param-missing')).toEqual(plain.findings.filter((f) => f.rule === 'N.param-missing'));
  });

  test('Word colours only the generator\'s placeholders', async () => {
    const r = gen({ 收支总计变动原因: typed, 上年支出总计: null, 一般公务用车: null });
    expect(r.placeholders).toContain('【请填写一般公务用车】');
    const zip = await JSZip.loadAsync(await narrativeToDocx(r));
    const xml = await zip.file('word/document.xml')!.async('string');
    const red = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:color w:val="C00000"\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]);
    expect(red).toContain('【请填写一般公务用车】');
    expect(red).not.toContain('【请填写上年收入总计】');
    expect(xml).toContain('【请填写上年收入总计】');
  });
});
