/** Building blocks shared by the section modules. */
import type { Ctx } from '../context';
import type { Val } from '../facts';
import type { Change } from '../format';
import { cleanReason } from '../format';
import type { LabelKey } from '../labels';
import { L } from '../labels';
import { cellOf } from '../inputs';
import type { NarrativeSection } from '../types';

export function section(ctx: Ctx, heading: string, level: 1 | 2, paragraphs: string[]): NarrativeSection {
  return { heading, level, paragraphs: paragraphs.map((p) => ctx.tidy(p)) };
}

export type Yoy = { change: Change; text: string } | { change?: undefined; text: string };

/**
 * The change of `cur` against the prior-year input `priorKey`: a phrase, or the input's placeholder
 * when the prior (or the current value) is unknown.
 */
export function yoyInput(ctx: Ctx, cur: number | undefined, priorKey: LabelKey, fallbackKey?: LabelKey): Yoy {
  const prior = ctx.num(priorKey) ?? (fallbackKey ? ctx.num(fallbackKey) : undefined);
  // Both blank: the placeholder names this slot's own input (支出 asks for 上年支出总计, not 上年收入总计);
  // its finding says that filling the base input is enough.
  if (!prior) return { text: fallbackKey ? needWithFallback(ctx, priorKey, fallbackKey) : ctx.needInput(priorKey) };
  if (cur === undefined) return { text: ctx.need('增减变动情况', '', '本年数所在的表缺失，增减变动无法计算，暂以【请填写增减变动情况】占位', 'N.source-missing') };
  const change = ctx.change(cur, prior.scaled);
  return { change, text: ctx.changeText(change) };
}

function needWithFallback(ctx: Ctx, key: LabelKey, fallback: LabelKey): string {
  const what = L[key];
  return ctx.need(what, cellOf(ctx.params, key), `情况说明缺少“${what}”，正文中暂以【请填写${what}】占位：请在说明参数表中填写（留空时按“${L[fallback]}”计算）`);
}

/** A reason input (first non-blank of the keys), or the placeholder of the last key (the default of the others). */
export function reason(ctx: Ctx, ...keys: LabelKey[]): string {
  for (const k of keys) {
    const t = ctx.text(k);
    if (t) return cleanReason(t);
  }
  return ctx.needInput(keys[keys.length - 1]);
}

/**
 * "，主要原因：R" after a change. Nothing when the amount did not change, nor while the change is
 * unknown (the prior-year placeholder already asks; the reason is asked once the change is known).
 */
export function reasonClause(ctx: Ctx, y: Yoy, prefix: string, ...keys: LabelKey[]): string {
  if (!y.change || y.change.kind === 'same') return '';
  return `${prefix}${reason(ctx, ...keys)}`;
}

export function v(x: Val | undefined): number | undefined {
  return x?.scaled;
}

/** "一般公共服务支出" → "一般公共服务". */
export function stripZhichu(name: string): string {
  return name.replace(/支出$/, '');
}
