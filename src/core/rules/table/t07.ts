/** Rules 40–42: T07 支出经济分类汇总表 (平顶山: by funding source; 济源: basic vs project). */
import type { BudgetBook, GridTable } from '../../model';
import { COL, gridTable } from '../../model';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { childSumRelations, gapChildSums, hasColumnCached, hierarchy, rowIdentities, rowLes, rowRelations } from './kit';

const C = COL.t07;
/** 济源 T07 columns: 合计 | 基本支出/小计 | 人员经费 | 公用经费 | 项目支出. */
export const T07JY = { total: C.total, basic: C.basic, personnel: C.personnel, publicCost: C.publicCost, project: C.project } as const;
const SOURCES = [C.gpb, C.fund, C.stateCapital, C.carry, C.specialAccount, C.business, C.superior, C.subordinate, C.operating, C.other];

/** The 济源 form of T07 (basic/project split instead of funding sources). */
export function isJyT07(t: GridTable): boolean {
  return hasColumnCached(t, T07JY.basic) || hasColumnCached(t, T07JY.project);
}

function on(book: BudgetBook, f: (t: GridTable) => Relation[]): Relation[] {
  const t = gridTable(book, 'T07');
  return t ? f(t) : [];
}

function rowRels(t: GridTable): Relation[] {
  if (!isJyT07(t)) return rowRelations(t, t.rows, 'T07.row', C.total, SOURCES);
  // Row by row: 总计 = 基本 + 项目, then 基本 = 人员 + 公用.
  return rowIdentities(t, t.rows, 'T07.row', [
    [T07JY.total, [T07JY.basic, T07JY.project]],
    [T07JY.basic, [T07JY.personnel, T07JY.publicCost]],
  ]);
}

const needs: ['T07'] = ['T07'];
export const t07Rules: Rule[] = [
  relationRule({ id: 'T07.row', severity: 'error', title: '支出经济分类汇总表：每行 总计 = 各资金来源之和', needs }, (book) => on(book, rowRels)),
  relationRule({ id: 'T07.col-sum', severity: 'error', title: '支出经济分类汇总表：合计行（及部门、单位行）= 各明细行之和', needs }, (book) =>
    on(book, (t) => {
      const keys: string[] = isJyT07(t) ? Object.values(T07JY) : [C.total, ...SOURCES, C.gpbAppropriation];
      const cols = [...new Set(keys)].filter((k) => hasColumnCached(t, k));
      const h = hierarchy(t);
      return [...childSumRelations(t, h, cols, { colSum: 'T07.col-sum', rollup: 'T07.col-sum', subtotal: 'T07.col-sum' }), ...gapChildSums(t, h, C.gpb, C.gpbAppropriation, 'T07.col-sum')];
    }),
  ),
  relationRule({ id: 'T07.sub-le-parent', severity: 'warning', title: '支出经济分类汇总表：其中财政拨款不超过一般公共预算小计', needs }, (book) =>
    on(book, (t) => rowLes(t, t.rows, 'T07.sub-le-parent', C.gpbAppropriation, C.gpb)),
  ),
];
