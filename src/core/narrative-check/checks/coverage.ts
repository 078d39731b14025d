/** Every 三公 item and the 机关运行经费 must be stated when the table shows money for them. */
import type { Claim } from '../classify';
import type { Paragraph } from '../document';
import type { Sources } from '../sources';
import type { NarrativeIssue } from '../types';
import { num, show } from './compare';
import { issue } from './location';

const SANGONG: { q: string; name: string; re: RegExp }[] = [
  { q: 'sg.total', name: '“三公”经费合计', re: /[“"]?三公[”"]?经费/ },
  { q: 'sg.abroad', name: '因公出国（境）费', re: /出国[（(]境[）)]费/ },
  { q: 'sg.reception', name: '公务接待费', re: /公务接待费/ },
  { q: 'sg.vehicle', name: '公务用车购置及运行费', re: /公务用车购置及运行(?:维护)?费/ },
  { q: 'sg.running', name: '公务用车运行维护费', re: /公务用车运行(?:维护)?费/ },
  { q: 'sg.purchase', name: '公务用车购置费', re: /公务用车购置费/ },
];
const JGYX = /机关运行经费/;

/** The first paragraph that names the item without stating its amount (the amount was lost there). */
function named(paras: Paragraph[], re: RegExp, keys: string[]): Paragraph | undefined {
  return paras.find((p) => !p.heading && (keys.includes(p.key) || keys.includes(p.parentKey)) && re.test(p.text));
}

export function checkCoverage(paras: Paragraph[], claims: Claim[], src: Sources): NarrativeIssue[] {
  // A pasted paragraph is not the whole 情况说明: omissions are judged on a document with its sections.
  if (paras.filter((p) => p.heading === 1).length < 3) return [];
  const out: NarrativeIssue[] = [];
  const stated = (q: string) => claims.find((c) => c.q === q && c.num && c.kind === 'amount' && !c.prior);
  const running = src.get('sg.running')?.scaled ?? 0;
  const purchase = src.get('sg.purchase')?.scaled ?? 0;
  const items = SANGONG.map((it, i) => ({ ...it, i, claim: stated(it.q) }));
  const sgHeading = paras.find((p) => p.heading && p.key === 'sangong');
  for (const it of items) {
    const f = src.get(it.q);
    if (!f || f.scaled === 0 || it.claim) continue;
    if (it.q === 'sg.vehicle' && (running === 0 || purchase === 0)) continue;
    // Where it would have been: the next item still stated, else the one before, else the section.
    const after = items.find((x) => x.i > it.i && x.claim)?.claim;
    const before = [...items].reverse().find((x) => x.i < it.i && x.claim)?.claim;
    const p = named(paras, it.re, ['sangong']) ?? after?.para ?? before?.para ?? (sgHeading ? paras[Math.min(sgHeading.index, paras.length - 1)] : paras[paras.length - 1]);
    out.push(missing(p, it.name, f, src));
  }
  const j = src.get('jgyx');
  if (j && j.scaled !== 0 && !stated('jgyx')) {
    const h = paras.find((p) => p.heading && p.key === 'jgyx') ?? paras.find((p) => p.heading && p.key === 'other');
    const p = named(paras, JGYX, ['jgyx', 'other']) ?? (h ? paras[Math.min(h.index, paras.length - 1)] : paras[paras.length - 1]);
    out.push(missing(p, '机关运行经费', j, src));
  }
  return out;
}

function missing(p: Paragraph, name: string, f: { label: string; scaled: number; decimals: number; refs: { sheet: string; cell: string }[]; source: string }, src: Sources): NarrativeIssue {
  return issue(
    'N.text.missing',
    'error',
    { paragraph: p.index, section: p.section, quote: p.text, text: '' },
    `情况说明没有写明${name}：${f.label}为${show(f.scaled, f.decimals, src.ctx.style.trim)}万元（${f.source}），应逐项说明`,
    { related: f.refs, expected: num(f.scaled), actual: null },
  );
}
