/**
 * The rule registry. Amount rules give relations; the registry evaluates all of them with the 尾差
 * policy and lets the resolver fold the failed ones into one finding per defect (resolve.ts).
 * Other rules report findings directly. A rule whose tables are missing is skipped and listed.
 */
import type { BudgetBook, TableId } from '../model';
import type { Finding } from '../report';
import type { Rule, RuleContext } from './types';
import type { Evaluated } from './relation';
import { buildingUnheld, evaluate, relationFinding } from './relation';
import { resolve } from './resolve';
import { tableRules } from './table';
import { crossRules } from './cross';
import { codeRules } from './code';
import { pushAll } from '../list';
export type { RuleContext } from './types';

export const RULES: Rule[] = [...tableRules, ...crossRules, ...codeRules];

export function runRules(book: BudgetBook, ctx: RuleContext, rules: Rule[] = RULES): { findings: Finding[]; skipped: { rule: string; missing: TableId[] }[] } {
  const findings: Finding[] = [];
  const skipped: { rule: string; missing: TableId[] }[] = [];
  // Most relations hold. The first pass keeps only those that do not (builders may even skip building
  // a relation that holds exactly, relation.ts buildingUnheld): a large workbook has tens of thousands
  // of relations. The resolver needs the holding ones too only when some relation fails; then every
  // relation is built and evaluated again (evaluateAll), as one pass would have.
  const kept: Evaluated[] = [];
  const built: Rule[] = [];
  let count = 0;
  let failed = false;
  for (const rule of rules) {
    const missing = rule.needs.filter((id) => !book.tables[id]);
    if (missing.length) {
      skipped.push({ rule: rule.id, missing });
      continue;
    }
    try {
      if (rule.relations) {
        const rels = buildingUnheld(() => rule.relations!(book, ctx));
        built.push(rule);
        for (const rel of rels) {
          const e = evaluate(rel, count);
          count++;
          if (e.status === 'pass') continue;
          kept.push(e);
          if (e.status === 'fail') failed = true;
        }
        if (rule.direct) pushAll(findings, rule.direct(book, ctx));
      } else pushAll(findings, rule.check(book, ctx));
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
  const evaluated = failed ? evaluateAll(book, ctx, built) : kept;
  try {
    pushAll(findings, resolve(evaluated));
  } catch {
    // Localisation is a refinement: if it fails, every relation is reported at its own total cell.
    for (const e of evaluated) if (e.severity) findings.push(relationFinding(e));
  }
  return { findings, skipped };
}

/** Every relation of the rules that gave theirs on the first pass, evaluated again (same ids). */
function evaluateAll(book: BudgetBook, ctx: RuleContext, rules: Rule[]): Evaluated[] {
  const out: Evaluated[] = [];
  for (const rule of rules) {
    try {
      for (const rel of rule.relations!(book, ctx)) out.push(evaluate(rel, out.length));
    } catch {
      // Stops where the first pass stopped; that pass reported it.
    }
  }
  return out;
}

