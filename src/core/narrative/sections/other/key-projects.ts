/** （四）重点项目预算的绩效目标等情况说明 (平顶山 only; narrative.md §2.9(四)). */
import type { Ctx } from '../../context';
import { LIST, normLabel } from '../../labels';
import { listNum, listText } from '../../inputs';
import type { NarrativeSection } from '../../types';
import { section } from '../common';

export const HEADING_KEY_PROJECTS = '（四）重点项目预算的绩效目标等情况说明';

export interface KeyProject {
  name: string;
  cell: string;
  amountCell: string;
  /** T10 合计 of the project with that name, else the amount typed in the block. */
  scaled?: number;
  inT10: boolean;
  content?: string;
  contentCell: string;
}

export function keyProjects(ctx: Ctx): KeyProject[] {
  const [cName, cAmount, cContent] = LIST.keyProjects.columns.map(normLabel);
  const rows = ctx.params?.keyProjects?.rows ?? [];
  return rows.flatMap((r) => {
    const name = listText(r.cells[cName]);
    if (!name) return [];
    const inT10 = ctx.facts.t10?.projects.filter((p) => normLabel(p.name) === normLabel(name)) ?? [];
    const typed = listNum(r.cells[cAmount]);
    return [{
      name,
      cell: r.cells[cName].cell,
      amountCell: r.cells[cAmount]?.cell ?? '',
      scaled: inT10.length ? inT10.reduce((a, p) => a + p.total.scaled, 0) : typed.state === 'ok' ? typed.scaled : undefined,
      inT10: inT10.length > 0,
      content: listText(r.cells[cContent]),
      contentCell: r.cells[cContent]?.cell ?? '',
    }];
  });
}

export function keyProjectSection(ctx: Ctx): NarrativeSection[] {
  const list = keyProjects(ctx);
  if (!list.length) return [section(ctx, HEADING_KEY_PROJECTS, 2, [`我部门${ctx.Y}年未开展重点项目预算的绩效目标。`])];
  const amounts = list.map((p) => p.scaled);
  const total = amounts.every((x) => x !== undefined)
    ? ctx.amt(amounts.reduce((a: number, x) => a + x!, 0))
    : ctx.need('重点项目金额', list.find((p) => p.scaled === undefined)!.amountCell);
  const contents = list.map((p) => p.content?.replace(/[。；;，,\s]+$/, '') ?? ctx.need(`重点项目“${p.name}”的主要内容`, p.contentCell));
  const text =
    `我部门选取了${ctx.Y}年度${list.length}个项目开展重点项目预算的绩效管理，项目名称是${list.map((p) => p.name).join('、')}，` +
    `项目金额${total}万元，项目主要内容为${contents.join('；')}。`;
  return [section(ctx, HEADING_KEY_PROJECTS, 2, [text])];
}
