/** Rules 43–44: T08 一般公共预算“三公”经费支出情况表 (one data row). */
import type { Amount } from '../../amount';
import type { BudgetBook, T08Table } from '../../model';
import { COL, t08 } from '../../model';
import { relationRule } from '../define';
import type { Relation, Term } from '../relation';
import { term } from '../relation';
import type { Rule } from '../types';
import { tableName } from './kit';

const C = COL.t08;
export const T08_LABELS: Record<string, string> = {
  [C.total]: '“三公”经费合计',
  [C.abroad]: '因公出国（境）费',
  [C.vehicle]: '公务用车购置及运行费小计',
  [C.vehiclePurchase]: '公务用车购置费',
  [C.vehicleRunning]: '公务用车运行费',
  [C.reception]: '公务接待费',
};

export function t08Term(t: T08Table, key: string): Term {
  const a: Amount | undefined = t.amounts[key];
  return term(a, T08_LABELS[key] ?? key, { table: 'T08', col: key, group: t.sheet });
}

function sum(book: BudgetBook, rule: string, lhs: string, rhs: string[]): Relation[] {
  const t = t08(book);
  if (!t || t.amounts[lhs] === undefined) return [];
  const present = rhs.filter((k) => t.amounts[k] !== undefined);
  if (!present.length) return [];
  return [
    {
      rule,
      severity: 'error',
      lhs: [t08Term(t, lhs)],
      rhs: present.map((k) => t08Term(t, k)),
      decimals: t.decimals,
      tables: ['T08'],
      where: tableName('T08'),
      lhsText: T08_LABELS[lhs],
      rhsText: present.map((k) => T08_LABELS[k]).join(' + '),
      shape: { kind: 'cross' },
      table: 'T08',
    },
  ];
}

const needs: ['T08'] = ['T08'];
export const t08Rules: Rule[] = [
  relationRule({ id: 'T08.total', severity: 'error', title: '“三公”经费表：合计 = 出国（境）费 + 公务用车购置及运行费 + 公务接待费', needs }, (book) =>
    sum(book, 'T08.total', C.total, [C.abroad, C.vehicle, C.reception]),
  ),
  relationRule({ id: 'T08.vehicle', severity: 'error', title: '“三公”经费表：公务用车购置及运行费 = 购置费 + 运行费', needs }, (book) =>
    sum(book, 'T08.vehicle', C.vehicle, [C.vehiclePurchase, C.vehicleRunning]),
  ),
];
