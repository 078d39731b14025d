/**
 * N.project-count (rules.md 111): project counts in the narrative come from T10; the inputs may not
 * contradict it — no more published targets than T12 projects, 重点项目 must be T10 projects.
 */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { keyProjects } from '../sections/other/key-projects';
import { finding } from './shared';

export function checkProjectCount(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const f = ctx.facts;
  const published = ctx.count('publishedTargets');
  const n12 = f.t12?.projects.length;
  if (published !== undefined && n12 !== undefined && published > n12) {
    out.push(finding({
      rule: 'N.project-count', severity: 'error', at: ctx.num('publishedTargets')?.cell, expected: n12, actual: published,
      message: `公开绩效目标项目数 ${published} 多于表12的项目数 ${n12}：应不超过 ${n12}`,
    }));
  }
  const list = keyProjects(ctx);
  const n10 = f.t10?.projects.length;
  if (n10 !== undefined && list.length > n10) {
    out.push(finding({
      rule: 'N.project-count', severity: 'error', at: ctx.params?.keyProjects?.headerCell, expected: n10, actual: list.length,
      message: `重点项目有 ${list.length} 个，多于表10的项目数 ${n10}`,
    }));
  }
  if (f.t10) {
    for (const p of list.filter((x) => !x.inT10)) {
      out.push(finding({
        rule: 'N.project-count', severity: 'warning', at: p.cell,
        message: `重点项目“${p.name}”不是表10中的项目名称：请按表10填写，项目金额才能从表10取数`,
      }));
    }
  }
  return out;
}
