/** What every rule module looks like (the ESLint shape): metadata plus one check over typed tables. */
import type { BudgetBook, TableId } from '../model';
import type { Finding, Severity } from '../report';
import type { Catalog } from '../catalog';
import type { NarrativeParams } from '../narrative';
import type { Relation } from './relation';

export interface RuleContext {
  catalog: Catalog;
  /** The 说明参数 sheet, when the workbook has one. */
  params?: NarrativeParams;
}

export interface Rule {
  /** Id as in rules.md, e.g. "T01.income-total". */
  id: string;
  /** Severity beyond the rounding tolerance. */
  severity: Severity;
  /** Chinese title for the pane and README. */
  title: string;
  /** Tables the rule needs; the rule is skipped (and the report says so) when one is missing. */
  needs: TableId[];
  check(book: BudgetBook, ctx: RuleContext): Finding[];
  /**
   * Amount rules also expose their relations: the registry evaluates all of them together and the
   * resolver (resolve.ts) turns the failed ones into one finding per defect, at the cell most likely
   * wrong. `check` of such a rule reports each relation on its own (used by unit tests).
   */
  relations?(book: BudgetBook, ctx: RuleContext): Relation[];
  /** Findings a relation rule reports directly besides its relations (e.g. rows without a counterpart). */
  direct?(book: BudgetBook, ctx: RuleContext): Finding[];
}
