/** （六）专项转移支付项目情况 (济源 （五）; narrative.md §2.9(六)). */
import type { Ctx } from '../../context';
import { LIST, normLabel } from '../../labels';
import { listText } from '../../inputs';
import type { NarrativeSection } from '../../types';
import { section } from '../common';

export const HEADING_TRANSFER = { pds: '（六）专项转移支付项目情况', jy: '（五）专项转移支付项目情况' };

const DUTY = '将按照《预算法》等有关规定，积极做好项目分配前期准备工作，在规定的时间内向财政部门提出资金分配意见，根据有关要求做好项目申报公开等相关工作。';

export function transferSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const jy = ctx.profile === 'jy';
  const k = ctx.count('transferCount');
  const col = normLabel(LIST.transfers.columns[0]);
  const names = (ctx.params?.transfers?.rows ?? []).map((r) => listText(r.cells[col])).filter((x): x is string => !!x);
  const who = jy ? '我单位' : '我部门';
  let text: string;
  if (jy && k === 0) text = `我单位${s}${ctx.Y}${s}年无负责管理的专项转移支付项目。`;
  else {
    const list = names.length ? `（${names.join('、')}）` : '';
    text = `${who}负责管理的专项转移支付项目共有${s}${k ?? ctx.needInput('transferCount')}${s}项${list}，${who}${DUTY}`;
  }
  return [section(ctx, jy ? HEADING_TRANSFER.jy : HEADING_TRANSFER.pds, 2, [text])];
}
