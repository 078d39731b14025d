/** Rules 13–17: T02 部门收入总体情况表. */
import type { BudgetBook, GridTable } from '../../model';
import { COL, gridTable } from '../../model';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { buildHierarchy, childSumRelations, gapChildSums, hasColumnCached, rowLes, rowRelations } from './kit';

const C = COL.t02;
const CURRENT = [C.gpb, C.fund, C.stateCapital, C.specialAccount, C.business, C.operating, C.superior, C.subordinate, C.other];
const CARRY = [C.carryGpb, C.carryFund, C.carryStateCapital, C.carrySpecialAccount, C.carryUnit];

function rows(book: BudgetBook, f: (t: GridTable) => Relation[]): Relation[] {
  const t = gridTable(book, 'T02');
  return t ? f(t) : [];
}


const needs: ['T02'] = ['T02'];
export const t02Rules: Rule[] = [
  relationRule({ id: 'T02.row-total', severity: 'error', title: '部门收入总体情况表：每行 总计 = 本年收入合计 + 上年结转结余合计', needs }, (book) =>
    rows(book, (t) =>
      // 济源 has no 本年收入/合计 column: then 总计 = 上年结转结余 + the income columns.
      hasColumnCached(t, C.current)
        ? rowRelations(t, t.rows, 'T02.row-total', C.total, [C.current, C.carry])
        : rowRelations(t, t.rows, 'T02.row-total', C.total, [C.carry, ...CURRENT]),
    ),
  ),
  relationRule({ id: 'T02.row-current', severity: 'error', title: '部门收入总体情况表：每行 本年收入合计 = 各项收入之和', needs }, (book) =>
    rows(book, (t) => rowRelations(t, t.rows, 'T02.row-current', C.current, CURRENT)),
  ),
  relationRule({ id: 'T02.row-carry', severity: 'error', title: '部门收入总体情况表：每行 上年结转结余合计 = 各项结转之和', needs }, (book) =>
    rows(book, (t) => rowRelations(t, t.rows, 'T02.row-carry', C.carry, CARRY)),
  ),
  relationRule({ id: 'T02.sub-le-parent', severity: 'warning', title: '部门收入总体情况表：其中财政拨款不超过一般公共预算小计', needs }, (book) =>
    rows(book, (t) => rowLes(t, t.rows, 'T02.sub-le-parent', C.gpbAppropriation, C.gpb)),
  ),
  relationRule({ id: 'T02.unit-rollup', severity: 'error', title: '部门收入总体情况表：合计 = 各部门之和，部门 = 各单位之和', needs }, (book) =>
    rows(book, (t) => {
      const cols = Object.values(C).filter((k) => hasColumnCached(t, k));
      const h = hierarchyForIncome(t);
      return [...childSumRelations(t, h, cols, { colSum: 'T02.unit-rollup', rollup: 'T02.unit-rollup', subtotal: 'T02.unit-rollup' }), ...gapChildSums(t, h, C.gpb, C.gpbAppropriation, 'T02.unit-rollup')];
    }),
  ),
];

/** T02 has only 合计, department and unit rows: the unit rows are its details. */
function hierarchyForIncome(t: GridTable) {
  const h = buildHierarchy(t);
  // Units under a department are leaves here; a department without units is a leaf of 合计.
  for (const n of h.nodes) if (n.level > 0 && !n.children.length) n.detail = true;
  h.details = h.nodes.filter((n) => n.detail);
  return h;
}
