/**
 * Years against the workbook's year Y: “与2023年相比”, “比2023年” and “2023年期末” speak of Y−1,
 * every other year of Y. Last year's document edited into this year's leaves Y−1 (or Y−2) behind.
 * Years inside a project's name (2024年文明创建费用) are names, not dates.
 */
import type { Claim } from '../classify';
import type { Paragraph } from '../document';
import { findYears } from '../numbers';
import type { Sources } from '../sources';
import type { NarrativeIssue } from '../types';
import { compareAmount } from './compare';
import { issue, placeAt } from './location';

export function checkYears(paras: Paragraph[], claims: Claim[], src: Sources): NarrativeIssue[] {
  const Y = src.year;
  if (Y === undefined) return [];
  const out: NarrativeIssue[] = [];
  for (const p of paras) {
    const text = p.text;
    const inName = nameSpans(text, src.projectNames);
    for (const y of findYears(text)) {
      if (inName.some(([a, b]) => y.start >= a && y.end <= b)) continue;
      const before = text.slice(Math.max(0, y.start - 3), y.start).replace(/\s/g, '');
      const after = text.slice(y.end, y.end + 4).replace(/\s/g, '');
      const lastYear = /[与比较同]$|对比$|截至$|截止$|至$/.test(before) || /^(期末|末|底|12月)/.test(after);
      const want = lastYear ? Y - 1 : Y;
      if (y.year === want) continue;
      // “2023年预算数为188.3万元”: a figure of last year, stated as such and right.
      if (!lastYear && y.year === Y - 1 && statesPrior(y.end, p, claims, src)) continue;
      const why = lastYear ? (/^(期末|末|底)/.test(after) ? '期末数应为上一年末' : '比较的应是上一年') : '本年预算应写预算年度';
      out.push(
        issue('N.text.year', 'error', placeAt(p, y.start, y.text), `第${p.index}段“${y.text}”：本工作簿为${Y}年预算，${why}，应为${want}年`, { expected: want, actual: y.year }),
      );
    }
  }
  return out;
}

function statesPrior(from: number, p: Paragraph, claims: Claim[], src: Sources): boolean {
  const next = claims.find((c) => c.para === p && c.start >= from && c.num);
  if (!next || next.kind !== 'amount' || !next.prior || !next.q) return false;
  const f = src.get(next.q);
  if (!f?.prior) return false;
  const n = next.num!;
  return compareAmount(n.scaled, n.decimals, f.prior.scaled, f.prior.decimals) !== 'differs' && compareAmount(n.scaled, n.decimals, f.scaled, f.decimals) === 'differs';
}

function nameSpans(text: string, names: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of names) {
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) out.push([i, i + n.length]);
  }
  return out;
}
