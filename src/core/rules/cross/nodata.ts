/** Rules 57–63: "本表无数据" statements and empty tables. */
import { toNumber } from '../../amount';
import type { CellRef } from '../../grid';
import type { BudgetBook, ParsedTable, TableId } from '../../model';
import { COL, gridTable, linesTable, t08, t12 } from '../../model';
import type { Finding, Severity } from '../../report';
import { findingRule } from '../define';
import type { Rule } from '../types';
import { totalRow } from '../table/kit';
import { lineMap } from '../table/lines';
import { econRows, tn } from './kit';
import { paramAmount } from '../../narrative/inputs';

const PROCUREMENT = '政府采购合计';

/** First non-zero amount cell of a table, if any. */
export function firstNonZero(t: ParsedTable): { ref: CellRef; scaled: number } | undefined {
  const pick = (amounts: Iterable<{ scaled: number; ref: CellRef }>) => {
    for (const a of amounts) if (a.scaled !== 0) return a;
    return undefined;
  };
  switch (t.kind) {
    case 'grid':
      for (const r of t.rows) {
        const a = pick(Object.values(r.amounts));
        if (a) return a;
      }
      return undefined;
    case 'lines':
      return pick([...t.income, ...t.expense].flatMap((l) => [...(l.amount ? [l.amount] : []), ...Object.values(l.amounts ?? {})]));
    case 't08':
      return pick(Object.values(t.amounts));
    case 't11':
      return pick(Object.values(t.fields));
    case 't12':
      return pick([...t.rows.flatMap((r) => Object.values(r.amounts)), ...t.projects.flatMap((p) => Object.values(p.amounts))]);
  }
}

function finding(rule: string, severity: Severity, ref: CellRef, message: string, table: TableId, related: CellRef[] = [], actual: number | string | null = null): Finding {
  return { rule, severity, sheet: ref.sheet, cell: ref.cell, related, expected: null, actual, message, table };
}

/** Grid body with no row at all (not even a 合计 row). */
function emptyBody(book: BudgetBook, id: 'T09' | 'T10' | 'T13'): boolean {
  const t = gridTable(book, id);
  return !!t && !totalRow(t) && !t.rows.some((r) => Object.values(r.amounts).some((a) => a.scaled !== 0));
}

function incomeLine(book: BudgetBook, key: string): number {
  const t = linesTable(book, 'T01');
  return t ? lineMap(t.income).get(key)?.amount?.scaled ?? 0 : 0;
}

function emptyTableVsIncome(book: BudgetBook, id: 'T09' | 'T13', line: string, rule: string): Finding[] {
  const t = gridTable(book, id);
  if (!t || !emptyBody(book, id)) return [];
  const amount = incomeLine(book, line);
  if (amount === 0) return [];
  return [finding(rule, 'error', t.noDataNote?.ref ?? t.titleRef, `${tn(id)} 没有数据，但 ${tn('T01')} 列有${line}收入 ${toNumber(amount)} 万元`, id)];
}

const THREE_PUBLIC_CODES = ['30212', '30217', '30231', '31013'];

export const nodataRules: Rule[] = [
  findingRule({ id: 'X.nodata-note', severity: 'error', title: '注明“本表无数据”的表不应有金额', needs: [] }, (book) => {
    const out: Finding[] = [];
    for (const t of Object.values(book.tables)) {
      if (!t?.noDataNote) continue;
      const hit = firstNonZero(t);
      if (!hit) continue;
      out.push(finding('X.nodata-note', 'error', t.noDataNote.ref, `${tn(t.id)} 注明“${t.noDataNote.text.trim()}”，但表中有金额（${hit.ref.cell} = ${toNumber(hit.scaled)}）`, t.id, [hit.ref]));
    }
    return out;
  }),
  findingRule({ id: 'X.nodata-T08', severity: 'error', title: '“三公”经费表无数据时，经济分类中也不应有三公科目', needs: ['T08'] }, (book) => {
    const t = t08(book);
    if (!t || Object.keys(t.amounts).length) return [];
    const src = gridTable(book, 'T07') ?? gridTable(book, 'T06');
    if (!src) return [];
    const col = src.id === 'T07' ? (src.columns.some((c) => c.key === COL.t07.gpb) ? COL.t07.gpb : COL.t07.total) : COL.t06.total;
    const rows = THREE_PUBLIC_CODES.flatMap((c) => econRows(src, c));
    const total = rows.reduce((s, r) => s + (r.amounts[col]?.scaled ?? 0), 0);
    if (total === 0) return [];
    return [finding('X.nodata-T08', 'error', t.noDataNote?.ref ?? t.titleRef, `${tn('T08')} 没有数据，但 ${tn(src.id)} 中三公经费科目（30212/30217/30231/31013）合计 ${toNumber(total)} 万元`, 'T08', rows.map((r) => r.amounts[col]?.ref).filter((x): x is CellRef => !!x))];
  }),
  findingRule({ id: 'X.nodata-T09', severity: 'error', title: '政府性基金预算支出表为空时，政府性基金收入应为零', needs: ['T09', 'T01'] }, (book) =>
    emptyTableVsIncome(book, 'T09', '政府性基金', 'X.nodata-T09'),
  ),
  findingRule({ id: 'X.nodata-T10', severity: 'error', title: '项目支出预算表为空时，部门支出总体情况表项目支出应为零', needs: ['T10', 'T03'] }, (book) => {
    const t10 = gridTable(book, 'T10');
    const t3 = gridTable(book, 'T03');
    if (!t10 || !t3 || t10.rows.some((r) => r.kind === 'project') || !emptyBody(book, 'T10')) return [];
    const p = totalRow(t3)?.amounts[COL.expense.project];
    if (!p || p.scaled === 0) return [];
    return [finding('X.nodata-T10', 'error', t10.noDataNote?.ref ?? t10.titleRef, `${tn('T10')} 没有项目，但 ${tn('T03')} 项目支出为 ${toNumber(p.scaled)} 万元`, 'T10', [p.ref])];
  }),
  findingRule({ id: 'X.nodata-T12', severity: 'warning', title: '有项目时应有项目绩效目标；有绩效目标的项目应列入项目支出预算表', needs: ['T10', 'T12'] }, (book) => {
    const t10 = gridTable(book, 'T10');
    const t = t12(book);
    if (!t10 || !t) return [];
    const n10 = t10.rows.filter((r) => r.kind === 'project').length;
    const n12 = t.projects.length;
    if (n10 > 0 && n12 === 0) return [finding('X.nodata-T12', 'warning', t.titleRef, `${tn('T10')} 有 ${n10} 个项目，但 ${tn('T12')} 没有任何项目绩效目标`, 'T12')];
    if (n12 > 0 && n10 === 0) return [finding('X.nodata-T12', 'error', t10.titleRef, `${tn('T12')} 有 ${n12} 个项目，但 ${tn('T10')} 没有项目`, 'T10')];
    return [];
  }),
  findingRule({ id: 'X.nodata-T13', severity: 'error', title: '国有资本经营预算支出表为空时，国有资本经营预算收入应为零', needs: ['T13', 'T01'] }, (book) =>
    emptyTableVsIncome(book, 'T13', '国有资本经营', 'X.nodata-T13'),
  ),
  findingRule({ id: 'X.nodata-T14', severity: 'warning', title: '政府采购表为空或缺失时，说明参数中的政府采购金额应为零', needs: [] }, (book, ctx) => {
    const amount = paramAmount(ctx.params, PROCUREMENT);
    if (!amount || !ctx.params) return [];
    const t = gridTable(book, 'T14');
    if (t && t.rows.some((r) => r.kind === 'item' || (r.kind === 'total' && Object.values(r.amounts).some((a) => a.scaled !== 0)))) return [];
    // 济源 sets have no 政府采购汇总表 at all: then the amount simply cannot be checked.
    const severity: Severity = book.layout === 'jy' && !t ? 'info' : 'warning';
    const field = Object.values(ctx.params.fields).find((f) => f.label.replace(/\s/g, '').includes(PROCUREMENT));
    return [
      {
        rule: 'X.nodata-T14',
        severity,
        sheet: ctx.params.sheet,
        cell: field?.cell ?? ctx.params.titleCell,
        related: t ? [t.titleRef] : [],
        expected: t ? 0 : null,
        actual: amount,
        message: t ? `说明参数中政府采购合计为 ${amount} 万元，但${tn('T14')}没有采购项目` : `工作簿没有${tn('T14')}，说明参数中的政府采购合计 ${amount} 万元无法核对`,
        table: '说明参数',
      },
    ];
  }),
];

