/**
 * 八、政府性基金预算支出（预算）情况说明 and, 济源 only, 九、国有资本经营预算支出预算情况说明
 * (narrative.md §2.8).
 */
import type { Ctx } from '../context';
import type { NarrativeSection } from '../types';
import { section, stripZhichu } from './common';
import { appropriations } from './s4-fiscal';
import { byLei, leiName } from './s5-gpb';

export const HEADING_8 = { pds: '八、政府性基金预算支出情况说明', jy: '八、政府性基金预算支出预算情况说明' };
export const HEADING_9_JY = '九、国有资本经营预算支出预算情况说明';

export function fundSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const t9 = ctx.facts.t09;
  const total = t9?.total ?? appropriations(ctx).fund;
  if (ctx.profile === 'jy') {
    const text = `${ctx.dept}${s}${ctx.Y}${s}年政府性基金预算支出${s}${ctx.amtOf(total, 'T09', '政府性基金预算支出')}${s}万元。`;
    return [section(ctx, HEADING_8.jy, 1, [text])];
  }
  if (total && total.scaled === 0) return [section(ctx, HEADING_8.pds, 1, [`我部门${ctx.Y}年无使用政府性基金预算拨款安排的支出。`])];
  // Not seen in the seeds: the wording of 五(二) applied to T09.
  const parts = t9 ? byLei(t9.leaves).map((c) => `${stripZhichu(leiName(ctx, c.lei))}（类）支出${ctx.amt(c.scaled)}万元，占${ctx.pct(c.scaled, t9.total.scaled)}%`) : [];
  const text = `${ctx.dept}${ctx.Y}年政府性基金预算支出${ctx.amtOf(total, 'T09', '政府性基金预算支出')}万元${parts.length ? `，主要用于以下方面：${parts.join('；')}` : ''}。`;
  return [section(ctx, HEADING_8.pds, 1, [text])];
}

export function stateCapitalSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const total = ctx.facts.t13?.total ?? appropriations(ctx).stateCapital;
  const text = `${ctx.dept}${s}${ctx.Y}${s}年国有资本经营预算支出${s}${ctx.amtOf(total, 'T13', '国有资本经营预算支出')}${s}万元。`;
  return [section(ctx, HEADING_9_JY, 1, [text])];
}
