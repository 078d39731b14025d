/** 第二部分 部门预算情况说明: every section in order, in the 平顶山 or the 济源 wording. */
import type { Catalog } from '../catalog';
import type { BudgetBook } from '../model';
import type { Finding } from '../report';
import { checkParams } from './checks';
import { Ctx } from './context';
import { toMarkdown } from './markdown';
import type { NarrativeParams } from './params';
import { totalSection } from './sections/s1-total';
import { incomeSection } from './sections/s2-income';
import { expenseSection } from './sections/s3-expense';
import { fiscalSection } from './sections/s4-fiscal';
import { gpbSection } from './sections/s5-gpb';
import { basicSection } from './sections/s6-basic';
import { sangongSection } from './sections/s7-sangong';
import { fundSection, stateCapitalSection } from './sections/s8-funds';
import { otherSection } from './sections/other';
import type { NarrativeResult, NarrativeSection } from './types';

export interface NarrativeOptions {
  /** Classification catalogue for 类/款 names (with the user's 科目表); the bundled one by default. */
  catalog?: Catalog;
}

export function generateNarrative(book: BudgetBook, params: NarrativeParams | undefined, options: NarrativeOptions = {}): NarrativeResult {
  const ctx = new Ctx(book, params, options.catalog);
  const sections: NarrativeSection[] = [
    ...totalSection(ctx),
    ...incomeSection(ctx),
    ...expenseSection(ctx),
    ...fiscalSection(ctx),
    ...gpbSection(ctx),
    ...basicSection(ctx),
    ...sangongSection(ctx),
    ...fundSection(ctx),
    ...(ctx.profile === 'jy' ? stateCapitalSection(ctx) : []),
    ...otherSection(ctx),
  ];
  const s = ctx.sp;
  const title = ctx.tidy(`${ctx.dept}${s}${ctx.Y}${s}${ctx.profile === 'jy' ? '年度' : '年'}部门预算情况说明`);
  const findings = mergeFindings(ctx.findings, params ? checkParams(book, params) : []);
  return { title, sections, findings, placeholders: ctx.placeholders, markdown: toMarkdown(title, sections) };
}

/** The same finding from the generator and from checkParams counts once. */
export function mergeFindings(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of [...a, ...b]) {
    const k = findingKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
}
