/** T06 一般公共预算基本支出表 — basic expenditure by economic code (5-digit 部门 code + 政府 code). */
import { COL } from '../model';
import { CODE, amount, code, text, type TableSpec } from './spec';

const K = COL.t06;

export const T06: TableSpec = {
  id: 'T06',
  titles: ['一般公共预算基本支出表', '一般公共预算基本支出预算表', '一般公共预算基本支出情况表'],
  signature: ['部门预算支出经济分类', '政府预算支出经济分类', '人员经费', '公用经费', '科目编码'],
  confirm: 2,
  columns: [
    code(CODE.econ, ['科目编码', '编码', '类'], { under: ['部门'] }),
    // Codes split into 类 | 款 (301 | 01) in some exports.
    code(CODE.econKuan, ['款'], { under: ['部门'] }),
    text(CODE.econName, ['科目名称', '名称'], { under: ['部门'] }),
    code(CODE.gov, ['科目编码', '编码', '类'], { under: ['政府'] }),
    code(CODE.govKuan, ['款'], { under: ['政府'] }),
    text(CODE.govName, ['科目名称', '名称'], { under: ['政府'] }),
    amount(K.total, ['合计', '小计', '总计']),
    amount(K.personnel, ['人员经费']),
    amount(K.publicCost, ['公用经费']),
  ],
  groups: ['部门预算支出经济分类', '政府预算支出经济分类', '本年一般公共预算基本支出', '科目编码', '科目名称'],
  family: 't06',
};
