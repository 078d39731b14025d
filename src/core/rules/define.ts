/** Small constructors for rule modules. */
import type { BudgetBook, TableId } from '../model';
import type { Finding, Severity } from '../report';
import type { Relation } from './relation';
import { relationsToFindings } from './relation';
import type { Rule, RuleContext } from './types';

interface Meta {
  id: string;
  severity: Severity;
  title: string;
  needs: TableId[];
}

/** A rule made of relations (amount identities); findings come from the resolver. */
export function relationRule(
  meta: Meta,
  build: (book: BudgetBook, ctx: RuleContext) => Relation[],
  direct?: (book: BudgetBook, ctx: RuleContext) => Finding[],
): Rule {
  return {
    ...meta,
    relations: build,
    direct,
    check: (book, ctx) => [...relationsToFindings(build(book, ctx)), ...(direct ? direct(book, ctx) : [])],
  };
}

/** A rule that reports findings directly (codes, texts, presence). */
export function findingRule(meta: Meta, check: (book: BudgetBook, ctx: RuleContext) => Finding[]): Rule {
  return { ...meta, check };
}
