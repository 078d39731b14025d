/**
 * 六、一般公共预算基本支出情况说明 (narrative.md §2.6). Shares of the T06 合计 (basic expenditure,
 * not the department total). 平顶山 lists the T06 names in T06 row order: 301/303 under 人员经费,
 * the rest (302, 310 …) under 公用经费, zero rows included, duplicates once.
 */
import type { Ctx } from '../context';
import type { EconRow } from '../facts';
import type { NarrativeSection } from '../types';
import { section } from './common';

export const HEADING_6 = '六、一般公共预算基本支出情况说明';

export function isPersonnelCode(dept: string): boolean {
  return dept.startsWith('301') || dept.startsWith('303');
}

export function econNames(rows: EconRow[], personnel: boolean): string[] {
  const names: string[] = [];
  for (const r of rows) {
    if (isPersonnelCode(r.dept) !== personnel || !r.deptName) continue;
    if (!names.includes(r.deptName)) names.push(r.deptName);
  }
  return names;
}

export function basicSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t06;
  const s = ctx.sp;
  const share = (part: number | undefined) => (t && part !== undefined ? ctx.pct(part, t.total.scaled) : ctx.needTable('T06', '基本支出占比'));
  const total = ctx.amtOf(t?.total, 'T06', '一般公共预算基本支出合计');
  const personnel = ctx.amtOf(t?.personnel, 'T06', '人员经费');
  const publicCost = ctx.amtOf(t?.publicCost, 'T06', '公用经费');
  const head = `${ctx.dept}${s}${ctx.Y}${s}年一般公共预算基本支出年初预算为${s}${total}${s}万元。其中：`;

  if (ctx.profile === 'jy') {
    const text =
      `${head}人员经费支出${s}${personnel}${s}万元，占${s}${share(t?.personnel.scaled)}%；` +
      `公用经费支出${s}${publicCost}${s}万元，占${s}${share(t?.publicCost.scaled)}%。`;
    return [section(ctx, HEADING_6, 1, [text])];
  }
  const list = (personnelList: boolean) => {
    const names = t ? econNames(t.rows, personnelList) : [];
    return names.length ? `，主要包括：${names.join('、')}` : '';
  };
  return [
    section(ctx, HEADING_6, 1, [
      head,
      `人员经费${personnel}万元，占${share(t?.personnel.scaled)}%${list(true)}；`,
      `公用经费${publicCost}万元，占${share(t?.publicCost.scaled)}%${list(false)}。`,
    ]),
  ];
}
