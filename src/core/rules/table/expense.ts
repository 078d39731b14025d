/**
 * Rules 18–25: the function-code expenditure tables. The T03 layout is shared by T05, T09 and the
 * 济源 T13 (rule ids take the table's prefix: T05.row-split, …); the 平顶山 T13 has its own columns.
 */
import type { BudgetBook, GridTable } from '../../model';
import { COL, gridTable } from '../../model';
import type { Finding } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { childSumRelations, hasColumnCached, hierarchy, repeatedRows, rowLabel, rowRelations, tableName } from './kit';

type ExpenseId = 'T03' | 'T05' | 'T09' | 'T13';
const E = COL.expense;
const P13 = COL.t13pds;

/** The 平顶山 T13 template (总计 + 社会事业和经济发展项目 …) rather than the T03 layout. */
export function isPdsT13(t: GridTable): boolean {
  return t.id === 'T13' && [P13.social, P13.debt, P13.construction, P13.other].some((k) => hasColumnCached(t, k));
}

function expenseTable(book: BudgetBook, id: ExpenseId): GridTable | undefined {
  const t = gridTable(book, id);
  if (!t) return undefined;
  if (id === 'T13' && isPdsT13(t)) return undefined;
  return t;
}

/** The child-sum relations of an expense-layout table, or only those of one rule. */
export function expenseChildSums(t: GridTable, only?: string): Relation[] {
  const cols = Object.values(E).filter((k) => hasColumnCached(t, k));
  return childSumRelations(t, hierarchy(t), cols, { colSum: `${t.id}.col-sum`, rollup: `${t.id}.unit-rollup`, subtotal: `${t.id}.code-hierarchy` }, 'error', only);
}

function rowRules(t: GridTable, rule: string, lhs: string, rhs: string[]): Relation[] {
  return rowRelations(t, t.rows, rule, lhs, rhs);
}

export function expenseRules(id: ExpenseId): Rule[] {
  const name = tableName(id);
  const needs = [id];
  const withTable = (f: (t: GridTable) => Relation[]) => (book: BudgetBook): Relation[] => {
    const t = expenseTable(book, id);
    return t ? f(t) : [];
  };
  return [
    relationRule(
      { id: `${id}.row-split`, severity: 'error', title: `${name}：每行 合计 = 基本支出小计 + 项目支出小计`, needs },
      withTable((t) => rowRules(t, `${id}.row-split`, E.total, [E.basic, E.project])),
    ),
    relationRule(
      { id: `${id}.row-basic`, severity: 'error', title: `${name}：每行 基本支出小计 = 人员经费 + 公用经费各列`, needs },
      withTable((t) => rowRules(t, `${id}.row-basic`, E.basic, [E.wages, E.individuals, E.goods, E.capital, E.publicCost])),
    ),
    relationRule(
      { id: `${id}.row-project`, severity: 'error', title: `${name}：每行 项目支出小计 = 其他运转类 + 特定目标类`, needs },
      withTable((t) => rowRules(t, `${id}.row-project`, E.project, [E.projectRunning, E.projectTarget])),
    ),
    relationRule(
      { id: `${id}.col-sum`, severity: 'error', title: `${name}：合计行 = 各科目行之和`, needs },
      withTable((t) => expenseChildSums(t, `${id}.col-sum`)),
    ),
    relationRule(
      { id: `${id}.unit-rollup`, severity: 'error', title: `${name}：合计 = 各部门之和，部门 = 各单位之和`, needs },
      withTable((t) => expenseChildSums(t, `${id}.unit-rollup`)),
    ),
    relationRule(
      { id: `${id}.code-hierarchy`, severity: 'error', title: `${name}：类 = 其下各款之和，款 = 其下各项之和`, needs },
      withTable((t) => expenseChildSums(t, `${id}.code-hierarchy`)),
    ),
    findingRule({ id: `${id}.code-unique`, severity: 'error', title: `${name}：同一单位内科目编码不重复`, needs }, (book) => {
      const t = expenseTable(book, id);
      return t ? duplicateCodes(t, `${id}.code-unique`) : [];
    }),
  ];
}

/** A 7-digit code that appears twice for one unit. */
function duplicateCodes(t: GridTable, rule: string): Finding[] {
  const out: Finding[] = [];
  let scope = '';
  const repeats = repeatedRows(t.rows, (r) => {
    if (r.kind === 'dept' || r.kind === 'unit') scope = r.code?.text ?? String(r.row);
    return r.kind === 'func' && r.func && r.func.xiang !== undefined ? `${scope}|${r.func.code}` : undefined;
  });
  for (const { row: r, first } of repeats) {
    if (!r.func) continue;
    const ref = r.func.refs[0] ?? r.name?.ref;
    if (!ref) continue;
    out.push({
      rule,
      severity: 'error',
      sheet: ref.sheet,
      cell: ref.cell,
      related: r.func.refs.slice(1),
      expected: null,
      actual: r.func.code,
      message: `${tableName(t.id)} 科目 ${rowLabel(r)} 在同一单位内重复出现（第 ${first} 行已有）`,
      table: t.id,
    });
  }
  return out;
}

/** Rule 25: the 平顶山 T13 template (row identities and the 总计 row = Σ 科目 rows). */
export const t13PdsRules: Rule[] = [
  relationRule(
    { id: 'T13.pds-layout', severity: 'error', title: '国有资本经营预算支出情况表（平顶山格式）：总计、基本支出、项目支出各等于其分项之和', needs: ['T13'] },
    (book) => {
      const t = gridTable(book, 'T13');
      if (!t || !isPdsT13(t)) return [];
      const cols = Object.values(P13).filter((k) => hasColumnCached(t, k));
      const id = 'T13.pds-layout';
      return [
        ...rowRules(t, id, P13.total, [P13.basic, P13.project]),
        ...rowRules(t, id, P13.basic, [P13.wages, P13.goods, P13.individuals, P13.capital]),
        ...rowRules(t, id, P13.project, [P13.social, P13.debt, P13.construction, P13.other]),
        ...childSumRelations(t, hierarchy(t), cols, { colSum: id, rollup: id, subtotal: id }),
      ];
    },
  ),
];
