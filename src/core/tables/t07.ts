/**
 * T07 支出经济分类汇总表 — all expenditure by economic code (类 3 + 款 2, split). 平顶山: funding
 * sources as columns; 济源: 合计 | 基本支出/小计, 人员经费, 公用经费 | 项目支出.
 */
import { COL } from '../model';
import { CODE, amount, code, text, type TableSpec } from './spec';

const K = COL.t07;

export const T07: TableSpec = {
  id: 'T07',
  titles: ['支出经济分类汇总表', '部门支出经济分类汇总表', '支出经济分类汇总预算表'],
  signature: ['部门预算经济分类', '政府预算经济分类', '部门预算支出经济分类', '政府预算支出经济分类', '总计', '上年结转结余', '事业收入', '科目名称'],
  confirm: 2,
  columns: [
    code(CODE.econLei, ['类', '科目编码', '编码'], { under: ['部门'] }),
    code(CODE.econKuan, ['款'], { under: ['部门'] }),
    text(CODE.econName, ['科目名称', '名称'], { under: ['部门'] }),
    code(CODE.govLei, ['类', '科目编码', '编码'], { under: ['政府'] }),
    code(CODE.govKuan, ['款'], { under: ['政府'] }),
    text(CODE.govName, ['科目名称', '名称'], { under: ['政府'] }),
    amount(K.total, ['总计']),
    amount(K.total, ['合计'], { top: true }),
    amount(K.basic, ['小计', '合计'], { under: ['基本支出'] }),
    amount(K.personnel, ['人员经费'], { under: ['基本支出'] }),
    amount(K.publicCost, ['公用经费'], { under: ['基本支出'] }),
    amount(K.project, ['项目支出'], { top: true }),
    amount(K.gpb, ['小计', '合计'], { under: ['一般公共预算'] }),
    amount(K.gpbAppropriation, ['财政拨款'], { contains: true }),
    amount(K.fund, ['政府性基金', '政府性基金预算', '政府性基本基金']),
    amount(K.stateCapital, ['国有资本经营预算']),
    amount(K.carry, ['上年结转结余', '上年结转']),
    amount(K.specialAccount, ['财政专户管理资金收入', '财政专户管理资金']),
    amount(K.operating, ['事业单位经营收入']),
    amount(K.business, ['事业收入']),
    amount(K.superior, ['上级补助收入']),
    amount(K.subordinate, ['附属单位上缴收入']),
    amount(K.other, ['其他收入']),
  ],
  groups: ['部门预算经济分类', '政府预算经济分类', '部门预算支出经济分类', '政府预算支出经济分类', '科目编码', '一般公共预算', '基本支出'],
  family: 't07',
};
