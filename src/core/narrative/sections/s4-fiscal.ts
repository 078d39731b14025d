/** 四、财政拨款收入支出（预算）总体情况说明 (narrative.md §2.4): T04 income lines (一)(二)(三). */
import type { Ctx } from '../context';
import type { Val } from '../facts';
import type { NarrativeSection } from '../types';
import { reasonClause, section, v, yoyInput } from './common';

export const HEADING_4 = { pds: '四、财政拨款收入支出总体情况说明', jy: '四、财政拨款收入支出预算总体情况说明' };

/** T04's three appropriation lines; the same quantities as T05/T09/T13 合计 (rules X.T04-T05/T09/T13). */
export function appropriations(ctx: Ctx): { gpb?: Val; fund?: Val; stateCapital?: Val } {
  const f = ctx.facts;
  return {
    gpb: f.t04?.gpb ?? f.t05?.total,
    fund: f.t04?.fund ?? f.t09?.total,
    stateCapital: f.t04?.stateCapital ?? f.t13?.total,
  };
}

export function fiscalSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const a = appropriations(ctx);
  const gpb = ctx.amtOf(a.gpb, 'T04', '一般公共预算收支预算');
  const y = yoyInput(ctx, v(a.gpb), 'priorGpb');
  const pds = ctx.profile === 'pds';
  const phrase = y.change?.kind === 'same' ? '无增减变动' : y.text;
  const because = reasonClause(ctx, y, pds ? '，主要原因：' : '，主要原因是：', 'reasonGpb', 'reasonTotal');
  const others = otherChanges(ctx, a);

  if (pds) {
    const text =
      `${ctx.dept}${ctx.Y}年一般公共预算收支预算${gpb}万元，` +
      `政府性基金收支预算${ctx.amtOf(a.fund, 'T04', '政府性基金收支预算')}万元，` +
      `国有资本经营收支预算${ctx.amtOf(a.stateCapital, 'T04', '国有资本经营收支预算')}万元。` +
      `与${ctx.Y1}年预算相比，一般公共预算收支预算${phrase}${because}${others}。`;
    return [section(ctx, HEADING_4.pds, 1, [text])];
  }
  // 济源 names the fund and state-capital lines only when they are not zero.
  const extra = [
    a.fund?.scaled ? `，政府性基金收支预算 ${ctx.amt(a.fund.scaled)} 万元` : '',
    a.stateCapital?.scaled ? `，国有资本经营收支预算 ${ctx.amt(a.stateCapital.scaled)} 万元` : '',
  ].join('');
  const text =
    `${ctx.dept}${s}${ctx.Y}${s}年一般公共预算收支预算${s}${gpb}${s}万元${extra}。` +
    `与${s}${ctx.Y1}${s}年相比，一般公共预算收支预算${phrase}${because}${others}。`;
  return [section(ctx, HEADING_4.jy, 1, [text])];
}

/** The fund / state-capital change, stated only when this year or last year is not zero. */
function otherChanges(ctx: Ctx, a: { fund?: Val; stateCapital?: Val }): string {
  const parts: string[] = [];
  const lines = [
    { cur: a.fund, key: 'priorFund' as const, label: '政府性基金收支预算' },
    { cur: a.stateCapital, key: 'priorStateCapital' as const, label: '国有资本经营收支预算' },
  ];
  for (const l of lines) {
    const prior = ctx.num(l.key);
    if (!l.cur?.scaled && !prior?.scaled) continue;
    const y = yoyInput(ctx, v(l.cur), l.key);
    parts.push(`${l.label}${y.change?.kind === 'same' ? '无增减变动' : y.text}`);
  }
  return parts.length ? `；${parts.join('；')}` : '';
}
