/**
 * N.yoy-items (rules.md 108): the 分项上年数 block covers exactly the 项 rows of T05, and its prior
 * amounts add up to 上年一般公共预算收支预算 (within the rounding tolerance of rules.md §1).
 */
import type { Finding } from '../../report';
import { checkSum, severityOf } from '../../tolerance';
import type { Ctx } from '../context';
import { listNum, listText } from '../inputs';
import { LIST, normLabel } from '../labels';
import { normCode } from '../sections/s5-gpb';
import { finding, num, paramRef } from './shared';

export function checkYoyItems(ctx: Ctx): Finding[] {
  const t5 = ctx.facts.t05;
  const block = ctx.params?.items;
  if (!t5 || !block || ctx.profile !== 'pds') return [];
  const out: Finding[] = [];
  const [cCode, cName, , cPrior] = LIST.items.columns.map(normLabel);
  const codes = new Set(t5.leaves.map((l) => l.code));
  const rows = block.rows.map((r) => ({ r, code: normCode(r.cells[cCode]?.value) }));
  for (const { r, code } of rows) {
    if (code && !codes.has(code)) {
      out.push(finding({
        rule: 'N.yoy-items', severity: 'warning', at: r.cells[cCode].cell,
        message: `分项上年数中的科目 ${code} ${listText(r.cells[cName]) ?? ''} 不在表5中：该行不会写入情况说明，请删除或改正科目编码`.replace(/ +/g, ' '),
      }));
    }
  }
  for (const leaf of t5.leaves) {
    if (rows.some((x) => x.code === leaf.code)) continue;
    out.push(finding({
      rule: 'N.yoy-items', severity: 'warning', at: block.headerCell, related: [leaf.ref],
      message: `表5的科目 ${leaf.code} ${leaf.name} 在分项上年数中没有对应行：请补一行（科目编码、上年预算数、变动原因）`,
    }));
  }

  const priors = t5.leaves.map((l) => listNum(rows.find((x) => x.code === l.code)?.r.cells[cPrior]));
  const ok = priors.filter((p): p is Extract<typeof p, { state: 'ok' }> => p.state === 'ok');
  const total = ctx.num('priorGpb');
  if (!total || ok.length !== t5.leaves.length) return out;
  const dec = ctx.style.amountDecimals;
  const sum = ok.reduce((a, p) => a + p.scaled, 0);
  const c = checkSum({ scaled: total.scaled, decimals: dec }, ok.map((p) => ({ scaled: p.scaled, decimals: dec })));
  const sev = severityOf(c.verdict, 'error');
  if (sev) {
    out.push(finding({
      rule: 'N.yoy-items', severity: sev, at: total.cell, related: ok.map((p) => paramRef(p.cell)),
      expected: num(sum), actual: num(total.scaled),
      message: `分项上年预算数之和 ${ctx.amt(sum)} 与上年一般公共预算收支预算 ${ctx.amt(total.scaled)} 相差 ${ctx.amt(Math.abs(sum - total.scaled))} 万元` +
        (sev === 'info' ? '（四舍五入尾差）' : '：请核对各项上年数'),
    }));
    return out;
  }
  // Priors agree: the item changes then add up to the total change up to T05's own tail.
  const totalChange = t5.total.scaled - total.scaled;
  const changes = t5.leaves.map((l, i) => ({ scaled: l.total.scaled - ok[i].scaled, decimals: dec }));
  const c2 = checkSum({ scaled: totalChange, decimals: dec }, changes);
  const sev2 = severityOf(c2.verdict, 'error');
  if (sev2) {
    const sumChange = changes.reduce((a, x) => a + x.scaled, 0);
    out.push(finding({
      rule: 'N.yoy-items', severity: sev2, at: t5.total.ref, related: [paramRef(total.cell)],
      expected: num(totalChange), actual: num(sumChange),
      message: `情况说明五（三）各项增减之和 ${ctx.amt(sumChange)} 与五（一）的总增减 ${ctx.amt(totalChange)} 相差 ${ctx.amt(Math.abs(sumChange - totalChange))} 万元` +
        (sev2 === 'info' ? '（表5合计与各项之和的四舍五入尾差）' : '：请核对表5合计与各项'),
    }));
  }
  return out;
}
