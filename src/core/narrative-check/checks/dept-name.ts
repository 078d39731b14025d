/**
 * The department's name as in the tables (T01 部门名称, or the 说明参数 override). A name that starts
 * like it but reads differently (驻广办事处 for 驻广州办事处) is a warning (rules.md N.dept-name).
 */
import type { Paragraph } from '../document';
import type { Sources } from '../sources';
import type { NarrativeIssue } from '../types';
import { issue, placeAt } from './location';

const STOP = /[\s\d，。；：、,.;:（）()“”"【】]/;

export function checkDeptName(paras: Paragraph[], src: Sources): NarrativeIssue[] {
  const D = src.dept?.replace(/\s/g, '');
  if (!D || D.length < 4) return [];
  const key = D.slice(0, 4);
  const out: NarrativeIssue[] = [];
  for (const p of paras) {
    const text = p.text;
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      let end = i;
      while (end < text.length && !STOP.test(text[end])) end++;
      const run = text.slice(i, end);
      if (run.startsWith(D)) continue;
      const written = nameOf(run, D);
      if (!written || similarity(written, D) < 0.7) continue;
      out.push(issue('N.text.dept-name', 'warning', placeAt(p, i, written), `第${p.index}段部门名称写为“${written}”，表中为“${D}”`, { expected: D, actual: written }));
    }
  }
  return out;
}

/** The name part of a run such as 平顶山市人民政府驻广办事处按要求编制了: up to the last 机构 word. */
function nameOf(run: string, D: string): string | undefined {
  const re = /办事处|办公室|委员会|中心|局|厅|院|所|站|队|会|部|处|委|馆|校|社|团|室|司|署|府/g;
  let best: string | undefined;
  for (const m of run.matchAll(re)) {
    const cand = run.slice(0, m.index! + m[0].length);
    if (cand.length <= D.length + 4) best = cand;
  }
  return best ?? (run.length <= D.length + 4 ? run : undefined);
}

/** Share of D's characters found, in order, in s (LCS / |D|). */
function similarity(s: string, D: string): number {
  const dp = new Array<number>(D.length + 1).fill(0);
  for (const ch of s) {
    let prev = 0;
    for (let j = 1; j <= D.length; j++) {
      const tmp = dp[j];
      dp[j] = ch === D[j - 1] ? prev + 1 : Math.max(dp[j], dp[j - 1]);
      prev = tmp;
    }
  }
  return dp[D.length] / D.length;
}
