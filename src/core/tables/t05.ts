/** T05 一般公共预算支出情况表 — general-budget expenditure; same columns as T03 (济源 without 特定目标类). */
import type { TableSpec } from './spec';
import { EXPENSE_COLUMNS, EXPENSE_GROUPS, EXPENSE_SIGNATURE } from './expense-columns';

export const T05: TableSpec = {
  id: 'T05',
  titles: ['一般公共预算支出情况表', '一般公共预算支出预算表', '一般公共预算支出表'],
  signature: EXPENSE_SIGNATURE,
  confirm: 2,
  columns: EXPENSE_COLUMNS,
  groups: EXPENSE_GROUPS,
  family: 'expense',
};
