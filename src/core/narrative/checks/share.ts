/**
 * N.share (rules.md 104): the shares the narrative states are computed from the displayed amounts
 * and are not adjusted to total 100 %; a set that misses 100 % by a rounding tail is reported as info.
 */
import type { Finding } from '../../report';
import { classifyDelta } from '../../tolerance';
import type { Ctx } from '../context';
import type { Val } from '../facts';
import { pctText, pctUnits } from '../format';
import { byLei, leiName } from '../sections/s5-gpb';
import { stripZhichu } from '../sections/common';
import { finding } from './shared';

interface ShareSet {
  where: string;
  base: Val;
  parts: { label: string; part: Val }[];
}

export function checkShares(ctx: Ctx): Finding[] {
  const f = ctx.facts;
  const sets: ShareSet[] = [];
  if (f.t03) sets.push({ where: '三、支出预算总体情况', base: f.t03.total, parts: [{ label: '基本支出', part: f.t03.basic }, { label: '项目支出', part: f.t03.project }] });
  if (f.t05) {
    sets.push({ where: '五、一般公共预算支出', base: f.t05.total, parts: [{ label: '基本支出', part: f.t05.basic }, { label: '项目支出', part: f.t05.project }] });
    if (ctx.profile === 'pds') {
      const parts = byLei(f.t05.leaves).map((c) => ({ label: `${stripZhichu(leiName(ctx, c.lei))}（类）`, part: { scaled: c.scaled } }));
      if (parts.length > 1) sets.push({ where: '五（二）结构情况', base: f.t05.total, parts });
    }
  }
  if (f.t06) sets.push({ where: '六、一般公共预算基本支出', base: f.t06.total, parts: [{ label: '人员经费', part: f.t06.personnel }, { label: '公用经费', part: f.t06.publicCost }] });

  const d = ctx.style.pctDecimals;
  const out: Finding[] = [];
  for (const set of sets) {
    if (set.base.scaled === 0) continue;
    const units = set.parts.map((p) => pctUnits(p.part.scaled, set.base.scaled, d)!);
    const sum = units.reduce((a, u) => a + u, 0n);
    const hundred = 100n * 10n ** BigInt(d);
    const k = units.filter((u) => u !== 0n).length;
    const verdict = classifyDelta(Number(sum - hundred), k, true);
    if (verdict.kind === 'pass') continue;
    const shown = set.parts.map((p) => `${p.label} ${ctx.pct(p.part.scaled, set.base.scaled)}%`).join(' + ');
    out.push(finding({
      rule: 'N.share',
      severity: verdict.kind === 'tail' ? 'info' : 'warning',
      at: set.base.ref,
      related: set.parts.map((p) => p.part.ref),
      expected: 100,
      actual: Number(pctText(sum, ctx.style)),
      message:
        `情况说明“${set.where}”各项占比之和为 ${pctText(sum, ctx.style)}%（${shown}），不是 100%：` +
        (verdict.kind === 'tail' ? '各占比分别四舍五入所致（尾差），按惯例不作调整' : '超出四舍五入可能的范围，请核对表中各分项与合计'),
    }));
  }
  return out;
}
