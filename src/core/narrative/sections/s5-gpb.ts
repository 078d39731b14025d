/**
 * 五、一般公共预算支出（预算）情况说明 (narrative.md §2.5). 平顶山: (一) scale and change,
 * (二) structure by 类, (三) one paragraph per 项 row of T05. 济源: one paragraph, no change.
 */
import type { Ctx } from '../context';
import type { FuncLeaf } from '../facts';
import { funcName } from '../func-names';
import { LIST, normLabel } from '../labels';
import { listNum, listText } from '../inputs';
import { cleanReason } from '../format';
import type { ListRow } from '../params';
import type { NarrativeSection } from '../types';
import { reasonClause, section, stripZhichu, v, yoyInput } from './common';

export const HEADING_5 = { pds: '五、一般公共预算支出情况说明', jy: '五、一般公共预算支出预算情况说明' };
export const HEADING_5_1 = '（一）一般公共预算当年预算规模变化情况';
export const HEADING_5_2 = '（二）结构情况';
export const HEADING_5_3 = '（三）一般公共预算支出具体使用情况';

export function gpbSection(ctx: Ctx): NarrativeSection[] {
  const t = ctx.facts.t05;
  const s = ctx.sp;
  const total = ctx.amtOf(t?.total, 'T05', '一般公共预算支出合计');
  const split =
    `其中：基本支出${s}${ctx.amtOf(t?.basic, 'T05', '一般公共预算基本支出')}${s}万元，占${s}${share(ctx, t?.basic.scaled)}%；` +
    `项目支出${s}${ctx.amtOf(t?.project, 'T05', '一般公共预算项目支出')}${s}万元，占${s}${share(ctx, t?.project.scaled)}%。`;

  if (ctx.profile === 'jy') {
    return [section(ctx, HEADING_5.jy, 1, [`${ctx.dept}${s}${ctx.Y}${s}年一般公共预算支出年初预算为${s}${total}${s}万元。${split}`])];
  }

  const y = yoyInput(ctx, v(t?.total), 'priorGpb');
  const scale =
    `${ctx.dept}${ctx.Y}年一般公共预算支出年初预算为${total}万元。` +
    `与${ctx.Y1}年预算相比，${y.change?.kind === 'same' ? '无增减变动' : y.text}${reasonClause(ctx, y, '，主要是', 'reasonGpb', 'reasonTotal')}。${split}`;

  return [
    section(ctx, HEADING_5.pds, 1, []),
    section(ctx, HEADING_5_1, 2, [scale]),
    section(ctx, HEADING_5_2, 2, [structure(ctx, total)]),
    section(ctx, HEADING_5_3, 2, items(ctx)),
  ];
}

function share(ctx: Ctx, part: number | undefined): string {
  const t = ctx.facts.t05;
  return t && part !== undefined ? ctx.pct(part, t.total.scaled) : ctx.needTable('T05', '一般公共预算支出占比');
}

/** Sum of the leaves by 类, ascending 类 code, non-zero only. */
export function byLei(leaves: FuncLeaf[]): { lei: string; scaled: number }[] {
  const sums = new Map<string, number>();
  for (const l of leaves) sums.set(l.lei, (sums.get(l.lei) ?? 0) + l.total.scaled);
  return [...sums.entries()]
    .filter(([, x]) => x !== 0)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([lei, scaled]) => ({ lei, scaled }));
}

/** 类 name: the code dictionary, else T01's expense label for that 类, else a placeholder. */
export function leiName(ctx: Ctx, lei: string): string {
  const known = funcName(lei, ctx.catalog);
  if (known) return known;
  const line = ctx.book.tables.T01?.kind === 'lines' ? ctx.book.tables.T01.expense.find((l) => l.lei === lei) : undefined;
  const label = line?.label.text.replace(/^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]\s*/, '').trim();
  if (label) return /支出$/.test(label) ? label : `${label}支出`;
  return ctx.need(`${lei}类名称`, '', `科目 ${lei} 的类名称不在内置科目表中，情况说明中暂以【请填写${lei}类名称】占位`, 'N.source-missing');
}

function kuanName(ctx: Ctx, code5: string): string {
  return funcName(code5, ctx.catalog) ?? ctx.need(`${code5}款名称`, '', `科目 ${code5} 的款名称不在内置科目表中，情况说明中暂以【请填写${code5}款名称】占位`, 'N.source-missing');
}

/** (二): "一般公共服务（类）支出117.5万元，占78.5%；…". */
export function structure(ctx: Ctx, total: string): string {
  const t = ctx.facts.t05;
  const head = `${ctx.Y}年一般公共预算支出年初预算为${total}万元。`;
  if (!t) return head;
  const parts = byLei(t.leaves).map((c) => `${stripZhichu(leiName(ctx, c.lei))}（类）支出${ctx.amt(c.scaled)}万元，占${ctx.pct(c.scaled, t.total.scaled)}%`);
  return parts.length ? `${head}主要用于以下方面：${parts.join('；')}。` : head;
}

/** The 分项上年数 row of a 项 code. */
export function itemRow(ctx: Ctx, code: string): ListRow | undefined {
  const col = normLabel(LIST.items.columns[0]);
  return ctx.params?.items?.rows.find((r) => normCode(r.cells[col]?.value) === code);
}

export function normCode(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).normalize('NFKC').replace(/\s/g, '');
}

/** (三): one numbered paragraph per 项 row of T05, in table order. */
function items(ctx: Ctx): string[] {
  const t = ctx.facts.t05;
  if (!t) return [ctx.needTable('T05', '一般公共预算支出明细')];
  const [cPrior, cReason] = [LIST.items.columns[3], LIST.items.columns[4]].map(normLabel);
  return t.leaves.map((leaf, i) => {
    const kuan = leaf.kuan ? `${kuanName(ctx, leaf.code.slice(0, 5))}（款）` : '';
    const xiang = leaf.code.length > 5 ? `${leaf.name}（项）` : '';
    const head = `${i + 1}. ${leiName(ctx, leaf.lei)}（类）${kuan}${xiang}。${ctx.Y}年预算数为${ctx.amt(leaf.total.scaled)}万元，与${ctx.Y1}年预算相比，`;
    const row = itemRow(ctx, leaf.code);
    const what = `${leaf.code} ${leaf.name}`;
    const prior = listNum(row?.cells[cPrior]);
    if (prior.state !== 'ok') {
      const cell = row?.cells[cPrior]?.cell ?? '';
      return `${head}${ctx.need(`${what}上年预算数`, cell)}。`;
    }
    const change = ctx.change(leaf.total.scaled, prior.scaled);
    if (change.kind === 'same') return `${head}无增减变动。`;
    const r = listText(row?.cells[cReason]);
    const why = r ? cleanReason(r) : ctx.need(`${what}变动原因`, row?.cells[cReason]?.cell ?? '');
    return `${head}${ctx.changeText(change)}，主要是${why}。`;
  });
}
