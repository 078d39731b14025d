/** T14 政府采购汇总表 — procurement items with the function code that pays. */
import { COL, TEXT } from '../model';
import { FUNC_CODE_COLUMNS, amount, text, type TableSpec } from './spec';

const T = TEXT.t14;

export const T14: TableSpec = {
  id: 'T14',
  titles: ['政府采购汇总表', '政府采购预算汇总表', '政府采购预算表', '政府采购支出表'],
  signature: ['采购项目', '采购目录', '规格', '计量单位', '采购数量', '金额'],
  confirm: 2,
  columns: [
    ...FUNC_CODE_COLUMNS,
    text(T.unitName, ['单位名称', '单位']),
    text(T.item, ['采购项目', '采购项目名称']),
    text(T.catalog, ['采购目录', '采购品目']),
    text(T.spec, ['规格', '规格型号']),
    text(T.measure, ['计量单位']),
    amount(COL.t14.quantity, ['采购数量', '数量']),
    amount(COL.t14.amount, ['金额', '采购金额', '预算金额', '合计']),
  ],
  groups: ['科目编码'],
  family: 't14',
};
