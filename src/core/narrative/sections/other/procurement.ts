/**
 * （二）政府采购支出情况 (narrative.md §2.9(二)). The total is T14 合计 (an input where there is no
 * T14, as in the 济源 set); the split 货物/工程/服务 is always an input, pre-filled from the 采购目录.
 */
import type { Ctx } from '../../context';
import type { Facts } from '../../facts';
import type { LabelKey } from '../../labels';
import { L } from '../../labels';
import { cellOf } from '../../inputs';
import type { NarrativeSection } from '../../types';
import { section } from '../common';

export const HEADING_PROCUREMENT = '（二）政府采购支出情况';

export type ProcKind = '货物' | '工程' | '服务';

/** 采购目录 code A/B/C, else the name: …服务 → 服务, …工程 → 工程, else 货物. */
export function procurementKind(catalog: string, item = ''): ProcKind {
  const c = catalog.normalize('NFKC').trim();
  const code = /^([ABC])\d/i.exec(c);
  if (code) return ({ A: '货物', B: '工程', C: '服务' } as const)[code[1].toUpperCase() as 'A' | 'B' | 'C'];
  const name = (c || item).replace(/^[A-Z]?\d+\s*/i, '');
  if (/服务$/.test(name)) return '服务';
  if (/工程/.test(name)) return '工程';
  return '货物';
}

/** The split the T14 items suggest, scaled. */
export function suggestedSplit(facts: Facts): Record<ProcKind, number> | undefined {
  const t = facts.t14;
  if (!t) return undefined;
  const out: Record<ProcKind, number> = { 货物: 0, 工程: 0, 服务: 0 };
  for (const i of t.items) out[procurementKind(i.catalog, i.item)] += i.amount.scaled;
  return out;
}

export const SPLIT_KEYS: { kind: ProcKind; key: LabelKey; label: string }[] = [
  { kind: '货物', key: 'procGoods', label: '政府采购货物预算' },
  { kind: '工程', key: 'procWorks', label: '政府采购工程预算' },
  { kind: '服务', key: 'procServices', label: '政府采购服务预算' },
];

export function procurementTotal(ctx: Ctx): number | undefined {
  return ctx.facts.t14?.total.scaled ?? ctx.num('procTotal')?.scaled;
}

export function procurementSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const total = procurementTotal(ctx);
  const totalText = total !== undefined ? ctx.amt(total) : ctx.needInput('procTotal');
  const suggested = suggestedSplit(ctx.facts);
  const parts = SPLIT_KEYS.map(({ kind, key, label }) => {
    const n = ctx.num(key);
    let text: string;
    if (n) text = ctx.amt(n.scaled);
    else if (total === 0) text = ctx.amt(0);
    else {
      const name = L[key];
      const hint = suggested ? `按表14的采购目录推断为 ${ctx.amt(suggested[kind])} 万元，请核对后填写` : '请填写';
      text = ctx.need(name, cellOf(ctx.params, key), `情况说明缺少“${name}”，正文中暂以【请填写${name}】占位：${hint}`);
    }
    return `${label}${s}${text}${s}万元`;
  });
  const text = `${ctx.Y}${s}年政府采购预算安排${s}${totalText}${s}万元，其中：${parts.join('、')}。`;
  return [section(ctx, HEADING_PROCUREMENT, 2, [text])];
}
