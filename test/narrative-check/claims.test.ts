/**
 * The reading of sentences beyond the two published wordings: last year's figure written in the
 * text, other phrasings of a change, residue of templates, statements that a table is empty,
 * years of the wrong budget, and the document structure.
 */
import { checkNarrativeText, findNarrativeSheet, sheetParagraphs } from '../../src/core/narrative-check';
import { readDocument, sectionKeyOf } from '../../src/core/narrative-check/document';
import { findNumbers } from '../../src/core/narrative-check/numbers';
import type { Case } from './cases';
import { generatedCase, seedCase } from './cases';

let s003: Case;
beforeAll(async () => {
  s003 = await seedCase('003');
});
const check = (c: Case, text: string | string[]) => checkNarrativeText(c.book, c.params, text);
/** Without 说明参数: last year's figures only from the text. */
const bare = (c: Case, text: string | string[]) => checkNarrativeText(c.book, undefined, text);
const H1 = '一、收入支出预算总体情况说明';
const D = '平顶山高新技术产业开发区行政服务中心';

describe('numbers', () => {
  test('amounts, percentages and counts as written; years and ordinals are not numbers', () => {
    const n = findNumbers('1. 2024年收入总计1,990.50 万元，占38.3%，涉及项目11个，车辆2辆，0台（套），140元');
    expect(n.map((x) => x.text)).toEqual(['1,990.50 万元', '38.3%', '11个', '2辆', '0台（套）', '140元']);
    expect(n[0]).toMatchObject({ unit: 'amount', scaled: 1990500000, decimals: 2 });
    expect(n[5].scaled).toBe(140000000 / 10000);
  });
});

test('amounts in 元 are compared in 万元 at their own precision', () => {
  const r = check(s003, [H1, `${D}2024年收入总计1796000元。`]);
  expect(r.findings).toEqual([]);
  expect(r.numbers[0]).toMatchObject({ verdict: 'matches' });
  const bad = check(s003, [H1, `${D}2024年收入总计1797000元。`]);
  expect(bad.findings.map((f) => [f.rule, f.narrative!.text])).toEqual([['N.text.amount', '1797000元']]);
});

describe('changes written differently', () => {
  test('last year’s figure stated in the text is the base of the change and the rate', () => {
    const ok = bare(s003, [H1, `${D}2024年收入总计179.6万元，比2023年的188.3万元减少8.7万元，下降4.6%。`]);
    expect(ok.findings).toEqual([]);
    expect(ok.numbers.map((n) => n.verdict)).toEqual(['matches', 'unverifiable', 'matches', 'matches']);
    const bad = bare(s003, [H1, `${D}2024年收入总计179.6万元，比2023年的188.3万元减少8.7万元，下降5.6%。`]);
    expect(bad.findings.map((f) => [f.rule, f.narrative!.text])).toEqual([['N.text.rate', '5.6%']]);
  });

  test('较上年 / 同比 / 增长了 read as the same change', () => {
    const text = `${D}2024年收入总计179.6万元，较上年减少了8.7万元，同比下降了4.6%；支出总计179.6万元，同比减少8.7万元，降幅4.6%。`;
    const r = check(s003, [H1, text]);
    expect(r.findings).toEqual([]);
    expect(r.numbers.every((n) => n.verdict === 'matches')).toBe(true);
  });

  test('a direction word that contradicts last year’s input', () => {
    const r = check(s003, [H1, `${D}2024年收入总计179.6万元，与2023年预算相比，收入增加8.7万元。`]);
    expect(r.findings.map((f) => [f.rule, f.narrative!.text, f.expected])).toEqual([['N.text.direction', '8.7万元', '减少']]);
  });

  test('持平 where the inputs show a change', () => {
    const r = check(s003, ['九、其他重要事项情况说明', '（一）机关运行经费支出情况', `${D}2024年机关运行经费支出预算3.4万元，与2023年持平。`]);
    expect(r.findings.map((f) => [f.rule, f.narrative!.text])).toEqual([['N.text.direction', '持平']]);
  });
});

describe('template residue', () => {
  test.each([
    ['【请填写上年收入总计】', '与2023年预算相比，收入减少【请填写上年收入总计】万元。'],
    ['XX', '收入总计XX万元。'],
    ['×××', '×××部门2024年收入总计179.6万元。'],
    ['增加（减少）', '收入增加（减少）8.7万元。'],
    ['……', '主要原因：……。'],
    ['X.X', '一般公共预算收支预算X.X万元。'],
  ])('%s', (residue, text) => {
    const r = check(s003, [H1, text]);
    const f = r.findings.filter((x) => x.rule === 'N.text.placeholder');
    expect(f.map((x) => x.narrative!.text)).toContain(residue);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '', cell: '' });
  });
});

describe('statements that a table is empty', () => {
  test('“无政府采购” while T14 lists purchases is an error; “无政府性基金” with an empty T09 is right', () => {
    const r = check(s003, ['九、其他重要事项情况说明', '（二）政府采购支出情况', '我部门2024年无政府采购预算。', '八、政府性基金预算支出情况说明', '我部门2024年无使用政府性基金预算拨款安排的支出。']);
    expect(r.findings.map((f) => [f.rule, f.narrative!.paragraph, f.expected])).toEqual([['N.text.no-data', 3, 3.3]]);
  });
});

describe('years', () => {
  test('this year, last year in comparisons and year ends; a year inside a project name is a name', () => {
    const r = check(s003, [
      `${D}2024年部门预算情况说明`,
      '截至2023年12月31日，本部门共有车辆0辆。',
      '我部门选取了2024年度1个项目开展重点项目预算的绩效管理，项目名称是2024年文明创建费用。',
    ]);
    expect(r.findings.filter((f) => f.rule === 'N.text.year')).toEqual([]);
    const bad = check(s003, [`${D}2023年部门预算情况说明`, '与2022年预算相比，收入减少8.7万元。']);
    expect(bad.findings.filter((f) => f.rule === 'N.text.year').map((f) => [f.narrative!.paragraph, f.narrative!.text, f.expected])).toEqual([
      [1, '2023年', 2024],
      [2, '2022年', 2023],
    ]);
  });
});

describe('document structure', () => {
  test('headings, sections and the 1-based index among non-empty paragraphs', () => {
    const doc = readDocument(['第二部分', '', '五、一般公共预算支出情况说明', '（二）结构情况', '正文', '七、“三公”经费支出情况说明', '（一）因公出国（境）费 0万元，主要用于……']);
    expect(doc.map((p) => [p.index, p.heading ?? 0, p.key])).toEqual([
      [1, 0, ''],
      [2, 1, 'gpb'],
      [3, 2, 'gpb-structure'],
      [4, 0, 'gpb-structure'],
      [5, 1, 'sangong'],
      [6, 0, 'sangong'],
    ]);
    expect(doc[3].section).toBe('（二）结构情况');
    expect(sectionKeyOf('十、其他重要事项的情况说明')).toBe('other');
    expect(sectionKeyOf('四、财政拨款收入支出预算总体情况说明')).toBe('fiscal');
  });

  test('the 情况说明 sheet: one paragraph per row of column A', () => {
    const grid = { name: '情况说明', origin: 'A1', values: [['标题'], [null], ['一、收入支出预算总体情况说明'], ['正文', '旁注']] };
    expect(findNarrativeSheet([{ name: '表1', origin: 'A1', values: [] }, grid])).toBe(grid);
    expect(sheetParagraphs(grid)).toEqual(['标题', '一、收入支出预算总体情况说明', '正文']);
  });
});

test('a generated narrative with 政府性基金: the fund amounts are traced and “无政府性基金” is refused', async () => {
  const c = await generatedCase('synth-pds-small.xlsx');
  const base = check(c, c.text);
  const fund = base.claims.filter((x) => x.q === 't09.total' && x.kind === 'amount');
  expect(fund.length).toBeGreaterThan(0);
  expect(fund[0].num!.scaled).toBeGreaterThan(0);
  const paras = c.text.split('\n').filter((l) => l.trim());
  const i = fund[0].para.index - 1;
  paras[i] = `本部门${c.book.year}年无政府性基金预算。`;
  const r = check(c, paras);
  expect(r.findings.some((f) => f.rule === 'N.text.no-data' && f.narrative!.paragraph === i + 1 && f.severity === 'error')).toBe(true);
});
