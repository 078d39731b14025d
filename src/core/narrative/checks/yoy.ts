/**
 * N.yoy (rules.md 105): changes are computed from the current table value and the prior-year
 * input. Here: a reason written for an amount that did not change (it will not be printed), and
 * 分项上年数 rows whose 本年预算数 no longer matches T05 (the block is out of date).
 */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { cellOf, listNum } from '../inputs';
import type { LabelKey } from '../labels';
import { L, LIST, normLabel } from '../labels';
import { itemRow } from '../sections/s5-gpb';
import { finding, num } from './shared';

export function checkYoy(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const f = ctx.facts;
  const pairs: { cur?: number; prior: LabelKey; reason: LabelKey; what: string }[] = [
    { cur: f.t01?.incomeTotal?.scaled, prior: 'priorIncome', reason: 'reasonTotal', what: '收入总计' },
    { cur: f.t08?.total.scaled, prior: 'priorSgTotal', reason: 'reasonSg', what: '“三公”经费' },
  ];
  for (const p of pairs) {
    const prior = ctx.num(p.prior);
    if (p.cur === undefined || !prior || !ctx.text(p.reason) || p.cur !== prior.scaled) continue;
    out.push(finding({
      rule: 'N.yoy', severity: 'info', at: cellOf(ctx.params, p.reason),
      message: `填写了“${L[p.reason]}”，但${p.what}与上年相同（${ctx.amt(p.cur)} 万元），情况说明写“持平/无增减变动”，不会引用该原因`,
    }));
  }

  if (f.t05) {
    const [, , cCur] = LIST.items.columns.map(normLabel);
    for (const leaf of f.t05.leaves) {
      const row = itemRow(ctx, leaf.code);
      const cur = listNum(row?.cells[cCur]);
      if (!row || cur.state !== 'ok' || cur.scaled === leaf.total.scaled) continue;
      out.push(finding({
        rule: 'N.yoy', severity: 'warning', at: cur.cell, related: [leaf.total.ref],
        expected: num(leaf.total.scaled), actual: num(cur.scaled),
        message: `分项上年数中 ${leaf.code} ${leaf.name} 的本年预算数 ${ctx.amt(cur.scaled)} 与表5的 ${ctx.amt(leaf.total.scaled)} 不一致：表5已修改，请核对该行的上年预算数和变动原因（情况说明按表5的 ${ctx.amt(leaf.total.scaled)} 计算增减）`,
      }));
    }
  }
  return out;
}
