/**
 * The edits an accountant makes when last year's document (or ours) is reworked by hand, one per
 * copy, generated from what the checker read in the unedited text: a number changed, a percentage
 * not recomputed, a direction word flipped, last year's year left in, a placeholder left, an
 * empty-table sentence that is no longer true, a 三公 item (or the 机关运行经费) dropped.
 * Each edit says where it must be found: paragraph and, when there is one, the number as written.
 */
import type { NarrativeCheck } from '../../src/core/narrative-check';
import { paragraphsOf } from '../../src/core/narrative-check';
import type { Claim } from '../../src/core/narrative-check/classify';
import { findYears } from '../../src/core/narrative-check/numbers';

export type EditKind = 'number' | 'percentage' | 'direction' | 'year' | 'placeholder' | 'no-data' | 'dropped';

export interface Edit {
  kind: EditKind;
  what: string;
  paragraphs: string[];
  /** Where the finding must be: 1-based paragraph and the text as written ('' = no number). */
  paragraph: number;
  text: string;
  /** Paragraphs were removed: indices after `paragraph` shifted. */
  shifted?: boolean;
}

const replaceAt = (s: string, start: number, end: number, by: string) => s.slice(0, start) + by + s.slice(end);

/** 179.6 → 180.9, 1990.50 → 1991.87, 4 → 5.3, counts + 2; the unit and spacing as written. */
function bump(text: string, count: boolean, pct: boolean): string {
  const m = /^([\d,]+(?:\.(\d+))?)(\s*)(.*)$/.exec(text)!;
  const d = m[2]?.length ?? 0;
  const value = Number(m[1].replace(/,/g, ''));
  if (count) return `${value + 2}${m[3]}${m[4]}`;
  const delta = pct ? (d >= 2 ? 2.71 : d === 1 ? 2.7 : 3) : d >= 2 ? 1.37 : 1.3;
  const out = (value + delta).toFixed(Math.max(d, pct && d === 0 ? 0 : 1));
  return `${out}${m[3]}${m[4]}`;
}

const FLIP: Record<string, string> = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 上升: '下降', 降低: '上升' };

/** At most `max` edits of each kind, evenly spread over the document (keeps the suite fast on long texts). */
export function sample(edits: Edit[], max: number): Edit[] {
  const out: Edit[] = [];
  for (const kind of new Set(edits.map((e) => e.kind))) {
    const all = edits.filter((e) => e.kind === kind);
    const step = Math.max(1, all.length / max);
    for (let i = 0; i < all.length && out.filter((e) => e.kind === kind).length < max; i += step) out.push(all[Math.floor(i)]);
  }
  return out;
}

export function editsOf(text: string, base: NarrativeCheck, year: number): Edit[] {
  const paras = paragraphsOf(text);
  const out: Edit[] = [];
  const edit = (kind: EditKind, what: string, index: number, newPara: string | null, at: string, shifted = false) => {
    const copy = [...paras];
    if (newPara === null) copy.splice(index - 1, 1);
    else copy[index - 1] = newPara;
    out.push({ kind, what, paragraphs: copy, paragraph: index, text: at, shifted });
  };
  // numbers[] lists the numbers in the order of the claims that carry one.
  const withNumber = base.claims.filter((c) => c.num);
  const verdictOf = (c: Claim) => base.numbers[withNumber.indexOf(c)]?.verdict;
  const checked = base.claims.filter((c) => c.num && c.q && c.kind !== 'threshold' && verdictOf(c) === 'matches');
  // The asset standards (单价50万元以上) are numbers an editor can change too.
  for (const c of base.claims.filter((x) => x.kind === 'threshold').slice(0, 2)) {
    const by = bump(c.num!.text, false, false);
    out.push({ kind: 'number', what: `${c.num!.text} → ${by}`, paragraphs: paras.map((p, i) => (i === c.para.index - 1 ? replaceAt(p, c.start, c.end, by) : p)), paragraph: c.para.index, text: by });
  }

  for (const c of checked) {
    const p = paras[c.para.index - 1];
    if (c.kind === 'amount' || c.kind === 'count' || c.kind === 'change') {
      const by = bump(c.num!.text, c.kind === 'count', false);
      edit('number', `${c.num!.text} → ${by}`, c.para.index, replaceAt(p, c.start, c.end, by), by);
    } else if (c.kind === 'share' || c.kind === 'rate') {
      const by = bump(c.num!.text, false, true);
      edit('percentage', `${c.num!.text} → ${by}`, c.para.index, replaceAt(p, c.start, c.end, by), by);
    }
    if ((c.kind === 'change' || c.kind === 'rate') && c.dirWord && FLIP[c.dirWord]) {
      const i = p.lastIndexOf(c.dirWord, c.start);
      if (i >= 0 && c.start - i - c.dirWord.length <= 2) {
        edit('direction', `${c.dirWord}${c.num!.text} → ${FLIP[c.dirWord]}`, c.para.index, replaceAt(p, i, i + c.dirWord.length, FLIP[c.dirWord]), c.num!.text);
        // A placeholder left for the direction: 增加（减少）.
        edit('placeholder', `${c.dirWord} → 增加（减少）`, c.para.index, replaceAt(p, i, i + c.dirWord.length, '增加（减少）'), '增加（减少）');
      }
    }
  }

  // Placeholders where a number was: XX万元 / 【请填写…】.
  const firstByPara = new Map<number, Claim>();
  for (const c of checked) if (!firstByPara.has(c.para.index)) firstByPara.set(c.para.index, c);
  let k = 0;
  for (const c of firstByPara.values()) {
    const p = paras[c.para.index - 1];
    const digits = /^[\d,.]+/.exec(c.num!.text)![0];
    const by = k++ % 2 ? 'XX' : '【请填写金额】';
    edit('placeholder', `${c.num!.text} → ${by}`, c.para.index, replaceAt(p, c.start, c.start + digits.length, by), by);
  }

  // Last year's year left in: this year's 2024 → 2023, last year's 2023 → 2022.
  base.paragraphs.forEach((para) => {
    const y = findYears(para.text)[0];
    if (!y) return;
    const by = y.year === year ? year - 1 : y.year === year - 1 ? year - 2 : undefined;
    if (!by) return;
    const t = y.text.replace(String(y.year), String(by));
    edit('year', `${y.text} → ${t}`, para.index, replaceAt(para.text, y.start, y.end, t), t);
  });

  // An empty-table sentence that is not true: “我部门2024年无政府采购预算。” where there is some.
  const topics: [string, string][] = [
    ['proc.total', '政府采购预算'],
    ['sg.total', '“三公”经费预算'],
    ['jgyx', '机关运行经费支出'],
    ['t09.total', '使用政府性基金预算拨款安排的支出'],
    ['t03.project', '项目支出'],
  ];
  for (const [q, topic] of topics) {
    const c = checked.find((x) => x.q === q && x.kind === 'amount' && x.num!.scaled !== 0);
    if (c) edit('no-data', `${c.para.index}段 → 无${topic}`, c.para.index, `我部门${year}年无${topic}。`, '');
  }

  // A 三公 item or the 机关运行经费 dropped (only those the table shows money for).
  for (const q of ['sg.abroad', 'sg.reception', 'sg.running', 'sg.purchase', 'jgyx']) {
    const c = checked.find((x) => x.q === q && x.kind === 'amount' && x.num!.scaled !== 0);
    if (!c) continue;
    const p = paras[c.para.index - 1];
    const others = checked.filter((x) => x.para === c.para && x.q !== q && x.kind === 'amount' && /^sg\.|^jgyx/.test(x.q!));
    if (!others.length || q === 'sg.abroad' || q === 'sg.reception') {
      edit('dropped', `删去第${c.para.index}段（${q}）`, c.para.index, null, '', true);
    } else {
      // Its clause inside the 公务用车 paragraph: from its label to the end of its clause.
      const from = p.lastIndexOf(c.label!, c.start);
      let to = p.slice(c.end).search(/[；。]/);
      to = to < 0 ? p.length : c.end + to + 1;
      if (from >= 0) edit('dropped', `删去“${p.slice(from, to)}”`, c.para.index, replaceAt(p, from, to, ''), '');
    }
  }
  return out;
}
