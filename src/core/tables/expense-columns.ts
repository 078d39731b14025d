/** Columns of the T03 layout, shared by T03, T05, T09 and the 济源 T13 (tables.md T03). */
import { COL } from '../model';
import { CODE, FUNC_CODE_COLUMNS, amount, code, text, type ColumnRule } from './spec';

const K = COL.expense;

export const EXPENSE_COLUMNS: ColumnRule[] = [
  ...FUNC_CODE_COLUMNS,
  code(CODE.unitCode, ['单位代码', '部门代码', '单位编码', '部门编码']),
  text(CODE.name, ['单位(科目名称)', '科目名称', '单位名称', '功能分类科目名称', '单位(功能科目名称)', '名称']),
  amount(K.basic, ['小计', '合计'], { under: ['基本支出'] }),
  amount(K.project, ['小计', '合计'], { under: ['项目支出'] }),
  amount(K.total, ['合计', '总计'], { notUnder: ['基本支出', '项目支出'] }),
  amount(K.wages, ['工资福利支出']),
  amount(K.individuals, ['对个人和家庭的补助', '对个人和家庭补助']),
  amount(K.goods, ['商品和服务支出', '商品服务支出']),
  amount(K.capital, ['资本性支出']),
  amount(K.publicCost, ['公用经费']),
  amount(K.projectRunning, ['其他运转类']),
  amount(K.projectTarget, ['特定目标类']),
];

export const EXPENSE_GROUPS = ['科目编码', '基本支出', '项目支出', '人员经费', '公用经费'];
export const EXPENSE_SIGNATURE = ['科目编码', '类', '款', '项', '基本支出', '项目支出', '工资福利支出', '单位代码'];
