/** Within-table rules (rules.md §3). */
import type { Rule } from '../types';
import { expenseRules, t13PdsRules } from './expense';
import { t01Rules, t04Rules } from './lines';
import { t02Rules } from './t02';
import { t06Rules } from './t06';
import { t07Rules } from './t07';
import { t08Rules } from './t08';
import { t10Rules } from './t10';
import { t11Rules } from './t11';
import { t12Rules } from './t12';
import { t14Rules } from './t14';

export const tableRules: Rule[] = [
  ...t01Rules,
  ...t02Rules,
  ...expenseRules('T03'),
  ...t04Rules,
  ...expenseRules('T05'),
  ...t06Rules,
  ...t07Rules,
  ...t08Rules,
  ...expenseRules('T09'),
  ...t10Rules,
  ...t11Rules,
  ...t12Rules,
  ...expenseRules('T13'),
  ...t13PdsRules,
  ...t14Rules,
];
