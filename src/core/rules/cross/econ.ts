/** Rules 82–85: the economic summary T07 ↔ T03/T05/T06, and 三公 T08 ↔ economic codes. */
import type { BodyRow, BudgetBook, GridTable } from '../../model';
import { COL, gridTable, t08 } from '../../model';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { detailRows, hasColumnCached, totalRow } from '../table/kit';
import { T07JY, isJyT07 } from '../table/t07';
import { T08_LABELS, t08Term } from '../table/t08';
import { crossRel, econRows, groupRows, sumSide, totalSide, tn } from './kit';

const E = COL.expense;
const C6 = COL.t06;
const C7 = COL.t07;
const C8 = COL.t08;

/** The T07 column holding 一般公共预算 money (济源: 基本支出 for the comparison with T06). */
function t07BasicCol(t7: GridTable): string {
  return isJyT07(t7) ? T07JY.basic : C7.gpb;
}

function byDeptCode(rows: BodyRow[]): Map<string, BodyRow[]> {
  return groupRows(rows, (r) => r.econ?.dept);
}

export const econRules: Rule[] = [
  relationRule({ id: 'X.T03-T07.total', severity: 'error', title: '支出经济分类汇总表合计与部门支出总体情况表、一般公共预算支出情况表一致', needs: ['T03', 'T07'] }, (book) => {
    const t3 = gridTable(book, 'T03');
    const t7 = gridTable(book, 'T07');
    if (!t3 || !t7 || !totalRow(t3) || !totalRow(t7)) return [];
    const out: Relation[] = [crossRel(book, 'X.T03-T07.total', 'error', ['T07', 'T03'], totalSide(t7, C7.total), totalSide(t3, E.total))];
    if (isJyT07(t7)) {
      if (hasColumnCached(t7, T07JY.basic)) out.push(crossRel(book, 'X.T03-T07.total', 'error', ['T07', 'T03'], totalSide(t7, T07JY.basic), totalSide(t3, E.basic)));
      if (hasColumnCached(t7, T07JY.project)) out.push(crossRel(book, 'X.T03-T07.total', 'error', ['T07', 'T03'], totalSide(t7, T07JY.project), totalSide(t3, E.project)));
      return out;
    }
    const t5 = gridTable(book, 'T05');
    if (t5 && totalRow(t5) && hasColumnCached(t7, C7.gpb)) out.push(crossRel(book, 'X.T03-T07.total', 'error', ['T07', 'T05'], totalSide(t7, C7.gpb), totalSide(t5, E.total)));
    return out;
  }),
  relationRule({ id: 'X.T06-T07.basic', severity: 'error', title: '支出经济分类汇总表各经济科目的一般公共预算不少于基本支出表同一科目', needs: ['T06', 'T07'] }, (book) => {
    const t6 = gridTable(book, 'T06');
    const t7 = gridTable(book, 'T07');
    if (!t6 || !t7) return [];
    const col = t07BasicCol(t7);
    if (!hasColumnCached(t7, col)) return [];
    // Without project spending (T05 项目支出 = 0) every code's 一般公共预算 in T07 is basic spending:
    // then T07 = T06 code by code ("equal row by row" in 000/001), not only ≥.
    const t5 = gridTable(book, 'T05');
    const noProjects = !isJyT07(t7) && !!t5 && (totalRow(t5)?.amounts[E.project]?.scaled ?? -1) === 0;
    const r7 = byDeptCode(detailRows(t7));
    const r6 = byDeptCode(detailRows(t6));
    const codes = new Set([...r6.keys(), ...(noProjects ? r7.keys() : [])]);
    const out: Relation[] = [];
    for (const code of [...codes].sort()) {
      const rows6 = r6.get(code) ?? [];
      const rows7 = r7.get(code) ?? [];
      out.push(
        crossRel(book, 'X.T06-T07.basic', 'error', ['T06', 'T07'], sumSide(t6, rows6, C6.total, `${tn('T06')} ${code} 合计`), sumSide(t7, rows7, col, `${tn('T07')} ${code} ${col}`), noProjects ? {} : { below: null }),
      );
    }
    return out;
  }),
  relationRule({ id: 'X.T07-T05.project', severity: 'error', title: '支出经济分类汇总表一般公共预算 − 基本支出表合计 = 一般公共预算项目支出', needs: ['T07', 'T06', 'T05'] }, (book) => {
    const t5 = gridTable(book, 'T05');
    const t6 = gridTable(book, 'T06');
    const t7 = gridTable(book, 'T07');
    if (!t5 || !t6 || !t7 || isJyT07(t7) || !totalRow(t5) || !totalRow(t6) || !totalRow(t7) || !hasColumnCached(t7, C7.gpb)) return [];
    const rhs = totalSide(t6, C6.total);
    const proj = totalSide(t5, E.project);
    return [
      crossRel(book, 'X.T07-T05.project', 'error', ['T07', 'T06', 'T05'], totalSide(t7, C7.gpb), { terms: [...rhs.terms, ...proj.terms], text: `${rhs.text} + ${proj.text}` }),
    ];
  }),
  relationRule({ id: 'X.T08-econ', severity: 'error', title: '“三公”经费各项与经济分类 30212/30217/30231/31013 一致', needs: ['T08'] }, (book) => {
    const t = t08(book);
    if (!t || !Object.keys(t.amounts).length) return [];
    const t7 = gridTable(book, 'T07');
    const t6 = gridTable(book, 'T06');
    const src = t7 ? { g: t7, col: isJyT07(t7) ? C7.total : C7.gpb, severity: 'error' as const } : t6 ? { g: t6, col: C6.total, severity: 'warning' as const } : undefined;
    if (!src || !hasColumnCached(src.g, src.col)) return [];
    const out: Relation[] = [];
    const pairs: [string, string][] = [
      [C8.reception, '30217'],
      [C8.vehicleRunning, '30231'],
      [C8.abroad, '30212'],
      [C8.vehiclePurchase, '31013'],
    ];
    for (const [key, code] of pairs) {
      if (t.amounts[key] === undefined) continue;
      const rows = econRows(src.g, code);
      out.push(
        crossRel(book, 'X.T08-econ', src.severity, ['T08', src.g.id], { terms: [t08Term(t, key)], text: `${tn('T08')} ${T08_LABELS[key]}` }, sumSide(src.g, rows, src.col, `${tn(src.g.id)} ${code} ${src.col}`)),
      );
    }
    return out;
  }),
];
