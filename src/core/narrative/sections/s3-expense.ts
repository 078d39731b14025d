/** 三、支出预算总体情况说明 (narrative.md §2.3): T03 合计 split into basic and project. */
import type { Ctx } from '../context';
import type { NarrativeSection } from '../types';
import { section } from './common';

export const HEADING_3 = '三、支出预算总体情况说明';

export function expenseSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t03;
  const s = ctx.sp;
  const share = (part: number | undefined) => (t && part !== undefined ? ctx.pct(part, t.total.scaled) : ctx.needTable('T03', '支出占比'));
  const text =
    `${ctx.dept}${s}${ctx.Y}${s}年支出合计${s}${ctx.amtOf(t?.total, 'T03', '支出合计')}${s}万元，其中：` +
    `基本支出${s}${ctx.amtOf(t?.basic, 'T03', '基本支出')}${s}万元，占${s}${share(t?.basic.scaled)}%；` +
    `项目支出${s}${ctx.amtOf(t?.project, 'T03', '项目支出')}${s}万元，占${s}${share(t?.project.scaled)}%。`;
  return [section(ctx, HEADING_3, 1, [text])];
}
