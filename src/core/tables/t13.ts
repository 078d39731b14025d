/**
 * T13 国有资本经营预算支出情况表. 平顶山 has its own template (总计, 商品服务支出, four project
 * sub-columns, no 单位代码); 济源 uses the T03 layout. The rules of both are listed: the keys agree.
 */
import { COL } from '../model';
import { amount, type TableSpec } from './spec';
import { EXPENSE_COLUMNS, EXPENSE_GROUPS, EXPENSE_SIGNATURE } from './expense-columns';

const K = COL.t13pds;

export const T13: TableSpec = {
  id: 'T13',
  titles: ['国有资本经营预算支出情况表', '国有资本经营预算支出预算表', '国有资本经营预算支出表'],
  signature: [...EXPENSE_SIGNATURE, '社会事业和经济发展项目', '债务项目', '基本建设项目'],
  confirm: 2,
  columns: [
    ...EXPENSE_COLUMNS,
    amount(K.social, ['社会事业和经济发展项目']),
    amount(K.debt, ['债务项目']),
    amount(K.construction, ['基本建设项目']),
    amount(K.other, ['其他项目']),
  ],
  groups: EXPENSE_GROUPS,
  family: 'expense',
};
