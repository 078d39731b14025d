/**
 * 七、“三公”经费支出（预算）情况说明 (narrative.md §2.7): T08 in the order 出国 → 接待 → 车
 * (运行维护, then 购置), each against its prior-year input.
 */
import type { Ctx } from '../context';
import type { Val } from '../facts';
import type { LabelKey } from '../labels';
import type { NarrativeSection } from '../types';
import { reasonClause, section, v, yoyInput } from './common';

export const HEADING_7 = { pds: '七、“三公”经费支出情况说明', jy: '七、“三公”经费支出预算情况说明' };

/** The fixed purpose clauses of the 平顶山 wording (identical in 000, 001 and 003). */
export const PDS_PURPOSE = {
  abroad: '主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出',
  reception: '主要用于按规定开支的各类公务接待（含外宾接待）支出',
  running: '主要用于开展工作所需公务用车的燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出',
};

export function sangongSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t08;
  const s = ctx.sp;
  const pds = ctx.profile === 'pds';
  const amount = (x: Val | undefined, what: string) => ctx.amtOf(x, 'T08', what);

  /** "与2024年持平，无增减变动" / "与2024年相比增加1万元，增长25%". */
  const versus = (cur: Val | undefined, key: LabelKey, comma = false): string => {
    const y = yoyInput(ctx, v(cur), key);
    const lead = `${comma ? '，' : ''}与${s}${ctx.Y1}${s}年`;
    if (y.change?.kind === 'same') return `${lead}持平${pds ? '，无增减变动' : ''}`;
    return `${lead}相比${y.text}`;
  };
  const purpose = (key: LabelKey, fixed: string): string => {
    const p = ctx.text(key) ?? (pds ? fixed : undefined);
    return p ? `，${p.replace(/[。；;，,\s]+$/, '')}` : '';
  };

  const totalY = yoyInput(ctx, v(t?.total), 'priorSgTotal');
  const totalVs =
    totalY.change?.kind === 'same'
      ? `与${s}${ctx.Y1}${s}年持平${pds ? '，无增减变动' : ''}`
      : `与${s}${ctx.Y1}${s}年相比${totalY.text}${reasonClause(ctx, totalY, pds ? '，主要原因：' : '，主要原因是：', 'reasonSg')}`;
  const first = `${ctx.dept}${s}${ctx.Y}${s}年“三公”经费预算为${s}${amount(t?.total, '“三公”经费合计')}${s}万元。${ctx.Y}${s}年“三公”经费支出预算数${totalVs}。`;

  const abroad = `（一）因公出国（境）费 ${amount(t?.abroad, '因公出国（境）费')}${s}万元${purpose('purposeAbroad', PDS_PURPOSE.abroad)}。预算数${versus(t?.abroad, 'priorSgAbroad')}。`;
  const reception = `（二）公务接待费 ${amount(t?.reception, '公务接待费')}${s}万元${purpose('purposeReception', PDS_PURPOSE.reception)}。预算数${versus(t?.reception, 'priorSgReception')}。`;
  const running = `公务用车运行维护费 ${amount(t?.running, '公务用车运行费')}${s}万元${purpose('purposeRunning', PDS_PURPOSE.running)}`;
  const purchase = `公务用车购置费 ${amount(t?.purchase, '公务用车购置费')}${s}万元`;
  const vehicle = pds
    ? `（三）公务用车购置及运行费 ${amount(t?.vehicle, '公务用车购置及运行费')}万元，其中，${running}。预算数${versus(t?.running, 'priorSgRunning')}；${purchase}，预算数${versus(t?.purchase, 'priorSgPurchase')}。`
    : `（三）公务用车购置及运行费 ${amount(t?.vehicle, '公务用车购置及运行费')} 万元。其中，${running}${versus(t?.running, 'priorSgRunning', true)}；${purchase}${versus(t?.purchase, 'priorSgPurchase', true)}。`;

  return [section(ctx, pds ? HEADING_7.pds : HEADING_7.jy, 1, [first, '具体支出情况如下：', abroad, reception, vehicle])];
}
