/**
 * 校对情况说明: the department's own 情况说明 checked against its tables, number by number
 * (docs/校对情况说明.md). Pure: text in, findings out; reading .docx and sheets is the hosts' job.
 */
import type { Catalog } from '../catalog';
import type { BudgetBook } from '../model';
import type { NarrativeParams } from '../narrative/params';
import type { Finding } from '../report';
import type { Claim } from './classify';
import { classifyParagraph } from './classify';
import type { Paragraph } from './document';
import { paragraphsOf, readDocument } from './document';
import { checkCoverage } from './checks/coverage';
import { checkDeptName } from './checks/dept-name';
import { checkNoData } from './checks/no-data';
import { checkNumbers } from './checks/numbers';
import { checkPlaceholders } from './checks/placeholders';
import { checkPriorBase } from './checks/prior-base';
import { checkYears } from './checks/years';
import { buildSources } from './sources';
import type { Sources } from './sources';
import type { NarrativeIssue, NarrativeNumber } from './types';

export type { NarrativeNumber, NarrativeIssue } from './types';
export type { Paragraph } from './document';
export { paragraphsOf } from './document';

export interface NarrativeCheck {
  findings: Finding[];
  numbers: NarrativeNumber[];
  paragraphs: Paragraph[];
  claims: Claim[];
}

export interface NarrativeCheckOptions {
  catalog?: Catalog;
}

/** `text` is the whole document, or its paragraphs (one per element; empty ones are skipped). */
export function checkNarrativeText(book: BudgetBook, params: NarrativeParams | undefined, text: string | string[], options: NarrativeCheckOptions = {}): NarrativeCheck {
  const raw = typeof text === 'string' ? paragraphsOf(text) : text.flatMap((t) => paragraphsOf(t));
  const paras = readDocument(raw);
  const src = sourcesFor(book, params, options.catalog);
  const claims = paras.flatMap((p) => classifyParagraph(p, src));
  const numbers = checkNumbers(claims, src);
  const issues: NarrativeIssue[] = [
    ...numbers.issues,
    ...checkYears(paras, claims, src),
    ...checkDeptName(paras, src),
    ...checkPlaceholders(paras),
    ...checkNoData(paras, src),
    ...checkCoverage(paras, claims, src),
    ...checkPriorBase(claims, src),
  ];
  return { findings: toFindings(issues), numbers: numbers.numbers, paragraphs: paras, claims };
}

/** The sources of one workbook are read once: the pane re-checks the text as the user edits it. */
const cache = new WeakMap<BudgetBook, { params: NarrativeParams | undefined; catalog: Catalog | undefined; src: Sources }[]>();

function sourcesFor(book: BudgetBook, params: NarrativeParams | undefined, catalog: Catalog | undefined): Sources {
  const list = cache.get(book) ?? [];
  const hit = list.find((x) => x.params === params && x.catalog === catalog);
  if (hit) return hit.src;
  const src = buildSources(book, params, catalog);
  list.push({ params, catalog, src });
  if (list.length > 4) list.shift();
  cache.set(book, list);
  return src;
}

function toFindings(issues: NarrativeIssue[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const sorted = [...issues].sort((a, b) => a.at.paragraph - b.at.paragraph);
  for (const i of sorted) {
    const key = `${i.rule}|${i.at.paragraph}|${i.at.text}|${i.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: i.rule, severity: i.severity, sheet: '', cell: '', related: i.related, expected: i.expected, actual: i.actual, message: i.message, narrative: i.at });
  }
  return out;
}
export { findNarrativeSheet, sheetParagraphs, NARRATIVE_SHEET } from './sheet';
export { NARRATIVE_RULES } from './rules';
