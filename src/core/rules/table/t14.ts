/** Rules 55–56: T14 政府采购汇总表. */
import type { GridTable } from '../../model';
import { COL, TEXT, gridTable } from '../../model';
import type { Finding } from '../../report';
import { findingRule, relationRule } from '../define';
import type { Rule } from '../types';
import { childSumRelations, hierarchy, tableName } from './kit';

const needs: ['T14'] = ['T14'];
export const t14Rules: Rule[] = [
  relationRule({ id: 'T14.col-sum', severity: 'error', title: '政府采购汇总表：合计 = 各采购项目金额之和', needs }, (book) => {
    const t = gridTable(book, 'T14');
    return t ? childSumRelations(t, hierarchy(t), [COL.t14.amount], { colSum: 'T14.col-sum', rollup: 'T14.col-sum', subtotal: 'T14.col-sum' }) : [];
  }),
  findingRule({ id: 'T14.item-complete', severity: 'warning', title: '政府采购汇总表：每个采购项目填写项目、目录、计量单位、数量和金额', needs }, (book) => {
    const t = gridTable(book, 'T14');
    return t ? incompleteItems(t) : [];
  }),
];

function incompleteItems(t: GridTable): Finding[] {
  const out: Finding[] = [];
  const T = TEXT.t14;
  for (const r of t.rows) {
    if (r.kind !== 'item') continue;
    const missing: string[] = [];
    if (!r.texts[T.item]?.text.trim()) missing.push('采购项目');
    if (!r.texts[T.catalog]?.text.trim()) missing.push('采购目录');
    if (!r.texts[T.measure]?.text.trim()) missing.push('计量单位');
    const qty = r.amounts[COL.t14.quantity];
    if (qty !== undefined && !(qty.scaled > 0)) missing.push('采购数量');
    const amt = r.amounts[COL.t14.amount];
    if (!amt || !(amt.scaled > 0)) missing.push('金额');
    if (!missing.length) continue;
    const ref = r.texts[T.item]?.ref ?? amt?.ref ?? r.name?.ref;
    if (!ref) continue;
    out.push({
      rule: 'T14.item-complete',
      severity: 'warning',
      sheet: ref.sheet,
      cell: ref.cell,
      related: [],
      expected: null,
      actual: null,
      message: `${tableName('T14')} 第 ${r.row} 行采购项目“${r.texts[T.item]?.text ?? ''}”缺少或未正确填写：${missing.join('、')}`,
      table: 'T14',
    });
  }
  return out;
}
