/** Rules 45–48: T10 项目支出预算表. */
import type { BodyRow, BudgetBook, GridTable } from '../../model';
import { COL, TEXT, gridTable } from '../../model';
import type { Finding } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { childSumRelations, hasColumnCached, hierarchy, repeatedRows, rowRelations, tableName } from './kit';

const C = COL.t10;
const FUNDS = [C.gpb, C.fund, C.stateCapital, C.carryGpb, C.carryFund, C.carryStateCapital, C.specialAccount, C.unitFunds];
export const PROJECT_TYPES = ['其他运转类', '特定目标类'];

function on(book: BudgetBook, f: (t: GridTable) => Relation[]): Relation[] {
  const t = gridTable(book, 'T10');
  return t ? f(t) : [];
}

/** Project name as compared across tables: no spaces, full-width folded. */
export function normName(s: string): string {
  // Each project name is folded by several rules (T10 and T12 both list it): remember them (bounded).
  let n = folded.get(s);
  if (n === undefined) {
    if (folded.size >= 20000) folded.clear();
    folded.set(s, (n = s.normalize('NFKC').replace(/[\s\u3000]/g, '')));
  }
  return n;
}

const folded = new Map<string, string>();

const needs: ['T10'] = ['T10'];
export const t10Rules: Rule[] = [
  relationRule({ id: 'T10.row', severity: 'error', title: '项目支出预算表：每行 合计 = 各资金来源之和', needs }, (book) =>
    on(book, (t) => rowRelations(t, t.rows, 'T10.row', C.total, FUNDS)),
  ),
  relationRule({ id: 'T10.col-sum', severity: 'error', title: '项目支出预算表：合计行 = 部门行 = 单位行 = 各项目之和', needs }, (book) =>
    on(book, (t) => {
      const cols = Object.values(C).filter((k) => hasColumnCached(t, k));
      return childSumRelations(t, hierarchy(t), cols, { colSum: 'T10.col-sum', rollup: 'T10.col-sum', subtotal: 'T10.col-sum' });
    }),
  ),
  findingRule({ id: 'T10.type', severity: 'error', title: '项目支出预算表：项目类型只能是“其他运转类”或“特定目标类”', needs }, (book) => {
    const t = gridTable(book, 'T10');
    if (!t || !t.columns.some((c) => c.key === TEXT.t10.type)) return [];
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (r.kind !== 'project') continue;
      const cell = r.texts[TEXT.t10.type];
      const value = cell ? normName(cell.text) : '';
      if (PROJECT_TYPES.includes(value)) continue;
      const ref = cell?.ref ?? r.name?.ref;
      if (!ref) continue;
      out.push({
        rule: 'T10.type',
        severity: 'error',
        sheet: ref.sheet,
        cell: ref.cell,
        related: r.name ? [r.name.ref] : [],
        expected: PROJECT_TYPES.join('或'),
        actual: cell?.text ?? '',
        message: `${tableName('T10')} 项目“${r.name?.text ?? ''}”的类型${value ? `“${cell!.text}”不是` : '为空，应为'}“其他运转类”或“特定目标类”`,
        table: 'T10',
      });
    }
    return out;
  }),
  findingRule({ id: 'T10.duplicate', severity: 'warning', title: '项目支出预算表：同一单位的项目名称不重复', needs }, (book) => {
    const t = gridTable(book, 'T10');
    if (!t) return [];
    const out: Finding[] = [];
    const keyOf = (r: BodyRow): string | undefined => (r.kind === 'project' && r.name ? `${r.unitCode ?? r.texts[TEXT.t10.unit]?.text ?? ''}|${normName(r.name.text)}` : undefined);
    for (const { row: r, first } of repeatedRows(t.rows, keyOf)) {
      if (!r.name) continue;
      out.push({
        rule: 'T10.duplicate',
        severity: 'warning',
        sheet: r.name.ref.sheet,
        cell: r.name.ref.cell,
        related: [],
        expected: null,
        actual: r.name.text,
        message: `${tableName('T10')} 同一单位的项目“${r.name.text}”出现两次（第 ${first} 行已有），请确认是否重复填列`,
        table: 'T10',
      });
    }
    return out;
  }),
];
