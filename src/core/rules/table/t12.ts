/** Rules 51–54: T12 部门预算项目绩效目标表. */
import type { Amount } from '../../amount';
import { toUnits } from '../../amount';
import type { BodyRow, BudgetBook, GridTable, IndicatorKind, T12Project, T12Table } from '../../model';
import { COL, t12 } from '../../model';
import type { Finding } from '../../report';
import { quoteText } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation } from '../relation';
import { fmtUnits } from '../relation';
import type { Rule } from '../types';
import { childSumRelations, hierarchy, rowRelations, tableName } from './kit';
import { t10TotalOf } from '../cross/projects';

const C = COL.t12;
const KINDS: IndicatorKind[] = ['成本指标', '产出指标', '效益指标', '满意度指标'];

/** Department, unit and project rows of T12 as one grid-like table (projects become 'project' rows). */
export function t12AsGrid(t: T12Table): GridTable {
  const projectRows: BodyRow[] = t.projects.map((p) => ({
    kind: 'project',
    row: p.row,
    sheet: t.sheet,
    name: p.name,
    code: p.code,
    unitCode: p.unitCode,
    amounts: p.amounts,
    texts: {},
  }));
  const rows = [...t.rows, ...projectRows].sort((a, b) => a.row - b.row);
  return { ...(t as unknown as GridTable), kind: 'grid', rows };
}

const gridCache = new WeakMap<T12Table, GridTable>();
function grid(book: BudgetBook): GridTable | undefined {
  const t = t12(book);
  if (!t) return undefined;
  let g = gridCache.get(t);
  if (!g) gridCache.set(t, (g = t12AsGrid(t)));
  return g;
}

const needs: ['T12'] = ['T12'];
export const t12Rules: Rule[] = [
  relationRule({ id: 'T12.row', severity: 'error', title: '项目绩效目标表：每个项目 资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金', needs }, (book) => {
    const g = grid(book);
    if (!g) return [];
    // Per project (rules.md 51); the department and unit rows are covered by T12.col-sum.
    return rowRelations(g, g.rows.filter((r) => r.kind === 'project'), 'T12.row', C.total, [C.government, C.specialAccount, C.unitFunds]);
  }),
  relationRule({ id: 'T12.col-sum', severity: 'error', title: '项目绩效目标表：部门行 = 单位行 = 各项目之和', needs }, (book) => {
    const g = grid(book);
    if (!g) return [];
    const cols = Object.values(C).filter((k) => g.rows.some((r) => r.amounts[k] !== undefined));
    return childSumRelations(g, hierarchy(g), cols, { colSum: 'T12.col-sum', rollup: 'T12.col-sum', subtotal: 'T12.col-sum' });
  }),
  findingRule({ id: 'T12.cost-le-amount', severity: 'error', title: '项目绩效目标表：成本指标（总成本）不超过项目资金总额', needs }, (book) => {
    const t = t12(book);
    if (!t) return [];
    const t10Total = t10TotalOf(book);
    return t.projects.flatMap((p) => costFindings(t, p, t10Total(p)));
  }),
  findingRule({ id: 'T12.indicators-complete', severity: 'warning', title: '项目绩效目标表：每个项目都有成本、产出、效益、满意度指标', needs }, (book) => {
    const t = t12(book);
    if (!t) return [];
    const out: Finding[] = [];
    for (const p of t.projects) {
      const have = new Set(p.indicators.filter((i) => i.name.text.trim() || i.value?.text.trim()).map((i) => i.kind));
      const missing = KINDS.filter((k) => !have.has(k));
      if (!missing.length) continue;
      out.push({
        rule: 'T12.indicators-complete',
        severity: 'warning',
        sheet: p.name.ref.sheet,
        cell: p.name.ref.cell,
        related: [],
        expected: null,
        actual: null,
        message: `${tableName('T12')} 项目“${p.name.text}”没有${missing.join('、')}`,
        table: 'T12',
      });
    }
    return out;
  }),
];

/** A money amount in an indicator value: "≤4.3万元", "5万元", "≤20000元" → units and decimals in 万元. */
export function moneyValue(text: string): { units: number; decimals: number } | undefined {
  const s = text.normalize('NFKC').replace(/[\s,，]/g, '');
  const m = /^(?:≤|<=|<|不超过|不高于|小于等于|控制在)?(\d+(?:\.\d+)?)(万元|元)$/.exec(s);
  if (!m) return undefined;
  const [intPart, frac = ''] = m[1].split('.');
  let decimals = frac.length;
  const units = Number(intPart + frac);
  if (m[2] === '元') decimals += 4;
  if (!Number.isSafeInteger(units)) return undefined;
  return { units, decimals };
}

/** Cost target minus amount in units of 10^-d, and whether it lies inside the rounding allowance. */
function compare(x: { units: number; decimals: number }, amount: Amount, tableDecimals: number): { delta: number; within: boolean; d: number; allow2: number } {
  const da = Math.max(amount.decimals, tableDecimals);
  const d = Math.max(x.decimals, da);
  const delta = x.units * 10 ** (d - x.decimals) - toUnits(amount.scaled, d);
  // h(X) + h(amount), exclusive, in units of 10^-d; doubled to stay in integers.
  const allow2 = 10 ** (d - x.decimals) + 10 ** (d - da);
  return { delta, within: Math.abs(delta) * 2 < allow2, d, allow2 };
}

/** "19.50" → "19.5", "190.00" → "190"; an integer ("190") keeps its zeros. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** The cost target is above the amount by more than rounding explains. */
function exceeds(c: { delta: number; within: boolean }): boolean {
  return c.delta > 0 && !c.within;
}

/** Cost indicators that name a total cost (not a unit price, a per-head figure or a rate). */
function isTotalCost(name: string): boolean {
  return !/单价|每|人均|率|标准|\//.test(name);
}

/**
 * `t10Total`: the same project's 合计 in T10. When T12's 资金总额 disagrees with it, X.T12-T10 already
 * reports that amount; a cost target that fits T10's amount is then no second error.
 */
function costFindings(t: T12Table, p: T12Project, t10Total?: Amount): Finding[] {
  const amount = p.amounts[C.total];
  if (!amount) return [];
  const out: Finding[] = [];
  for (const ind of p.indicators) {
    if (ind.kind !== '成本指标' || !ind.value || !isTotalCost(ind.name.text) || ind.value.text.includes('/')) continue;
    const x = moneyValue(ind.value.text);
    if (!x) continue;
    const c = compare(x, amount, t.decimals);
    const { delta, within, d, allow2 } = c;
    if (delta === 0) continue;
    if (delta < 0 && within) continue;
    if (exceeds(c) && t10Total && t10Total.scaled !== amount.scaled && !exceeds(compare(x, t10Total, t.decimals))) continue;
    const au = toUnits(amount.scaled, d);
    const xu = au + delta;
    const severity = delta > 0 && !within ? 'error' : 'info';
    const gap = plain(fmtUnits(Math.abs(delta), d));
    const amt = plain(fmtUnits(au, d));
    const allowance = plain(fmtUnits(allow2 * 5, d + 1));
    const what = `成本指标“${quoteText(ind.name.text)} ${quoteText(ind.value.text)}”`;
    const project = `项目“${quoteText(p.name.text, 40)}”`;
    const [headline, message] =
      delta > 0
        ? within
          ? [`成本指标比资金总额 ${amt} 万元多 ${gap} 万元：尾差，在四舍五入允许范围内，无需修改`, `${project}${what}比资金总额 ${amt} 万元多 ${gap} 万元，在四舍五入允许范围（${allowance}）内，不是错误`]
          : [`成本指标超过项目资金总额 ${amt} 万元，多 ${gap} 万元`, `${project}${what}超过项目资金总额 ${amt} 万元（多 ${gap} 万元）`]
        : [`成本指标比资金总额 ${amt} 万元少 ${gap} 万元，请核对`, `${project}${what}比资金总额 ${amt} 万元少 ${gap} 万元：指标可能只覆盖部分成本或未随预算更新，请核对`];
    out.push({
      rule: 'T12.cost-le-amount',
      severity,
      sheet: ind.value.ref.sheet,
      cell: ind.value.ref.cell,
      related: [amount.ref],
      expected: null,
      actual: xu / 10 ** d,
      message,
      headline,
      detail: message,
      topic: delta < 0 ? '成本指标低于资金总额，请核对' : within ? '成本指标比资金总额多，在四舍五入允许范围内' : '成本指标超过项目资金总额',
      table: 'T12',
    });
  }
  return out;
}

/** "19.00" → "19", "12.50" → "12.5", "50" stays "50". */
function plain(n: string): string {
  return n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n;
}

