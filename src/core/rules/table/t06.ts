/** Rules 35–39: T06 一般公共预算基本支出表. */
import type { BodyRow, BudgetBook, GridTable } from '../../model';
import { COL, gridTable } from '../../model';
import type { Finding } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation } from '../relation';
import { term } from '../relation';
import type { Rule } from '../types';
import { childSumRelations, hasColumnCached, hierarchy, repeatedRows, rowLabel, rowRelations, tableName } from './kit';

const C = COL.t06;

function childSums(t: GridTable, only: string): Relation[] {
  const cols = Object.values(C).filter((k) => hasColumnCached(t, k));
  return childSumRelations(t, hierarchy(t), cols, { colSum: 'T06.col-sum', rollup: 'T06.col-sum', subtotal: 'T06.class-subtotal' }, 'error', only);
}

function on(book: BudgetBook, f: (t: GridTable) => Relation[]): Relation[] {
  const t = gridTable(book, 'T06');
  return t ? f(t) : [];
}

/** Which single column a detail row's class may use: 301/303 → 人员经费, 302/310 → 公用经费. */
function forbiddenColumn(dept: string): string | undefined {
  const cls = dept.slice(0, 3);
  if (cls === '301' || cls === '303') return C.publicCost;
  if (cls === '302' || cls === '310') return C.personnel;
  return undefined;
}

const needs: ['T06'] = ['T06'];
export const t06Rules: Rule[] = [
  relationRule({ id: 'T06.row', severity: 'error', title: '一般公共预算基本支出表：每行 合计 = 人员经费 + 公用经费', needs }, (book) =>
    on(book, (t) => rowRelations(t, t.rows, 'T06.row', C.total, [C.personnel, C.publicCost])),
  ),
  relationRule({ id: 'T06.col-sum', severity: 'error', title: '一般公共预算基本支出表：合计行 = 各经济科目行之和', needs }, (book) =>
    on(book, (t) => childSums(t, 'T06.col-sum')),
  ),
  relationRule({ id: 'T06.class-subtotal', severity: 'error', title: '一般公共预算基本支出表：类小计行 = 其下各款之和', needs }, (book) =>
    on(book, (t) => childSums(t, 'T06.class-subtotal')),
  ),
  relationRule({ id: 'T06.column-class', severity: 'error', title: '一般公共预算基本支出表：301/303 只列人员经费，302/310 只列公用经费', needs }, (book) =>
    on(book, (t) => {
      const out: Relation[] = [];
      for (const r of t.rows) {
        if (r.kind !== 'econ' || !r.econ) continue;
        const col = forbiddenColumn(r.econ.dept);
        const a = col ? r.amounts[col] : undefined;
        if (!col || !a) continue;
        out.push({
          rule: 'T06.column-class',
          severity: 'error',
          lhs: [term(a, `${rowLabel(r)}·${col}`, { table: 'T06', row: r.row, col })],
          rhs: [],
          decimals: t.decimals,
          tables: ['T06'],
          where: `${tableName('T06')} ${rowLabel(r)}`,
          lhsText: col,
          rhsText: `0（${r.econ.dept.slice(0, 3)} 类不属于${col}）`,
          shape: { kind: 'row', sheet: t.sheet, row: r.row },
          table: 'T06',
        });
      }
      return out;
    }),
  ),
  findingRule({ id: 'T06.code-pair-unique', severity: 'error', title: '一般公共预算基本支出表：部门经济科目与政府经济科目的组合不重复', needs }, (book) => {
    const t = gridTable(book, 'T06');
    if (!t) return [];
    const out: Finding[] = [];
    const keyOf = (r: BodyRow): string | undefined => (r.kind === 'econ' && r.econ ? `${r.deptCode ?? ''}|${r.unitCode ?? ''}|${r.econ.dept}|${r.econ.gov ?? ''}` : undefined);
    for (const { row: r, first } of repeatedRows(t.rows, keyOf)) {
      if (!r.econ) continue;
      const ref = r.econ.refs[0] ?? r.name?.ref;
      if (!ref) continue;
      out.push({
        rule: 'T06.code-pair-unique',
        severity: 'error',
        sheet: ref.sheet,
        cell: ref.cell,
        related: r.econ.refs.slice(1),
        expected: null,
        actual: `${r.econ.dept}/${r.econ.gov ?? ''}`,
        message: `${tableName('T06')} ${rowLabel(r)} 的部门/政府经济科目组合重复出现（第 ${first} 行已有）`,
        table: 'T06',
      });
    }
    return out;
  }),
];
