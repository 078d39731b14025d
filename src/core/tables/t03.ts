/** T03 部门支出总体情况表 — expenditure by function code (tables.md T03). */
import type { TableSpec } from './spec';
import { EXPENSE_COLUMNS, EXPENSE_GROUPS, EXPENSE_SIGNATURE } from './expense-columns';

export const T03: TableSpec = {
  id: 'T03',
  titles: ['部门支出总体情况表', '部门支出预算表', '部门支出总表'],
  signature: EXPENSE_SIGNATURE,
  confirm: 2,
  columns: EXPENSE_COLUMNS,
  groups: EXPENSE_GROUPS,
  family: 'expense',
};
