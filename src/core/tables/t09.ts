/** T09 政府性基金预算支出情况表 — government-fund expenditure; same columns as T03. */
import type { TableSpec } from './spec';
import { EXPENSE_COLUMNS, EXPENSE_GROUPS, EXPENSE_SIGNATURE } from './expense-columns';

export const T09: TableSpec = {
  id: 'T09',
  titles: ['政府性基金预算支出情况表', '政府性基金预算支出预算表', '政府性基金预算支出表', '政府性基金支出预算表'],
  signature: EXPENSE_SIGNATURE,
  confirm: 2,
  columns: EXPENSE_COLUMNS,
  groups: EXPENSE_GROUPS,
  family: 'expense',
};
