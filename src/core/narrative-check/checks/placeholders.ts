/** Template residue: 【请填写…】, XX, ×××, 增加（减少）, “…”, a unit with no number before it. */
import type { Paragraph } from '../document';
import type { NarrativeIssue } from '../types';
import { issue, placeAt } from './location';

const PATTERNS: { re: RegExp; what: string }[] = [
  { re: /【[^】]*】/g, what: '未替换的占位符' },
  { re: /(?<![A-Za-z])[XxＸｘ](?:\.[XxＸｘ]+)?(?=\s*(?:万元|元|%|％|个|辆|项|台|套))/g, what: '模板中的待填符号' },
  { re: /[XxＸｘ]{2,}|×{2,}|✕{2,}|＊{2,}|\*{2,}|○{2,}|□{2,}|某某|_{3,}|＿{2,}/g, what: '模板中的待填符号' },
  { re: /(?:增加|减少|增长|下降|上升|降低|增|减)[（(]\s*(?:增加|减少|增长|下降|上升|降低|增|减)\s*[）)]|(?:增加|增长|增)\s*[/／或]\s*(?:减少|下降|减)/g, what: '未选定的增减用语' },
  { re: /…+|\.{3,}|。{2,}/g, what: '省略号（未写完的内容）' },
  { re: /(?<=[为计约是占额出算排：:]\s*)(?:万元|%|％)/g, what: '缺少数字' },
];

export function checkPlaceholders(paras: Paragraph[]): NarrativeIssue[] {
  const out: NarrativeIssue[] = [];
  for (const p of paras) {
    const seen = new Set<number>();
    for (const { re, what } of PATTERNS) {
      for (const m of p.text.matchAll(re)) {
        if (seen.has(m.index!)) continue;
        seen.add(m.index!);
        out.push(issue('N.text.placeholder', 'error', placeAt(p, m.index!, m[0]), `第${p.index}段有${what}“${m[0]}”，发布前请改为实际内容`, { actual: m[0] }));
      }
    }
  }
  return out;
}
