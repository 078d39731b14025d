/**
 * Every sentence template reads: the narrative generated from many inputs (both wordings; complete,
 * missing and changed 说明参数; the real fixtures with and without their 说明参数) and every rule
 * message the fixtures and the mutants produce are checked for what a template bug leaves behind:
 * "undefined"/"NaN"/"null", an empty slot ("为万元", "占%"), a doubled number ("19 万元 5 万元"),
 * doubled punctuation, an empty placeholder, and a placeholder whose label names something else than
 * its slot ("支出【请填写上年收入总计】", "共有车辆【请填写一般公务用车】辆").
 */
import fs from 'fs';
import path from 'path';
import { checkWorkbook } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import type { BudgetBook } from '../../src/core/model';
import { generateNarrative, readParams } from '../../src/core/narrative';
import type { NarrativeResult } from '../../src/core/narrative';
import { L } from '../../src/core/narrative/labels';
import { loadGrids } from '../helpers/load';
import { miniBook, miniParams } from './mini-book';
import { SEEDS, grids as seedGrids } from './fixtures';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/** Words of one family: a placeholder after one of them must not name another of the same family. */
const FAMILIES: string[][] = [
  ['收入', '支出'],
  ['车辆', '一般公务用车', '一般执法执勤用车', '特种专业技术用车', '其他用车'],
  ['“三公”经费', '因公出国（境）费', '公务接待费', '公务用车运行维护费', '公务用车购置费', '公务用车购置及运行费'],
  ['政府采购货物', '政府采购工程', '政府采购服务'],
  ['通用设备', '专用设备'],
  ['基本支出', '项目支出'],
  ['人员经费', '公用经费'],
];

/** What is wrong with one generated sentence (empty when it reads). */
export function sentenceProblems(text: string): string[] {
  const out: string[] = [];
  if (/undefined|NaN|\bnull\b|\[object|Infinity/.test(text)) out.push('undefined/NaN/null in the text');
  if (/\d\s*万元\s*-?\d[\d.]*\s*万元/.test(text)) out.push('two amounts in a row');
  if (/【请填写\s*】/.test(text)) out.push('empty placeholder');
  if (/([，。；：、])\1|[，；：、][。；]|，，/.test(text)) out.push('doubled punctuation');
  for (const m of text.matchAll(/(万元|%)/g)) {
    const before = text.slice(0, m.index).replace(/\s+$/, '');
    const prev = before.slice(-1);
    // "单价 50 万元以上" and amounts end in a digit; a placeholder ends in 】.
    if (!/[\d】]/.test(prev) && !(m[1] === '万元' && /（?单位[:：]?$/.test(before))) out.push(`empty slot before ${m[1]}: “${before.slice(-12)}${m[1]}”`);
  }
  if (/与\s*年|(^|。)\s*年/.test(text)) out.push('empty year');
  for (const m of text.matchAll(/【请填写([^】]*)】/g)) {
    const label = m[1];
    const lead = text.slice(0, m.index).split(/[，。；：、（]/).pop()!;
    for (const family of FAMILIES) {
      // The family word that ends closest to the placeholder (the longest at that place).
      let near: { word: string; end: number } | undefined;
      for (const w of family) {
        const i = lead.lastIndexOf(w);
        if (i < 0) continue;
        const end = i + w.length;
        if (!near || end > near.end || (end === near.end && w.length > near.word.length)) near = { word: w, end };
      }
      if (!near) continue;
      const named = family.filter((w) => label.includes(w));
      if (named.length && !named.some((w) => w.includes(near!.word) || near!.word.includes(w))) {
        out.push(`placeholder “${m[0]}” after “${lead}” names ${named.join('/')} instead of ${near.word}`);
      }
    }
  }
  return out;
}

function problemsOf(name: string, r: NarrativeResult): string[] {
  const out: string[] = [];
  for (const s of r.sections) for (const p of s.paragraphs) for (const x of sentenceProblems(p)) out.push(`${name} ${s.heading}: ${x}\n    ${p}`);
  for (const x of sentenceProblems(r.title)) out.push(`${name} title: ${x}`);
  for (const f of r.findings) for (const x of sentenceProblems(f.message)) out.push(`${name} finding ${f.rule}: ${x}\n    ${f.message}`);
  return out;
}

describe('the checker itself', () => {
  test.each([
    ['支出【请填写上年收入总计】', /names 收入 instead of 支出/],
    ['本部门共有车辆【请填写一般公务用车】辆', /instead of 车辆/],
    ['成本指标“≤14万元”低于资金总额 19 万元 5 万元', /two amounts/],
    ['预算为万元', /empty slot/],
    ['占%', /empty slot/],
    ['收入undefined万元', /undefined/],
    ['与年预算相比', /empty year/],
    ['增加，，', /punctuation/],
  ])('flags %s', (text, problem) => {
    expect(sentenceProblems(text).join('\n')).toMatch(problem);
  });
  test.each(['支出【请填写上年支出总计】', '共有车辆【请填写车辆总数】辆，其中：一般公务用车【请填写一般公务用车】辆', '单价50万元以上通用设备2台（套）', '收入减少5万元，下降4.5%'])('accepts %s', (text) => {
    expect(sentenceProblems(text)).toEqual([]);
  });
});

/** Inputs of the mini 说明参数, each blanked, and the prior-year amounts set to make every kind of change. */
function variants(layout: 'pds' | 'jy'): [string, Record<string, CellValue> | null][] {
  const labels = Object.values(L);
  const out: [string, Record<string, CellValue> | null][] = [
    ['complete', {}],
    ['no sheet', null],
    ['all blank', Object.fromEntries(labels.map((l) => [l, null]))],
  ];
  for (const l of labels) out.push([`${l} blank`, { [l]: null }]);
  const priors = labels.filter((l) => l.startsWith('上年'));
  out.push(['priors equal this year', { 上年收入总计: 105, 上年支出总计: 105, 上年一般公共预算收支预算: 100, '上年“三公”经费合计': 3, 上年公务接待费: 1, 上年公务用车运行维护费: 2, 上年机关运行经费: 6 }]);
  out.push(['priors zero', Object.fromEntries(priors.map((l) => [l, 0]))]);
  out.push(['priors large', Object.fromEntries(priors.map((l) => [l, 1234.5]))]);
  out.push(['counts filled', { 一般公务用车: 2, 一般执法执勤用车: 1, 特种专业技术用车: 0, 其他用车: 3, 专项转移支付项目数: 2, 公开绩效目标项目数: 1 }]);
  out.push(['text inputs with markup', { 收支总计变动原因: '人员增加\n# 伪造标题', 部门名称: '- <script>alert(1)</script>[x](javascript:alert(1))' }]);
  return out.map(([n, o]) => [`${layout} ${n}`, o]);
}

describe('the narrative reads for every input', () => {
  test.each([...variants('pds'), ...variants('jy')])('mini book, %s', (name, override) => {
    const layout = name.startsWith('jy') ? 'jy' : 'pds';
    const r = generateNarrative(miniBook(layout), override ? readParams([miniParams(layout, override)]) : undefined);
    expect(problemsOf(name, r)).toEqual([]);
    // Every placeholder is counted where it is made: the count matches the text.
    expect(r.placeholders.length).toBe((r.markdown.match(/【请填写[^】]*】/g) ?? []).length);
  });

  test.each(SEEDS.map((s) => [s]))('seed %s with its 说明参数 and without', async (seed) => {
    const g = await seedGrids(seed);
    const { book } = checkWorkbook(g);
    const withParams = generateNarrative(book, readParams(g));
    const without = generateNarrative(book, undefined);
    expect([...problemsOf(`${seed} params`, withParams), ...problemsOf(`${seed} none`, without)]).toEqual([]);
    expect(without.placeholders.length).toBeGreaterThan(10);
  });
});

describe('rule messages read on every fixture and mutant', () => {
  const files = [
    ...fs.readdirSync(path.join(FIXTURES, 'clean')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, 'clean', f)),
    ...fs.readdirSync(FIXTURES).filter((f) => /^mut-.*\.xlsx$/.test(f)).map((f) => path.join(FIXTURES, f)),
  ];
  test('there are fixtures to read', () => expect(files.length).toBeGreaterThanOrEqual(50));
  test.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
    const g = await loadGrids(file);
    const { report, book } = checkWorkbook(g);
    const bad: string[] = [];
    for (const f of report.findings) for (const x of sentenceProblems(f.message)) bad.push(`${f.rule} ${f.sheet}!${f.cell}: ${x}\n    ${f.message}`);
    // The narrative of every workbook reads too, whatever its tables hold.
    bad.push(...problemsOf('narrative', generateNarrative(book as BudgetBook, readParams(g))));
    expect(bad).toEqual([]);
  }, 60_000);
});

describe('T12.cost-le-amount with whole numbers (the garbled "低于资金总额 19 万元 5 万元")', () => {
  test('a cost target 140 below an amount of 190 reads "比资金总额 190 万元少 50 万元"', async () => {
    const { loadBook, t12 } = await import('../rules/helpers/books');
    const { runRules } = await import('../../src/core/rules');
    const { buildCatalog } = await import('../../src/core/catalog');
    const book = await loadBook(path.join(FIXTURES, 'clean/seed-003.xlsx'));
    const table = t12(book);
    const project = table.projects.find((p) => p.indicators.some((i) => i.kind === '成本指标' && i.value?.text === '≤14万元'))!;
    const indicator = project.indicators.find((i) => i.kind === '成本指标' && i.value?.text === '≤14万元')!;
    table.decimals = 0;
    Object.assign(project.amounts['资金总额'], { scaled: 190_000_000, decimals: 0 });
    indicator.value!.text = '≤140万元';
    const cost = runRules(book, { catalog: buildCatalog([]) }).findings.filter((f) => f.rule === 'T12.cost-le-amount' && f.cell === indicator.value!.ref.cell);
    expect(cost.map((f) => f.message)).toEqual([expect.stringContaining('≤140万元”比资金总额 190 万元少 50 万元：')]);
    expect(sentenceProblems(cost[0].message)).toEqual([]);
  });
});
