/**
 * N.procurement-split (rules.md 109): 货物 + 工程 + 服务 = 政府采购合计 (error beyond rounding), and
 * the split agrees with what T14's 采购目录 says each item is (warning).
 */
import type { Finding } from '../../report';
import { checkSum, classifyDelta, severityOf } from '../../tolerance';
import type { Ctx } from '../context';
import { procurementKind, SPLIT_KEYS, suggestedSplit } from '../sections/other/procurement';
import { finding, num, paramRef } from './shared';

export function checkProcurementSplit(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const t14 = ctx.facts.t14;
  const typedTotal = ctx.num('procTotal');
  const dec = ctx.style.amountDecimals;
  if (t14 && typedTotal && typedTotal.scaled !== t14.total.scaled) {
    out.push(finding({
      rule: 'N.procurement-split', severity: 'warning', at: typedTotal.cell, related: [t14.total.ref],
      expected: num(t14.total.scaled), actual: num(typedTotal.scaled),
      message: `说明参数的政府采购合计 ${ctx.amt(typedTotal.scaled)} 与表14合计 ${ctx.amt(t14.total.scaled)} 不一致：情况说明使用表14的合计`,
    }));
  }
  const split = SPLIT_KEYS.map((k) => ({ ...k, n: ctx.num(k.key) }));
  if (split.some((s) => !s.n)) return out;
  const total = t14 ? t14.total : typedTotal ? { scaled: typedTotal.scaled, ref: paramRef(typedTotal.cell) } : undefined;
  if (total) {
    const c = checkSum({ scaled: total.scaled, decimals: dec }, split.map((s) => ({ scaled: s.n!.scaled, decimals: dec })));
    const sev = severityOf(c.verdict, 'error');
    if (sev) {
      const sum = split.reduce((a, s) => a + s.n!.scaled, 0);
      out.push(finding({
        rule: 'N.procurement-split', severity: sev, at: split[0].n!.cell, related: [total.ref, ...split.slice(1).map((s) => paramRef(s.n!.cell))],
        expected: num(total.scaled), actual: num(sum),
        message: `政府采购货物 ${ctx.amt(split[0].n!.scaled)} + 工程 ${ctx.amt(split[1].n!.scaled)} + 服务 ${ctx.amt(split[2].n!.scaled)} = ${ctx.amt(sum)}，与政府采购合计 ${ctx.amt(total.scaled)} 不符` +
          (sev === 'info' ? '（四舍五入尾差）' : ''),
      }));
    }
  }
  const suggested = suggestedSplit(ctx.facts);
  if (!t14 || !suggested || !t14.items.length) return out;
  const wrong = split.filter((s) => {
    const items = t14.items.filter((i) => procurementKind(i.catalog, i.item) === s.kind);
    const delta = s.n!.scaled - suggested[s.kind];
    const v = classifyDelta(Math.round(delta / 10 ** (6 - dec)), items.length + (s.n!.scaled ? 1 : 0));
    return v.kind !== 'pass' && v.kind !== 'tail';
  });
  if (wrong.length) {
    const should = split.map((s) => `${s.kind} ${ctx.amt(suggested[s.kind])}`).join('、');
    const typed = split.map((s) => `${s.kind} ${ctx.amt(s.n!.scaled)}`).join('、');
    const items = t14.items.map((i) => `${i.item || i.catalog} ${ctx.amt(i.amount.scaled)} 为${procurementKind(i.catalog, i.item)}`).join('，');
    out.push(finding({
      rule: 'N.procurement-split', severity: 'warning', at: wrong[0].n!.cell,
      related: [...wrong.slice(1).map((s) => paramRef(s.n!.cell)), ...t14.items.map((i) => i.ref)],
      expected: num(suggested[wrong[0].kind]), actual: num(wrong[0].n!.scaled),
      message: `政府采购分类填写为${typed}，但按表14的采购目录应为${should}（${items}）`,
    }));
  }
  return out;
}
