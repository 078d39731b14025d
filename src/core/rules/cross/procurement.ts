/** Rules 91–93: procurement T14 ↔ T03, and two hints from the project indicators (T12). */
import type { BodyRow, BudgetBook, GridTable, T12Project } from '../../model';
import { COL, TEXT, gridTable, t12 } from '../../model';
import type { Finding } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { detailRows, hasColumnCached } from '../table/kit';
import { crossRel, groupRows, sumSide, tn } from './kit';

const E = COL.expense;
const AMOUNT = COL.t14.amount;

function items(t: GridTable): BodyRow[] {
  return t.rows.filter((r) => r.kind === 'item');
}

function byFuncCode(rows: BodyRow[]): Map<string, BodyRow[]> {
  return groupRows(rows, (r) => r.func?.code);
}

/** T14 and T03 with T03's detail rows by function code. */
function procurementPair(book: BudgetBook): { t14: GridTable; t3: GridTable; f3: Map<string, BodyRow[]> } | undefined {
  const t14 = gridTable(book, 'T14');
  const t3 = gridTable(book, 'T03');
  return t14 && t3 ? { t14, t3, f3: byFuncCode(detailRows(t3)) } : undefined;
}

/** An indicator that speaks of buying equipment with a quantity ("购置…数量 1台", "设备采购批次 ≥5批"). */
function buysEquipment(p: T12Project): boolean {
  return p.indicators.some((i) => /购置|采购|设备/.test(i.name.text) && /\d+\s*(台|套|批|件|辆|个|部)/.test(i.value?.text ?? ''));
}

/** A T14 item that could be that equipment: goods (not paper, printing or a service) of comparable size. */
function comparableItem(t14: GridTable | undefined, amount: number): boolean {
  if (!t14) return false;
  return items(t14).some((r) => {
    const what = `${r.texts[TEXT.t14.item]?.text ?? ''}${r.texts[TEXT.t14.catalog]?.text ?? ''}`;
    if (/服务|纸|印刷/.test(what)) return false;
    const a = r.amounts[AMOUNT]?.scaled ?? 0;
    return a * 2 >= amount;
  });
}

function hint(rule: string, p: T12Project, message: string): Finding {
  return { rule, severity: 'info', sheet: p.name.ref.sheet, cell: p.name.ref.cell, related: [], expected: null, actual: null, message, table: 'T12' };
}

export const procurementRules: Rule[] = [
  relationRule(
    { id: 'X.T14-T03.code', severity: 'warning', title: '政府采购项目的功能科目应出现在部门支出表中，且金额不超过该科目支出', needs: ['T14', 'T03'] },
    (book) => {
      const p = procurementPair(book);
      if (!p) return [];
      const { t14, t3, f3 } = p;
      const out: Relation[] = [];
      for (const [code, rows] of byFuncCode(items(t14))) {
        const rows3 = f3.get(code);
        if (!rows3) continue;
        out.push(crossRel(book, 'X.T14-T03.code', 'warning', ['T14', 'T03'], sumSide(t14, rows, AMOUNT, `${tn('T14')} 科目 ${code} 采购金额之和`), sumSide(t3, rows3, E.total, `${tn('T03')} 科目 ${code} 合计`), { below: null }));
      }
      return out;
    },
    (book) => {
      const p = procurementPair(book);
      if (!p) return [];
      const { t14, f3 } = p;
      const out: Finding[] = [];
      for (const r of items(t14)) {
        if (!r.func || f3.has(r.func.code)) continue;
        const ref = r.func.refs[0];
        if (!ref) continue;
        out.push({ rule: 'X.T14-T03.code', severity: 'warning', sheet: ref.sheet, cell: ref.cell, related: r.func.refs.slice(1), expected: null, actual: r.func.code, message: `${tn('T14')} 采购项目“${r.texts[TEXT.t14.item]?.text ?? ''}”的科目 ${r.func.code} 在 ${tn('T03')} 中不存在`, table: 'T14' });
      }
      return out;
    },
  ),
  findingRule({ id: 'X.T12-T14.procurement-hint', severity: 'info', title: '提示：项目绩效指标提到购置设备，但政府采购表没有相应采购', needs: ['T12', 'T14'] }, (book: BudgetBook) => {
    const t = t12(book);
    const t14 = gridTable(book, 'T14');
    if (!t) return [];
    return t.projects
      .filter((p) => buysEquipment(p) && !comparableItem(t14, p.amounts[COL.t12.total]?.scaled ?? 0))
      .map((p) => hint('X.T12-T14.procurement-hint', p, `提示：项目“${p.name.text}”的绩效指标提到购置/采购设备，但${tn('T14')}中没有相应规模的设备采购，请确认是否漏报政府采购`));
  }),
  findingRule({ id: 'X.T12-T07.capital-hint', severity: 'info', title: '提示：项目绩效指标提到购置设备，但没有资本性支出', needs: ['T12'] }, (book: BudgetBook) => {
    const t = t12(book);
    if (!t) return [];
    const t7 = gridTable(book, 'T07');
    const t3 = gridTable(book, 'T03');
    let capital = false;
    if (t7) capital = detailRows(t7).some((r) => r.econ?.dept.startsWith('310') && Object.values(r.amounts).some((a) => a.scaled !== 0));
    else if (t3 && hasColumnCached(t3, E.capital)) capital = t3.rows.some((r) => (r.amounts[E.capital]?.scaled ?? 0) !== 0);
    else return [];
    if (capital) return [];
    return t.projects
      .filter(buysEquipment)
      .map((p) => hint('X.T12-T07.capital-hint', p, `提示：项目“${p.name.text}”的绩效指标提到购置设备，但${t7 ? tn('T07') : tn('T03')}没有资本性支出（310 类），请确认经济分类`));
  }),
];
