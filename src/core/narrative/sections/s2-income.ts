/** 二、收入预算总体情况说明 (narrative.md §2.2): the T01 income items in T01 order. */
import type { Ctx } from '../context';
import type { Val } from '../facts';
import type { NarrativeSection } from '../types';
import { section } from './common';

export const HEADING_2 = '二、收入预算总体情况说明';

/** T01 income keys with the label each wording prints. */
const ITEMS: { key: string; pds: string; jy: string }[] = [
  { key: '一般公共预算', pds: '一般公共预算', jy: '一般公共预算收入' },
  { key: '政府性基金', pds: '政府性基金预算拨款收入', jy: '政府性基金预算拨款收入' },
  { key: '国有资本经营', pds: '国有资本经营预算拨款收入', jy: '国有资本经营预算拨款收入' },
  { key: '财政专户管理资金', pds: '财政专户管理资金收入', jy: '财政专户管理资金收入' },
  { key: '事业收入', pds: '事业收入', jy: '事业收入' },
  { key: '事业单位经营收入', pds: '事业单位经营收入', jy: '事业单位经营收入' },
  { key: '上级补助收入', pds: '上级补助收入', jy: '上级补助收入' },
  { key: '附属单位上缴收入', pds: '附属单位上缴收入', jy: '附属单位上缴收入' },
  { key: '其他收入', pds: '其他收入', jy: '其他收入' },
  { key: '上年结转结余', pds: '上年结转结余', jy: '上年结转结余' },
];

export function incomeSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t01;
  const s = ctx.sp;
  const carry = t?.income['上年结转结余']?.scaled ?? 0;
  // The list includes 上年结转结余, so when it is non-zero the headline is 收入总计 (the items then add up).
  const headline: Val | undefined = carry !== 0 ? t?.incomeTotal : t?.currentIncome ?? t?.incomeTotal;
  const label = carry !== 0 ? '收入总计' : '收入合计';
  const parts = ITEMS.flatMap((it) => {
    const val = t?.income[it.key];
    if (ctx.profile === 'jy' && !val?.scaled) return [];
    const amount = t ? ctx.amt(val?.scaled ?? 0) : ctx.needTable('T01', it.pds);
    return [`${ctx.profile === 'jy' ? it.jy : it.pds}${s}${amount}${s}万元`];
  });
  const list = parts.length ? `，其中：${parts.join('；')}` : '';
  const text = `${ctx.dept}${s}${ctx.Y}${s}年${label}${s}${ctx.amtOf(headline, 'T01', '本年收入合计')}${s}万元${list}。`;
  return [section(ctx, HEADING_2, 1, [text])];
}
