/** T04 财政拨款收支总体情况表 — fiscal appropriations (tables.md T04): labelled lines, 5 expense amounts. */
import { COL } from '../model';
import { CODE, text, amount, type TableSpec } from './spec';

const K = COL.t04;

export const T04: TableSpec = {
  id: 'T04',
  titles: ['财政拨款收支总体情况表', '财政拨款收支预算总表', '财政拨款收支预算表', '财政拨款收支总表'],
  signature: ['收入', '支出', '项目', '金额', '一般公共预算', '政府性基金', '国有资本经营预算'],
  confirm: 2,
  columns: [
    text(CODE.inLabel, ['项目', '项目名称'], { under: ['收入'] }),
    amount(CODE.inAmount, ['金额', '预算数'], { under: ['收入'] }),
    text(CODE.outLabel, ['项目', '项目名称'], { under: ['支出'] }),
    amount(K.gpb, ['小计', '合计'], { under: ['一般公共预算'] }),
    amount(K.gpbAppropriation, ['财政拨款'], { contains: true, under: ['一般公共预算'] }),
    amount(K.total, ['合计', '总计', '金额'], { under: ['支出'], notUnder: ['一般公共预算', '政府性基金', '国有资本'] }),
    amount(K.fund, ['政府性基金', '政府性基金预算', '政府性基本基金']),
    amount(K.stateCapital, ['国有资本经营预算']),
  ],
  groups: ['收入', '支出'],
};
