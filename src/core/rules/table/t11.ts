/** Rules 49–50: T11 部门（单位）整体绩效目标表, the 预算情况 block. */
import type { BudgetBook, T11Table } from '../../model';
import { t11 } from '../../model';
import { relationRule } from '../define';
import type { Relation, Term } from '../relation';
import { term } from '../relation';
import type { Rule } from '../types';
import { tableName } from './kit';

export function t11Term(t: T11Table, key: string): Term {
  return term(t.fields[key], key, { table: 'T11', col: key, group: t.sheet });
}

function sum(book: BudgetBook, rule: string, lhs: string, rhs: string[]): Relation[] {
  const t = t11(book);
  if (!t || t.fields[lhs] === undefined) return [];
  if (!rhs.some((k) => t.fields[k] !== undefined)) return [];
  return [
    {
      rule,
      severity: 'error',
      lhs: [t11Term(t, lhs)],
      rhs: rhs.map((k) => t11Term(t, k)),
      decimals: t.decimals,
      tables: ['T11'],
      where: tableName('T11'),
      lhsText: lhs,
      rhsText: rhs.join(' + '),
      shape: { kind: 'cross' },
      table: 'T11',
    },
  ];
}

const needs: ['T11'] = ['T11'];
export const t11Rules: Rule[] = [
  relationRule({ id: 'T11.sources', severity: 'error', title: '整体绩效目标表：部门预算总额 = 政府预算资金 + 财政专户管理资金 + 单位资金', needs }, (book) =>
    sum(book, 'T11.sources', '部门预算总额', ['政府预算资金', '财政专户管理资金', '单位资金']),
  ),
  relationRule({ id: 'T11.structure', severity: 'error', title: '整体绩效目标表：部门预算总额 = 基本支出 + 项目支出', needs }, (book) =>
    sum(book, 'T11.structure', '部门预算总额', ['基本支出', '项目支出']),
  ),
];
