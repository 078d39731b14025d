/**
 * C.user-catalog: rows of the user's 科目表 (a sheet of the workbook or `--catalog`) that could not
 * be used, each with where and why. The other rows extend and override the bundled catalogue.
 */
import type { Finding } from '../../report';
import type { Rule, RuleContext } from '../types';
import { finding } from './common';

const ID = 'C.user-catalog';
const MAX = 50;

export const userCatalog: Rule = {
  id: ID,
  severity: 'warning',
  title: '科目表中无法使用的行',
  needs: [],
  check(_book, ctx: RuleContext): Finding[] {
    const issues = ctx.catalog.issues ?? [];
    const out = issues.slice(0, MAX).map((i) => finding({ rule: ID, severity: i.severity, at: i.ref, message: i.message }));
    if (issues.length > MAX) {
      const last = issues[MAX];
      out.push(finding({ rule: ID, severity: 'warning', at: last.ref, message: `科目表中另有 ${issues.length - MAX} 行无法使用，未逐一列出` }));
    }
    return out;
  },
};
