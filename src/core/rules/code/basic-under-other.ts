/**
 * C.basic-under-other (rules.md 102, info): basic 工资福利支出 booked on a 项 99 (其他…支出) row
 * instead of a 运行 项. Pension, medical and housing contributions have their own classes
 * (208 社会保障和就业, 210 卫生健康, 221 住房保障) and are not meant. Seed 001: 2169999
 * 其他商业服务业等支出 carries the staff and running costs of a 行政 office.
 */
import type { BudgetBook } from '../../model';
import { COL } from '../../model';
import { formatAmount } from '../../amount';
import type { Finding } from '../../report';
import type { Rule } from '../types';
import type { FuncRow } from './common';
import { FUNC_TABLES, finding, funcNameRef, funcPartRef, funcRowCells, funcRows, isNonZero, tableLabel } from './common';

const ID = 'C.basic-under-other';
const CONTRIBUTION_CLASSES = new Set(['208', '210', '221']);

export const basicUnderOther: Rule = {
  id: ID,
  severity: 'info',
  title: '基本支出列在“其他”项',
  needs: [],
  check(book: BudgetBook): Finding[] {
    for (const id of FUNC_TABLES) {
      const hits = funcRows(book, [id]).filter(isBasicUnderOther);
      if (hits.length) return hits.map(report);
    }
    return [];
  },
};

function isBasicUnderOther(r: FuncRow): boolean {
  return r.func.xiang === '99' && !CONTRIBUTION_CLASSES.has(r.func.lei) && isNonZero(r.row.amounts[COL.expense.wages]);
}

function report(r: FuncRow): Finding {
  const at = funcNameRef(r) ?? funcPartRef(r, 2);
  const basic = r.row.amounts[COL.expense.basic] ?? r.row.amounts[COL.expense.wages]!;
  const wages = r.row.amounts[COL.expense.wages]!;
  return finding({
    rule: ID,
    severity: 'info',
    at,
    related: [...funcRowCells(r, at), wages.ref, basic.ref],
    actual: formatAmount(basic.scaled, basic.decimals),
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${r.func.code} ${r.name} 列有基本支出 ${formatAmount(basic.scaled, basic.decimals)}（其中工资福利支出 ${formatAmount(wages.scaled, wages.decimals)}）；人员和日常运转经费通常列在本款的行政运行/事业运行项，请确认科目选择`,
  });
}
