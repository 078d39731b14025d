/** N.dept-name (rules.md 106): a 部门名称 typed in 说明参数 that differs from T01's 部门名称. */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { cellOf } from '../inputs';
import { normLabel } from '../labels';
import { finding } from './shared';

export function checkDeptName(ctx: Ctx): Finding[] {
  const typed = ctx.text('deptName');
  const t01 = ctx.book.deptName;
  if (!typed || !t01 || normLabel(typed) === normLabel(t01)) return [];
  const ref = ctx.book.tables.T01?.deptName?.ref;
  return [finding({
    rule: 'N.dept-name', severity: 'warning', at: cellOf(ctx.params, 'deptName'), related: [ref],
    expected: t01, actual: typed,
    message: `说明参数的部门名称“${typed}”与表1的部门名称“${t01}”不一致：情况说明将使用“${typed}”，请确认（留空则使用表1的名称）`,
  })];
}
