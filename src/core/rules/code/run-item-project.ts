/**
 * C.run-item-project (rules.md 101): 行政运行 (项 01) and 事业运行 (项 50) are basic-expenditure
 * items; project money belongs in 02 一般行政管理事务, 99 其他…, or a specific 项. Seed 003 books all
 * eleven projects (110.9) on 2010301 行政运行. One finding per table lists every such row.
 */
import { lookup, normalizeName } from '../../catalog';
import type { Catalog } from '../../catalog';
import type { BudgetBook } from '../../model';
import { COL } from '../../model';
import { formatAmount } from '../../amount';
import type { Finding } from '../../report';
import type { Rule, RuleContext } from '../types';
import type { FuncRow } from './common';
import { FUNC_TABLES, finding, funcNameRef, funcPartRef, funcRowCells, funcRows, isNonZero, tableLabel } from './common';

const ID = 'C.run-item-project';

export const runItemProject: Rule = {
  id: ID,
  severity: 'warning',
  title: '行政运行/事业运行科目不应列项目支出',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    // The first function table that has such rows speaks for all (T05 repeats T03).
    for (const id of FUNC_TABLES) {
      const hits = funcRows(book, [id]).filter((r) => isRunItem(r, ctx.catalog) && isNonZero(r.row.amounts[COL.expense.project]));
      if (hits.length) return [report(hits)];
    }
    return [];
  },
};

export function isRunItem(r: FuncRow, cat: Catalog): boolean {
  if (r.func.xiang === undefined) return false;
  const name = normalizeName(r.name || lookup(cat, r.func.code)?.name || '');
  return name === '行政运行' || name === '事业运行';
}

function report(hits: FuncRow[]): Finding {
  const first = hits[0];
  const at = funcNameRef(first) ?? funcPartRef(first, 2);
  const amount = first.row.amounts[COL.expense.project]!;
  const d = amount.decimals;
  const total = hits.reduce((s, r) => s + (r.row.amounts[COL.expense.project]?.scaled ?? 0), 0);
  const related = [...funcRowCells(first, at), amount.ref, ...hits.slice(1).flatMap((r) => [funcNameRef(r) ?? funcPartRef(r, 2), r.row.amounts[COL.expense.project]!.ref])];
  const what = (r: FuncRow) => `${r.func.code} ${r.name}${r.row.unitCode ? `（单位 ${r.row.unitCode}）` : ''}`;
  const message =
    hits.length === 1
      ? `${tableLabel(first.table.id)}：${what(first)} 列有项目支出 ${formatAmount(amount.scaled, d)}；行政运行/事业运行用于基本支出，项目支出应列入一般行政管理事务、其他…支出或相应的专项科目`
      : `${tableLabel(first.table.id)}：${hits.length} 个行政运行/事业运行科目列有项目支出，合计 ${formatAmount(total, d)}（${hits.slice(0, 5).map(what).join('、')}${hits.length > 5 ? ' 等' : ''}）；这些科目用于基本支出，项目支出应列入一般行政管理事务、其他…支出或相应的专项科目`;
  const headline =
    hits.length === 1
      ? `${first.func.code} ${first.name} 列有项目支出 ${formatAmount(amount.scaled, d)}：项目支出应改列专项科目`
      : `${hits.length} 个行政运行/事业运行科目列有项目支出 ${formatAmount(total, d)}：应改列专项科目`;
  return finding({ rule: ID, severity: 'warning', at, related: related.slice(0, 40), actual: formatAmount(total, d), table: first.table.id, message, headline });
}
