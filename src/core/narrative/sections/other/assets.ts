/** （五）国有资产占用情况 (济源 （四）; narrative.md §2.9(五)). All counts are inputs as of the end of {Y-1}. */
import type { Ctx } from '../../context';
import type { LabelKey } from '../../labels';
import type { NarrativeSection } from '../../types';
import { cellOf } from '../../inputs';
import { section } from '../common';

export const HEADING_ASSETS = { pds: '（五）国有资产占用情况', jy: '（四）国有资产占用情况' };

export const VEHICLE_KINDS: { key: LabelKey; label: string }[] = [
  { key: 'carGeneral', label: '一般公务用车' },
  { key: 'carLaw', label: '一般执法执勤用车' },
  { key: 'carSpecial', label: '特种专业技术用车' },
  { key: 'carOther', label: '其他用车' },
];

function needTotal(ctx: Ctx, key: LabelKey, label: string): string {
  return ctx.need('车辆总数', cellOf(ctx.params, key), `情况说明中的车辆总数是${VEHICLE_KINDS.map((k) => `“${k.label}”`).join('、')}之和，“${label}”未填，正文中暂以【请填写车辆总数】占位：请在说明参数表中填写各类车辆数（没有的填 0）`);
}

export function assetsSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const jy = ctx.profile === 'jy';
  const counts = VEHICLE_KINDS.map((k) => ({ ...k, n: ctx.count(k.key) }));
  const missing = counts.find((c) => c.n === undefined);
  // The total is the sum of the kinds: while one is blank, the slot asks for the total, not for that kind.
  const total = missing ? needTotal(ctx, missing.key, missing.label) : String(counts.reduce((a, c) => a + c.n!, 0));
  const show = (c: (typeof counts)[number]) => (c.n !== undefined ? String(c.n) : ctx.needInput(c.key));
  const measure = ctx.text('equipMeasure') ?? (jy ? '套' : '台（套）');
  const equipGeneral = ctx.count('equipGeneral');
  const equipSpecial = ctx.count('equipSpecial');
  const equipment =
    `单价${s}50${s}万元以上通用设备${s}${equipGeneral ?? ctx.needInput('equipGeneral')}${s}${measure}，` +
    `单位价值${s}100${s}万元以上专用设备${s}${equipSpecial ?? ctx.needInput('equipSpecial')}${s}${measure}。`;

  if (!jy) {
    const kinds = counts.map((c) => `${c.label}${show(c)}辆`).join('，');
    const text = `${ctx.Y1}年期末，本部门共有车辆${total}辆，其中：${kinds}；${equipment}`;
    return [section(ctx, HEADING_ASSETS.pds, 2, [text])];
  }
  // 济源 names only the kinds it has, and says what the 其他用车 are.
  const named = counts.filter((c) => c.n !== 0).map((c) => `${c.label}${s}${show(c)}${s}辆`);
  const other = counts.find((c) => c.key === 'carOther')!;
  const otherNote = other.n ? `，其他用车主要是${ctx.text('carOtherNote')?.replace(/[。；;，,\s]+$/, '') ?? ctx.needInput('carOtherNote')}` : '';
  const detail = named.length ? `，其中：${named.join('、')}${otherNote}` : '';
  const text = `${ctx.Y1}${s}年期末，${ctx.dept}共有车辆${s}${total}${s}辆${detail}；${equipment}`;
  return [section(ctx, HEADING_ASSETS.jy, 2, [text])];
}
