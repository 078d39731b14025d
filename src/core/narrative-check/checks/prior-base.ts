/**
 * Section 一 (收支总计) and section 四 (一般公共预算) each imply last year's figure (本年 − 增减额).
 * When all of this year's income is 一般公共预算 they may differ only by last year's other income,
 * which the text never states: two different bases are a warning (rules.md N.yoy-sections, G3).
 */
import type { Claim } from '../classify';
import type { Sources } from '../sources';
import type { NarrativeIssue } from '../types';
import { num, show } from './compare';
import { issue, locate } from './location';

export function checkPriorBase(claims: Claim[], src: Sources): NarrativeIssue[] {
  const total = src.get('incomeTotal');
  const gpbIncome = src.get('income:一般公共预算');
  const gpb = src.get('t04.gpb');
  if (!total || !gpb || !gpbIncome || gpbIncome.scaled !== total.scaled) return [];
  const implied = (q: string, cur: number) => {
    const c = claims.find((x) => x.q === q && x.kind === 'change' && x.num && x.dir);
    return c ? { c, prior: cur - (c.dir === 'up' ? c.num!.scaled : -c.num!.scaled) } : undefined;
  };
  const a = implied('incomeTotal', total.scaled);
  const b = implied('t04.gpb', gpb.scaled);
  if (!a || !b || a.prior === b.prior) return [];
  const t = src.ctx.style.trim;
  const d = total.decimals;
  return [
    issue(
      'N.text.prior-base',
      'warning',
      locate(b.c),
      `本年收入全部为一般公共预算，但第${a.c.para.index}段收入总计的增减（${a.c.num!.text}）对应上年 ${show(a.prior, d, t)} 万元，第${b.c.para.index}段一般公共预算的增减（${b.c.num!.text}）对应上年 ${show(b.prior, d, t)} 万元，相差 ${show(Math.abs(a.prior - b.prior), d, t)} 万元，文中未说明上年的其他收入：两个上年数应核对`,
      { related: [...total.refs, ...gpb.refs], expected: num(a.prior), actual: num(b.prior) },
    ),
  ];
}
