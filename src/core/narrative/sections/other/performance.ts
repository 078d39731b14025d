/** （三）绩效目标设置情况 (narrative.md §2.9(三)). */
import type { Ctx } from '../../context';
import type { NarrativeSection } from '../../types';
import { section } from '../common';

export const HEADING_PERFORMANCE = '（三）绩效目标设置情况';

export function performanceSection(ctx: Ctx): NarrativeSection[] {
  return [section(ctx, HEADING_PERFORMANCE, 2, ctx.profile === 'jy' ? jy(ctx) : pds(ctx))];
}

function pds(ctx: Ctx): string[] {
  const f = ctx.facts;
  const count = f.t10 ? String(f.t10.projects.length) : f.t12 ? String(f.t12.projects.length) : ctx.needTable('T10', '项目个数');
  const text =
    `${ctx.Y}年${ctx.dept}按要求编制了绩效目标，包括部门整体绩效目标和项目支出绩效目标，综合反映了部门及各项目预期完成的数量、实效、质量，产生的社会经济效益和服务对象满意度等情况。` +
    `${ctx.Y}年，我部门纳入预算绩效管理的支出总额为${ctx.amtOf(f.t03?.total, 'T03', '支出合计')}万元。` +
    `其中：人员经费支出${ctx.amtOf(f.t06?.personnel, 'T06', '人员经费')}万元，公用经费支出${ctx.amtOf(f.t06?.publicCost, 'T06', '公用经费')}万元；` +
    `项目支出${ctx.amtOf(f.t10?.total, 'T10', '项目支出合计')}万元，涉及项目${count}个。`;
  return [text];
}

function jy(ctx: Ctx): string[] {
  const s = ctx.sp;
  const f = ctx.facts;
  const first = `我单位${s}${ctx.Y}${s}年预算项目均按要求编制了绩效目标，从成本、产出、效益、满意度等方面设置了绩效目标，综合反映项目支出预期达到的产出和效果以及相应的成本控制要求。`;
  const n12 = f.t12?.projects.length;
  const n10 = f.t10?.projects.length;
  const published = ctx.count('publishedTargets') ?? n12;
  const t = (x: number | undefined, id: 'T10' | 'T12', what: string) => (x !== undefined ? String(x) : ctx.needTable(id, what));
  const countShare = published !== undefined && n10 !== undefined ? ctx.pct(published, n10) : ctx.needTable('T10', '项目个数');
  // The money of the published projects is known only when all T12 projects are published.
  let money: number | undefined;
  if (f.t12 && published === n12) money = f.t12.projects.reduce((a, p) => a + p.total.scaled, 0);
  const moneyText = money !== undefined ? ctx.amt(money) : ctx.need('公开绩效目标的项目预算', '', '公开绩效目标项目数少于表12的项目数，无法确定公开项目的预算金额，正文中暂以【请填写公开绩效目标的项目预算】占位');
  const moneyShare = money !== undefined && f.t10 ? ctx.pct(money, f.t10.total.scaled) : ctx.needTable('T10', '项目预算占比');
  const second =
    `${ctx.Y}${s}年，填报绩效目标的预算项目${s}${t(n12, 'T12', '填报绩效目标的项目数')}${s}个，公开绩效目标${s}${t(published, 'T12', '公开绩效目标项目数')}${s}个，` +
    `公开项目占全部预算项目的${s}${countShare}%。公开填报绩效目标的项目预算${s}${moneyText}${s}万元，占全部项目预算的${s}${moneyShare}%。`;
  return [first, second];
}
