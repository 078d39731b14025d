// PLACEHOLDER registry — the rules issue fills RULES and the cascade resolution.
import type { BudgetBook, TableId } from '../model';
import type { Finding } from '../report';
import type { Rule, RuleContext } from './types';
export type { RuleContext } from './types';

export const RULES: Rule[] = [];

export function runRules(book: BudgetBook, ctx: RuleContext): { findings: Finding[]; skipped: { rule: string; missing: TableId[] }[] } {
  const findings: Finding[] = [];
  const skipped: { rule: string; missing: TableId[] }[] = [];
  for (const rule of RULES) {
    const missing = rule.needs.filter((id) => !book.tables[id]);
    if (missing.length) skipped.push({ rule: rule.id, missing });
    else findings.push(...rule.check(book, ctx));
  }
  return { findings, skipped };
}
