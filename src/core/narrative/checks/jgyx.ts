/**
 * N.jgyx (rules.md 112): 机关运行经费 follows from the unit type and T06's 政府经济分类 codes; a
 * unit type that contradicts the codes would print the wrong amount or sentence.
 */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { cellOf } from '../inputs';
import { deriveJgyx } from '../sections/other/jgyx';
import { finding, num } from './shared';

export function checkJgyx(ctx: Ctx): Finding[] {
  const unit = ctx.unitType;
  const t6 = ctx.facts.t06;
  if (!unit || !t6) return [];
  const jiguan = t6.rows.filter((r) => r.gov && (r.gov.startsWith('502') || r.gov.startsWith('503')));
  const jiguanPublic = jiguan.reduce((a, r) => a + r.publicCost.scaled, 0);
  const shiyeOnly = t6.rows.some((r) => r.gov) && t6.rows.every((r) => !r.gov || r.gov.startsWith('505') || r.gov.startsWith('509'));
  const at = cellOf(ctx.params, 'unitType');
  if (unit === '事业单位' && jiguanPublic > 0) {
    const derived = deriveJgyx(ctx.facts, '行政单位');
    return [finding({
      rule: 'N.jgyx', severity: 'warning', at, expected: derived.kind === 'amount' ? num(derived.scaled) : null, actual: 0,
      message: `单位性质填为事业单位（机关运行经费写 0），但表6有政府经济分类 502/503（机关）科目的公用经费 ${ctx.amt(jiguanPublic)} 万元：机关运行经费应为 ${derived.kind === 'amount' ? ctx.amt(derived.scaled) : ctx.amt(jiguanPublic)} 万元，请核对单位性质`,
    })];
  }
  if ((unit === '行政单位' || unit === '参照公务员法管理事业单位') && shiyeOnly) {
    return [finding({
      rule: 'N.jgyx', severity: 'warning', at, expected: '事业单位', actual: unit,
      message: `单位性质填为${unit}，但表6全部为事业单位科目（政府经济分类 505/509），没有机关运行经费科目：请核对单位性质（事业单位的机关运行经费为 0）`,
    })];
  }
  return [];
}
