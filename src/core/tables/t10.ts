/**
 * T10 项目支出预算表 — project list. 平顶山: 类型 | 项目名称 | 项目单位 | amounts;
 * 济源: 部门（单位）代码 | 部门（项目）名称 | 项目类型 | amounts, carry-over group 上年结转结余.
 */
import { COL, TEXT } from '../model';
import { CODE, amount, code, text, type TableSpec } from './spec';

const K = COL.t10;
const T = TEXT.t10;
const CARRY = '结转';

export const T10: TableSpec = {
  id: 'T10',
  titles: ['项目支出预算表', '项目支出情况表', '项目支出表'],
  signature: ['类型', '项目类型', '项目名称', '项目单位', '本年拨款', '财政拨款结转结余', '部门(项目)名称', '部门(单位)代码'],
  confirm: 2,
  columns: [
    code(CODE.unitCode, ['部门(单位)代码', '单位代码', '部门代码', '单位编码']),
    text(T.type, ['类型', '项目类型']),
    text(T.name, ['项目名称', '部门(项目)名称', '单位(项目)名称']),
    text(T.unit, ['项目单位', '单位名称']),
    amount(K.carryGpb, ['一般公共预算', '一般公共预算拨款'], { under: [CARRY] }),
    amount(K.carryFund, ['政府性基金', '政府性基金预算'], { under: [CARRY] }),
    amount(K.carryStateCapital, ['国有资本经营预算'], { under: [CARRY] }),
    amount(K.gpb, ['一般公共预算', '一般公共预算拨款']),
    amount(K.fund, ['政府性基金', '政府性基金预算']),
    amount(K.stateCapital, ['国有资本经营预算']),
    amount(K.total, ['合计', '总计']),
    amount(K.specialAccount, ['财政专户管理资金', '财政专户管理资金收入']),
    amount(K.unitFunds, ['单位资金']),
  ],
  groups: ['本年拨款', '财政拨款结转结余', '上年结转结余'],
  family: 't10',
};
