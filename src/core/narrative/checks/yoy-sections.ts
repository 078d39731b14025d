/**
 * N.yoy-sections (rules.md 107): section 一 (收支总计) and section 四 (一般公共预算) state two
 * changes from two prior-year inputs. When this year's income is entirely 一般公共预算 the two
 * priors may differ only by last year's other income, which the inputs must show.
 */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { cellOf } from '../inputs';
import { finding, num, paramRef } from './shared';

export function checkYoySections(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const income = ctx.num('priorIncome');
  const expense = ctx.num('priorExpense');
  const gpb = ctx.num('priorGpb');
  if (income && expense && income.scaled !== expense.scaled) {
    out.push(finding({
      rule: 'N.yoy-sections', severity: 'warning', at: expense.cell, related: [paramRef(income.cell)],
      expected: num(income.scaled), actual: num(expense.scaled),
      message: `上年支出总计 ${ctx.amt(expense.scaled)} 与上年收入总计 ${ctx.amt(income.scaled)} 不等：部门预算收支平衡，两者应相同（支出总计留空即取收入总计）`,
    }));
  }
  if (!income || !gpb) return out;
  const other = income.scaled - gpb.scaled;
  const fund = ctx.num('priorFund')?.scaled ?? 0;
  const sc = ctx.num('priorStateCapital')?.scaled ?? 0;
  const t01 = ctx.facts.t01;
  const allGpb = !!t01?.incomeTotal && t01.income['一般公共预算']?.scaled === t01.incomeTotal.scaled;
  const cur = t01?.incomeTotal?.scaled;
  const curGpb = ctx.facts.t04?.gpb?.scaled ?? ctx.facts.t05?.total.scaled;
  const phrase = (c: number | undefined, p: number) => (c === undefined ? '' : `（${ctx.changeText(ctx.change(c, p))}）`);
  if (other < 0) {
    out.push(finding({
      rule: 'N.yoy-sections', severity: 'warning', at: gpb.cell, related: [paramRef(income.cell)],
      expected: num(income.scaled), actual: num(gpb.scaled),
      message: `上年一般公共预算收支预算 ${ctx.amt(gpb.scaled)} 大于上年收入总计 ${ctx.amt(income.scaled)}：一般公共预算是收入总计的一部分，请核对两个上年数`,
    }));
  } else if (allGpb && other !== fund + sc) {
    out.push(finding({
      rule: 'N.yoy-sections', severity: 'warning', at: gpb.cell,
      related: [paramRef(income.cell), paramRef(cellOf(ctx.params, 'priorFund')), paramRef(cellOf(ctx.params, 'priorStateCapital'))],
      expected: num(income.scaled - fund - sc), actual: num(gpb.scaled),
      message:
        `本年收入全部为一般公共预算，但上年收入总计 ${ctx.amt(income.scaled)}${phrase(cur, income.scaled)}与上年一般公共预算收支预算 ${ctx.amt(gpb.scaled)}${phrase(curGpb, gpb.scaled)}相差 ${ctx.amt(other)} 万元，` +
        `说明第一部分与第四部分的增减因此不一致；上年政府性基金、国有资本经营收支预算合计只有 ${ctx.amt(fund + sc)} 万元。请核对两个上年数，或填写上年的其他收入`,
    }));
  }
  return out;
}
