/**
 * The rule registry. Amount rules give relations; the registry evaluates all of them with the 尾差
 * policy and lets the resolver fold the failed ones into one finding per defect (resolve.ts).
 * Other rules report findings directly. A rule whose tables are missing is skipped and listed.
 */
import type { BudgetBook, TableId } from '../model';
import type { Finding } from '../report';
import type { Rule, RuleContext } from './types';
import type { Evaluated } from './relation';
import { evaluate, relationFinding } from './relation';
import { resolve } from './resolve';
import { tableRules } from './table';
import { crossRules } from './cross';
import { codeRules } from './code';
export type { RuleContext } from './types';

export const RULES: Rule[] = [...tableRules, ...crossRules, ...codeRules];

export function runRules(book: BudgetBook, ctx: RuleContext, rules: Rule[] = RULES): { findings: Finding[]; skipped: { rule: string; missing: TableId[] }[] } {
  const findings: Finding[] = [];
  const skipped: { rule: string; missing: TableId[] }[] = [];
  const evaluated: Evaluated[] = [];
  for (const rule of rules) {
    const missing = rule.needs.filter((id) => !book.tables[id]);
    if (missing.length) {
      skipped.push({ rule: rule.id, missing });
      continue;
    }
    try {
      if (rule.relations) {
        for (const rel of rule.relations(book, ctx)) evaluated.push(evaluate(rel, evaluated.length));
        if (rule.direct) findings.push(...rule.direct(book, ctx));
      } else findings.push(...rule.check(book, ctx));
    } catch (e) {
      // A rule that trips over unexpected input must not take the whole check down.
      findings.push({
        rule: rule.id,
        severity: 'info',
        sheet: '',
        cell: '',
        related: [],
        expected: null,
        actual: null,
        message: `规则“${rule.title}”未能完成检查（${(e as Error).message}），其余检查不受影响`,
      });
    }
  }
  try {
    findings.push(...resolve(evaluated));
  } catch {
    // Localisation is a refinement: if it fails, every relation is reported at its own total cell.
    for (const e of evaluated) if (e.severity) findings.push(relationFinding(e));
  }
  return { findings, skipped };
}
