/** 一、收入支出预算总体情况说明 (narrative.md §2.1). */
import type { Ctx } from '../context';
import type { NarrativeSection } from '../types';
import type { Yoy } from './common';
import { reason, reasonClause, section, v, yoyInput } from './common';

export const HEADING_1 = '一、收入支出预算总体情况说明';

export function totalSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t01;
  const s = ctx.sp;
  const income = ctx.amtOf(t?.incomeTotal, 'T01', '收入总计');
  const expense = ctx.amtOf(t?.expenseTotal, 'T01', '支出总计');
  const yIn = yoyInput(ctx, v(t?.incomeTotal), 'priorIncome');
  const yOut = yoyInput(ctx, v(t?.expenseTotal), 'priorExpense', 'priorIncome');
  const head = `${ctx.dept}${s}${ctx.Y}${s}年收入总计${s}${income}${s}万元，支出总计${s}${expense}${s}万元，`;

  if (ctx.profile === 'jy') return [section(ctx, HEADING_1, 1, [head + jyChange(ctx, yIn, yOut)])];

  const clause = (y: Yoy) => (y.change?.kind === 'same' ? '无增减变动' : y.text);
  const text =
    `${head}与${ctx.Y1}年预算相比，收入${clause(yIn)}${reasonClause(ctx, yIn, '，主要原因：', 'reasonTotal')}；` +
    `支出${clause(yOut)}${reasonClause(ctx, yOut, '，主要原因：', 'reasonTotal')}。`;
  return [section(ctx, HEADING_1, 1, [text])];
}

/** 济源: one change for both totals when they moved alike ("收、支总计各减少 …"). */
function jyChange(ctx: Ctx, yIn: Yoy, yOut: Yoy): string {
  const s = ctx.sp;
  const lead = `与${s}${ctx.Y1}${s}年相比，`;
  const a = yIn.change;
  const b = yOut.change;
  if (a && b && a.kind === 'same' && b.kind === 'same') return `${lead}收、支总计均无增减变动。`;
  const why = (a && a.kind !== 'same') || (b && b.kind !== 'same') ? `主要原因是：${reason(ctx, 'reasonTotal')}。` : '';
  if (a && b && a.kind === b.kind && a.kind !== 'same' && b.kind !== 'same' && a.delta === b.delta && a.pct === b.pct) {
    return `${lead}收、支总计各${yIn.text}。${why}`;
  }
  return `${lead}收入总计${yIn.text}，支出总计${yOut.text}。${why}`;
}
