/**
 * （一）机关运行经费支出情况 (narrative.md §2.9(一)). The 公用经费 of the basic budget of the 机关
 * part: T06 rows whose 政府 code is 502xx/503xx; none for a non-参公 事业单位.
 */
import type { Ctx } from '../../context';
import type { Facts } from '../../facts';
import type { UnitType } from '../../labels';
import type { NarrativeSection } from '../../types';
import { reasonClause, section, yoyInput } from '../common';

export const HEADING_JGYX = '（一）机关运行经费支出情况';

const isJiguanGov = (gov?: string) => !!gov && (gov.startsWith('502') || gov.startsWith('503'));
/** 事业 项 of T05 (used only when T06 has no 政府 codes): 事业运行, 事业单位离退休, 事业单位医疗. */
const isShiyeItem = (code: string) => code.endsWith('50') && code.length === 7 || code === '2080502' || code === '2101102';

export type Jgyx =
  | { kind: 'shiye' }
  /** how: which derivation gave the amount (for messages). */
  | { kind: 'amount'; scaled: number; how: string }
  | { kind: 'unknown' };

/** The derivation of narrative.md §2.9(一) steps 1–3. */
export function deriveJgyx(facts: Facts, unitType: UnitType | undefined): Jgyx {
  const t6 = facts.t06;
  const withGov = t6?.rows.filter((r) => r.gov) ?? [];
  const jiguan = withGov.filter((r) => isJiguanGov(r.gov));
  if (t6 && withGov.length) {
    if (!jiguan.length && (unitType === '事业单位' || (!unitType && withGov.every((r) => r.gov!.startsWith('505') || r.gov!.startsWith('509'))))) {
      return { kind: 'shiye' };
    }
    const publicRows = t6.rows.filter((r) => r.publicCost.scaled !== 0);
    if (publicRows.length && publicRows.every((r) => isJiguanGov(r.gov))) {
      return { kind: 'amount', scaled: t6.publicCost.scaled, how: '表6公用经费合计（公用经费全部为502/503科目）' };
    }
    return { kind: 'amount', scaled: jiguan.reduce((a, r) => a + r.publicCost.scaled, 0), how: '表6中政府经济分类502/503科目的公用经费之和' };
  }
  if (unitType === '事业单位') return { kind: 'shiye' };
  const t5 = facts.t05;
  if (t5) {
    const sum = t5.leaves.filter((l) => !isShiyeItem(l.code)).reduce((a, l) => a + l.goods.scaled + l.capital.scaled + l.publicCost.scaled, 0);
    return { kind: 'amount', scaled: sum, how: '表5非事业类项目的商品和服务支出、资本性支出（公用经费）之和' };
  }
  return { kind: 'unknown' };
}

export function jgyxSection(ctx: Ctx): NarrativeSection[] {
  const s = ctx.sp;
  const j = deriveJgyx(ctx.facts, ctx.unitType);
  if (j.kind === 'shiye') {
    const text = `${ctx.dept}${s}${ctx.Y}${s}年机关运行经费支出预算${s}${ctx.amt(0)}${s}万元。主要是机关运行经费为行政单位、参照公务员事业单位专用支出科目，本单位为非参照公务员事业单位，无该项支出。`;
    return [section(ctx, HEADING_JGYX, 2, [text])];
  }
  const amount = j.kind === 'amount' ? ctx.amt(j.scaled) : ctx.needTable('T06', '机关运行经费');
  const y = yoyInput(ctx, j.kind === 'amount' ? j.scaled : undefined, 'priorJgyx');
  const vs = y.change?.kind === 'same' ? `与${s}${ctx.Y1}${s}年持平` : `比${s}${ctx.Y1}${s}年${y.text}`;
  const text =
    `${ctx.dept}${s}${ctx.Y}${s}年机关运行经费支出预算${s}${amount}${s}万元，主要保障机构正常运转及正常履职需要，` +
    `${vs}${reasonClause(ctx, y, '，主要原因：', 'reasonJgyx')}。`;
  return [section(ctx, HEADING_JGYX, 2, [text])];
}
