/**
 * T02 部门收入总体情况表 — income by source and unit. 平顶山: 总计 | 本年收入/… | 上年结转结余/…;
 * 济源: 合计 | 上年结转结余 (one column) | 本年收入/… (no 本年收入 合计).
 */
import { COL } from '../model';
import { CODE, amount, code, text, type TableSpec } from './spec';

const K = COL.t02;
const CARRY = '上年结转';

export const T02: TableSpec = {
  id: 'T02',
  titles: ['部门收入总体情况表', '部门收入预算表', '部门收入总表'],
  signature: ['部门代码', '单位代码', '总计', '本年收入', '上年结转结余', '事业收入', '上级补助收入'],
  confirm: 2,
  columns: [
    code(CODE.unitCode, ['部门代码', '单位代码', '部门编码', '单位编码']),
    text(CODE.name, ['部门名称', '单位名称', '部门(单位)名称']),
    amount(K.total, ['总计']),
    amount(K.total, ['合计'], { top: true }),
    amount(K.carry, ['上年结转结余', '上年结转'], { top: true }),
    amount(K.carry, ['合计', '小计'], { under: [CARRY] }),
    amount(K.carryGpb, ['一般公共预算', '一般公共预算拨款'], { under: [CARRY] }),
    amount(K.carryFund, ['政府性基金', '政府性基金预算', '政府性基本基金'], { under: [CARRY] }),
    amount(K.carryStateCapital, ['国有资本经营预算'], { under: [CARRY] }),
    amount(K.carrySpecialAccount, ['财政专户管理资金', '财政专户管理资金收入'], { under: [CARRY] }),
    amount(K.carryUnit, ['单位资金'], { under: [CARRY] }),
    amount(K.current, ['合计', '小计'], { under: ['本年收入'], notUnder: ['一般公共预算'] }),
    amount(K.gpb, ['小计', '合计'], { under: ['一般公共预算'] }),
    amount(K.gpbAppropriation, ['财政拨款'], { contains: true }),
    amount(K.gpb, ['一般公共预算', '一般公共预算拨款']),
    amount(K.fund, ['政府性基金', '政府性基金预算', '政府性基本基金']),
    amount(K.stateCapital, ['国有资本经营预算']),
    amount(K.specialAccount, ['财政专户管理资金收入', '财政专户管理资金']),
    amount(K.operating, ['事业单位经营收入']),
    amount(K.business, ['事业收入']),
    amount(K.superior, ['上级补助收入']),
    amount(K.subordinate, ['附属单位上缴收入']),
    amount(K.other, ['其他收入']),
  ],
  groups: ['本年收入', '上年结转结余', '一般公共预算'],
  family: 't02',
};
