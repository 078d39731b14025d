/** Rules 7–12 (T01 部门收支总体情况表) and 26–34 (T04 财政拨款收支总体情况表): labelled lines. */
import type { Amount } from '../../amount';
import { toNumber } from '../../amount';
import { parseA1 } from '../../grid';
import type { Line, LinesTable } from '../../model';
import { COL, linesTable } from '../../model';
import type { Finding, Severity } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation, Term } from '../relation';
import { term } from '../relation';
import type { Rule } from '../types';
import { tableName } from './kit';

export function lineMap(lines: Line[]): Map<string, Line> {
  const m = new Map<string, Line>();
  for (const l of lines) if (!m.has(l.key)) m.set(l.key, l);
  return m;
}

/** Class lines (类) of a lines table, keyed by 类 code; the obsolete T04 slot is left out. */
export function classLines(lines: Line[]): Map<string, Line> {
  const m = new Map<string, Line>();
  for (const l of lines) {
    if (!l.lei || isObsoleteSlot(l)) continue;
    if (!m.has(l.lei)) m.set(l.lei, l);
  }
  return m;
}

/** T04 template slot (九) 医疗卫生与计划生育支出 — the pre-2018 name of 类 210. */
export function isObsoleteSlot(l: Line): boolean {
  return /医疗卫生与计划生育/.test(l.label.text);
}

function rowOf(a: Amount | undefined): number | undefined {
  return a?.ref ? parseA1(a.ref.cell).row : undefined;
}

/** Term for a line's single amount (T01 lines, T04 income lines). */
export function lineTerm(t: LinesTable, l: Line | undefined, fallback: string): Term {
  const a = l?.amount;
  return term(a, labelOf(l, fallback), { table: t.id, row: rowOf(a), col: 'amount', group: a?.ref ? `${a.ref.sheet}!${a.ref.cell}` : undefined });
}

/** Term for one column of a T04 expense line; the line's columns form one correction group. */
export function expenseTerm(t: LinesTable, l: Line | undefined, col: string, fallback: string): Term {
  const a = l?.amounts?.[col];
  const row = rowOf(a);
  return term(a, `${labelOf(l, fallback)}·${col}`, { table: t.id, row, col, group: a?.ref ? `${a.ref.sheet}!支出${row}` : undefined });
}

function labelOf(l: Line | undefined, fallback: string): string {
  return l ? l.label.text.replace(/\s+/g, '') : fallback;
}

interface Side {
  terms: Term[];
  text: string;
}

function rel(t: LinesTable, rule: string, severity: Severity, lhs: Side, rhs: Side, below?: Severity | null): Relation {
  return { rule, severity, below, lhs: lhs.terms, rhs: rhs.terms, decimals: t.decimals, tables: [t.id], where: tableName(t.id), lhsText: lhs.text, rhsText: rhs.text, shape: { kind: 'cross' }, table: t.id };
}

/** Σ of the lines that exist, with a text naming them. */
function sumSide(t: LinesTable, lines: Map<string, Line>, keys: string[]): Side | undefined {
  const present = keys.filter((k) => lines.has(k));
  if (!present.length) return undefined;
  return { terms: present.map((k) => lineTerm(t, lines.get(k), k)), text: present.map((k) => labelOf(lines.get(k), k)).join(' + ') };
}

function one(t: LinesTable, lines: Map<string, Line>, key: string): Side | undefined {
  const l = lines.get(key);
  return l ? { terms: [lineTerm(t, l, key)], text: labelOf(l, key) } : undefined;
}

const T01_INCOME_PARTS = ['一般公共预算', '政府性基金', '国有资本经营', '财政专户管理资金', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'];

function t01Relations(t: LinesTable): Record<string, Relation[]> {
  const inc = lineMap(t.income);
  const exp = lineMap(t.expense);
  const out: Record<string, Relation[]> = { sum: [], total: [], esum: [], etotal: [], balance: [], sub: [] };
  const add = (k: string, r: Relation | undefined): void => {
    if (r) out[k].push(r);
  };
  const eq = (rule: string, l?: Side, r?: Side): Relation | undefined => (l && r ? rel(t, rule, 'error', l, r) : undefined);
  add('sum', eq('T01.income-sum', one(t, inc, '本年收入合计'), sumSide(t, inc, T01_INCOME_PARTS)));
  add('total', eq('T01.income-total', one(t, inc, '收入总计'), sumSide(t, inc, ['本年收入合计', '上年结转结余'])));
  const classes = [...classLines(t.expense).values()];
  const exps = one(t, exp, '本年支出合计');
  if (exps && classes.length) {
    add('esum', rel(t, 'T01.expense-sum', 'error', exps, { terms: classes.map((l) => lineTerm(t, l, l.key)), text: '各类支出之和' }));
  }
  add('etotal', eq('T01.expense-total', one(t, exp, '支出总计'), sumSide(t, exp, ['本年支出合计', '年终结转结余'])));
  add('balance', eq('T01.balance', one(t, inc, '收入总计'), one(t, exp, '支出总计')));
  // 其中 / 济源 sub-rows ≤ their parent line.
  for (const l of t.income) {
    const slash = l.key.indexOf('/');
    if (slash < 0) continue;
    const parent = inc.get(l.key.slice(0, slash));
    if (!parent) continue;
    out.sub.push(rel(t, 'T01.sub-le-parent', 'warning', { terms: [lineTerm(t, l, l.key)], text: labelOf(l, l.key) }, { terms: [lineTerm(t, parent, parent.key)], text: labelOf(parent, parent.key) }, null));
  }
  return out;
}

/** One rule per part of a lines table's relations: [rule id, severity, title, part]. */
type PartRule = [string, Severity, string, string];

/** Rules that each report one part of the relations `build` makes for the table (built once per table). */
function partRules(id: 'T01' | 'T04', build: (t: LinesTable) => Record<string, Relation[]>, parts: PartRule[]): Rule[] {
  const cache = new WeakMap<LinesTable, Record<string, Relation[]>>();
  const of = (book: Parameters<Rule['check']>[0], part: string): Relation[] => {
    const t = linesTable(book, id);
    if (!t) return [];
    let r = cache.get(t);
    if (!r) cache.set(t, (r = build(t)));
    return r[part];
  };
  return parts.map(([rule, severity, title, part]) => relationRule({ id: rule, severity, title, needs: [id] }, (b) => of(b, part)));
}

export const t01Rules: Rule[] = partRules('T01', t01Relations, [
  ['T01.income-sum', 'error', '部门收支总体情况表：本年收入合计 = 一至九项收入之和', 'sum'],
  ['T01.income-total', 'error', '部门收支总体情况表：收入总计 = 本年收入合计 + 上年结转结余', 'total'],
  ['T01.expense-sum', 'error', '部门收支总体情况表：本年支出合计 = 各类支出之和', 'esum'],
  ['T01.expense-total', 'error', '部门收支总体情况表：支出总计 = 本年支出合计 + 年终结转结余', 'etotal'],
  ['T01.balance', 'error', '部门收支总体情况表：收入总计 = 支出总计', 'balance'],
  ['T01.sub-le-parent', 'warning', '部门收支总体情况表：“其中”各行不超过其上级行', 'sub'],
]);

// ---- T04

const C4 = COL.t04;
const T04_COLS = [C4.total, C4.gpb, C4.gpbAppropriation, C4.fund, C4.stateCapital];

function expSide(t: LinesTable, l: Line | undefined, col: string, fallback: string): Side {
  return { terms: [expenseTerm(t, l, col, fallback)], text: `${labelOf(l, fallback)}·${col}` };
}

function hasExpCol(t: LinesTable, col: string): boolean {
  return t.expense.some((l) => l.amounts?.[col] !== undefined);
}

function t04Relations(t: LinesTable): Record<string, Relation[]> {
  const inc = lineMap(t.income);
  const exp = lineMap(t.expense);
  const out: Record<string, Relation[]> = { cur: [], carry: [], itotal: [], row: [], esum: [], etotal: [], balance: [], sub: [] };
  const eq = (k: string, rule: string, l?: Side, r?: Side): void => {
    if (l && r) out[k].push(rel(t, rule, 'error', l, r));
  };
  eq('cur', 'T04.income-current', one(t, inc, '本年收入'), sumSide(t, inc, ['本年收入/一般公共预算', '本年收入/政府性基金', '本年收入/国有资本经营']));
  eq('carry', 'T04.income-carry', one(t, inc, '上年结转'), sumSide(t, inc, ['上年结转/一般公共预算', '上年结转/政府性基金', '上年结转/国有资本经营']));
  eq('itotal', 'T04.income-total', one(t, inc, '收入合计'), sumSide(t, inc, ['本年收入', '上年结转']));
  const cols = T04_COLS.filter((c) => hasExpCol(t, c));
  const parts = [C4.gpb, C4.fund, C4.stateCapital].filter((c) => cols.includes(c));
  // Per 类 row (rules.md 29); the 本年支出/支出合计 lines are tied by T04.expense-sum/-total instead.
  for (const l of t.expense) {
    if (!l.lei || !l.amounts || l.amounts[C4.total] === undefined || !parts.length) continue;
    out.row.push(rel(t, 'T04.row', 'error', expSide(t, l, C4.total, l.key), { terms: parts.map((c) => expenseTerm(t, l, c, l.key)), text: parts.join(' + ') }));
  }
  const classes = t.expense.filter((l) => l.lei || isObsoleteSlot(l));
  const cur = exp.get('本年支出');
  const carryOut = exp.get('年终结转结余');
  const total = exp.get('支出合计');
  for (const c of cols) {
    if (cur && classes.length) {
      out.esum.push(rel(t, 'T04.expense-sum', 'error', expSide(t, cur, c, '一、本年支出'), { terms: classes.map((l) => expenseTerm(t, l, c, l.key)), text: `各类支出之和·${c}` }));
    }
    if (total && cur) {
      const rhs: Term[] = [expenseTerm(t, cur, c, '一、本年支出')];
      if (carryOut) rhs.push(expenseTerm(t, carryOut, c, '二、年终结转结余'));
      out.etotal.push(rel(t, 'T04.expense-total', 'error', expSide(t, total, c, '支出合计'), { terms: rhs, text: `本年支出 + 年终结转结余·${c}` }));
    }
  }
  if (inc.has('收入合计') && total && total.amounts?.[C4.total]) {
    out.balance.push(rel(t, 'T04.balance', 'error', one(t, inc, '收入合计')!, expSide(t, total, C4.total, '支出合计')));
  }
  // 其中：财政拨款 ≤ 一般公共预算, on the income side and on every expense line.
  const ia = inc.get('本年收入/一般公共预算/财政拨款');
  const ig = inc.get('本年收入/一般公共预算');
  if (ia && ig) out.sub.push(rel(t, 'T04.sub-le-parent', 'warning', one(t, inc, ia.key)!, one(t, inc, ig.key)!, null));
  if (cols.includes(C4.gpbAppropriation) && cols.includes(C4.gpb)) {
    for (const l of t.expense) {
      if (!l.amounts?.[C4.gpbAppropriation]) continue;
      out.sub.push(rel(t, 'T04.sub-le-parent', 'warning', expSide(t, l, C4.gpbAppropriation, l.key), expSide(t, l, C4.gpb, l.key), null));
    }
  }
  return out;
}

const needs04: ['T04'] = ['T04'];
export const t04Rules: Rule[] = [
  ...partRules('T04', t04Relations, [
    ['T04.income-current', 'error', '财政拨款收支总体情况表：本年收入 = (一)+(二)+(三)', 'cur'],
    ['T04.income-carry', 'error', '财政拨款收支总体情况表：上年结转 = (一)+(二)+(三)', 'carry'],
    ['T04.income-total', 'error', '财政拨款收支总体情况表：收入合计 = 本年收入 + 上年结转', 'itotal'],
    ['T04.row', 'error', '财政拨款收支总体情况表：每行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算', 'row'],
    ['T04.expense-sum', 'error', '财政拨款收支总体情况表：本年支出 = 各类支出之和（各列）', 'esum'],
    ['T04.expense-total', 'error', '财政拨款收支总体情况表：支出合计 = 本年支出 + 年终结转结余（各列）', 'etotal'],
    ['T04.balance', 'error', '财政拨款收支总体情况表：收入合计 = 支出合计', 'balance'],
    ['T04.sub-le-parent', 'warning', '财政拨款收支总体情况表：其中财政拨款不超过一般公共预算', 'sub'],
  ]),
  findingRule({ id: 'T04.obsolete-class', severity: 'warning', title: '财政拨款收支总体情况表：旧科目“医疗卫生与计划生育支出”不应有金额', needs: needs04 }, (book) => {
    const t = linesTable(book, 'T04');
    if (!t) return [];
    const out: Finding[] = [];
    for (const l of t.expense) {
      if (!isObsoleteSlot(l)) continue;
      const amounts = l.amounts ? Object.values(l.amounts) : l.amount ? [l.amount] : [];
      const hit = amounts.find((a) => a.scaled !== 0);
      if (!hit) continue;
      out.push({
        rule: 'T04.obsolete-class',
        severity: 'warning',
        sheet: hit.ref.sheet,
        cell: hit.ref.cell,
        related: [l.label.ref],
        expected: 0,
        actual: toNumber(hit.scaled),
        message: `财政拨款收支总体情况表 “${l.label.text}” 是 2018 年前的旧科目名称（现为 210 卫生健康支出），不应填列金额`,
        table: 'T04',
      });
    }
    return out;
  }),
];
