/** T01 部门收支总体情况表 — overall income and expenditure (tables.md T01): four columns of labelled lines. */
import { CODE, text, amount, type TableSpec } from './spec';

export const T01: TableSpec = {
  id: 'T01',
  titles: ['部门收支总体情况表', '部门收支预算总表', '部门收支预算表', '部门收支总表'],
  signature: ['收入', '支出', '项目', '金额', '本年收入合计', '收入总计'],
  confirm: 2,
  columns: [
    text(CODE.inLabel, ['项目', '项目名称'], { under: ['收入'] }),
    amount(CODE.inAmount, ['金额', '预算数', '合计'], { under: ['收入'] }),
    text(CODE.outLabel, ['项目', '项目名称'], { under: ['支出'] }),
    amount(CODE.outAmount, ['金额', '预算数', '合计'], { under: ['支出'] }),
  ],
  groups: ['收入', '支出'],
};
