/**
 * What each number claims: the quantity (by the nearest label before it in its clause, read in the
 * light of the section; a number with no label of its own continues the subject of the number before
 * it in the paragraph), the year (本年 / 上年) and the kind — amount, change (增减额), rate (增减幅度),
 * share (占比) or count. Also the numberless claims 持平 / 无增减变动.
 */
import type { Paragraph, SectionKey } from './document';
import { sentenceAt, sentencesOf } from './document';
import type { TextNumber } from './numbers';
import { findNumbers, findYears } from './numbers';
import type { Sources } from './sources';

export type ClaimKind = 'amount' | 'change' | 'rate' | 'share' | 'count' | 'same' | 'threshold';
export type Direction = 'up' | 'down';

export interface Claim {
  para: Paragraph;
  /** The number (absent for 持平 / 无增减变动). */
  num?: TextNumber;
  /** The words of a numberless claim. */
  word?: string;
  start: number;
  end: number;
  /** Quantity id (see sources.ts); undefined when no label applies. */
  q?: string;
  /** The label text that gave q. */
  label?: string;
  kind: ClaimKind;
  dir?: Direction;
  /** The direction word as written and where. */
  dirWord?: string;
  prior: boolean;
  /** The sentence (quote). */
  quote: string;
  sentenceStart: number;
}

type Resolve = string | ((key: SectionKey, parent: SectionKey) => string | undefined);

interface Label {
  re: RegExp;
  q: Resolve;
}

const inGpb = (k: SectionKey, p: SectionKey) => p === 'gpb' || k.startsWith('gpb');
const lbl = (src: string, q: Resolve): Label => ({ re: new RegExp(src, 'g'), q });
const only = (keys: SectionKey[], q: string) => (k: SectionKey, p: SectionKey) => (keys.includes(k) || keys.includes(p) ? q : undefined);

/** Labels; when two end at the same place the longer wins. */
const LABELS: Label[] = [
  lbl('收入总计', 'incomeTotal'),
  lbl('支出总计', 'expenseTotal'),
  lbl('收[、，]?支总计|收支总额', 'incomeTotal'),
  lbl('本年收入合计|收入合计', 'currentIncome'),
  lbl('收入(?=[ ]*(?:增加|减少|增长|下降|持平|无增减|与|比|较))', only(['total'], 'incomeTotal')),
  lbl('支出(?=[ ]*(?:增加|减少|增长|下降|持平|无增减|与|比|较))', only(['total'], 'expenseTotal')),
  lbl('一般公共预算(?:收入|拨款收入|拨款|财政拨款收入)?', (k, p) => (k === 'fiscal' ? 't04.gpb' : inGpb(k, p) ? 't05.total' : k === 'basic' ? 't06.total' : 'income:一般公共预算')),
  lbl('一般公共预算收支预算|一般公共预算收支', 't04.gpb'),
  lbl('一般公共预算支出(?:年初预算|预算)?', (k) => (k === 'basic' ? 't06.total' : 't05.total')),
  lbl('一般公共预算基本支出(?:年初预算|预算)?', 't06.total'),
  lbl('政府性基金(?:预算)?(?:拨款)?收入', 'income:政府性基金'),
  lbl('政府性基金收支预算', 't04.fund'),
  lbl('政府性基金(?:预算)?(?:支出)?', (k) => (k === 'income' ? 'income:政府性基金' : k === 'fiscal' ? 't04.fund' : 't09.total')),
  lbl('国有资本经营(?:预算)?(?:拨款)?收入', 'income:国有资本经营'),
  lbl('国有资本经营收支预算', 't04.stateCapital'),
  lbl('国有资本经营(?:预算)?(?:支出)?', (k) => (k === 'income' ? 'income:国有资本经营' : k === 'fiscal' ? 't04.stateCapital' : 't13.total')),
  lbl('财政专户管理资金(?:收入)?', 'income:财政专户管理资金'),
  lbl('事业收入', 'income:事业收入'),
  lbl('事业单位经营收入', 'income:事业单位经营收入'),
  lbl('上级补助收入', 'income:上级补助收入'),
  lbl('附属单位上缴收入', 'income:附属单位上缴收入'),
  lbl('其他收入', 'income:其他收入'),
  lbl('上年结转结余|上年结转', 'income:上年结转结余'),
  lbl('支出合计|支出总额', 't03.total'),
  lbl('纳入预算绩效管理的支出总额', 't03.total'),
  lbl('基本支出', (k, p) => (k === 'basic' ? 't06.total' : inGpb(k, p) ? 't05.basic' : 't03.basic')),
  lbl('项目支出', (k, p) => (k === 'performance' ? 't10.total' : inGpb(k, p) ? 't05.project' : 't03.project')),
  lbl('人员经费(?:支出)?', 't06.personnel'),
  lbl('公用经费(?:支出)?', 't06.publicCost'),
  lbl('[“"]?三公[”"]?经费(?:预算|支出)?', 'sg.total'),
  lbl('因公出国[（(]境[）)]费用?|出国[（(]境[）)]费用?', 'sg.abroad'),
  lbl('公务接待费', 'sg.reception'),
  lbl('公务用车购置及运行(?:维护)?费', 'sg.vehicle'),
  lbl('公务用车运行(?:维护)?费', 'sg.running'),
  lbl('公务用车购置费?', 'sg.purchase'),
  lbl('机关运行经费', 'jgyx'),
  lbl('政府采购(?:预算)?(?:安排)?', 'proc.total'),
  lbl('(?:政府采购)?货物(?:预算)?', only(['procurement'], 'proc.goods')),
  lbl('(?:政府采购)?工程(?:预算)?', only(['procurement'], 'proc.works')),
  lbl('(?:政府采购)?服务(?:预算)?', only(['procurement'], 'proc.services')),
  lbl('涉及项目|项目个数|项目数', only(['performance'], 't10.count')),
  lbl('填报绩效目标的(?:预算)?项目', 't12.count'),
  lbl('公开绩效目标(?:项目)?', 'perf.published'),
  lbl('公开项目占全部(?:预算)?项目', 'perf.published'),
  lbl('公开填报绩效目标的项目预算', 'perf.money'),
  lbl('占全部项目预算', 'perf.money'),
  lbl('选取了?', only(['key-projects'], 'key.count')),
  lbl('项目金额', only(['key-projects'], 'key.amount')),
  lbl('共有车辆|车辆(?:总数|合计)?', 'car.total'),
  lbl('一般公务用车', 'car.general'),
  lbl('(?:一般)?执法执勤用车', 'car.law'),
  lbl('特种专业技术用车', 'car.special'),
  lbl('其他用车', 'car.other'),
  lbl('通用设备', 'equip.general'),
  lbl('专用设备', 'equip.special'),
  lbl('专项转移支付项目', 'transfer.count'),
];

const DIR_WORDS = /(增加|增长|上升|提高|增|减少|下降|降低|减)了?[ ]*$/;
const UP = /^(增加|增长|上升|提高|增)/;
const SAME = /持平|无增减变动|无增减|没有变化|无变化/g;

interface Found {
  q?: string;
  label: string;
  end: number;
}

/** The label closest before `end` in text[from, end). */
function labelIn(text: string, from: number, end: number, p: Paragraph, src: Sources): Found | undefined {
  const window = text.slice(from, end);
  let best: Found | undefined;
  let bestLen = 0;
  const consider = (q: string | undefined, label: string, at: number) => {
    const e = from + at + label.length;
    if (!best || e > best.end || (e === best.end && label.length > bestLen)) {
      best = { q, label, end: e };
      bestLen = label.length;
    }
  };
  for (const l of LABELS) {
    l.re.lastIndex = 0;
    for (const m of window.matchAll(l.re)) {
      const q = typeof l.q === 'string' ? l.q : l.q(p.key, p.parentKey);
      if (q) consider(q, m[0], m.index!);
    }
  }
  // 类: "一般公共服务（类）支出" (五(二), 八); 项: "…（款）行政运行（项）" (五(三)).
  for (const m of window.matchAll(/([^：；，。、\d\s.]+?)[（(]类[）)](?:支出)?/g)) {
    const fund = p.key === 'fund' || p.parentKey === 'fund';
    const code = src.leiByName(m[1], fund);
    consider(code ? `${fund ? 'lei9' : 'lei'}:${code}` : 'lei:?', m[0], m.index!);
  }
  for (const m of window.matchAll(/[（(]项[）)]/g)) {
    const before = window.slice(0, m.index!);
    const cut = Math.max(before.lastIndexOf('（款）'), before.lastIndexOf('(款)'), before.lastIndexOf('（类）'), before.lastIndexOf('(类)'));
    const name = (cut >= 0 ? before.slice(cut + 3) : before.replace(/^.*[\d.、．\s]/, '')).trim();
    let kuan: string | undefined;
    if (cut >= 0 && /[（(]款[）)]$/.test(before.slice(0, cut + 3))) {
      const k0 = before.slice(0, cut);
      const c2 = Math.max(k0.lastIndexOf('（类）'), k0.lastIndexOf('(类)'));
      kuan = c2 >= 0 ? k0.slice(c2 + 3) : undefined;
    }
    const code = src.leafByName(name, kuan);
    consider(code ? `leaf:${code}` : 'leaf:?', before.slice(cut >= 0 ? cut + 3 : 0) + m[0], cut >= 0 ? cut + 3 : 0);
  }
  for (const m of window.matchAll(/(?<!\d)(2\d{6})(?!\d)/g)) {
    if (src.leafCodes.has(m[1])) consider(`leaf:${m[1]}`, m[0], m.index!);
  }
  return best;
}

export function classifyParagraph(p: Paragraph, src: Sources): Claim[] {
  if (p.heading) return [];
  const text = p.text;
  const sentences = sentencesOf(text);
  const years = findYears(text);
  type Ev = { start: number; end: number; num?: TextNumber; word?: string };
  const events: Ev[] = findNumbers(text).map((n) => ({ start: n.start, end: n.end, num: n }));
  for (const m of text.matchAll(SAME)) events.push({ start: m.index!, end: m.index! + m[0].length, word: m[0] });
  events.sort((a, b) => a.start - b.start);

  const out: Claim[] = [];
  let subject: Found | undefined;
  let prevEnd = 0;
  for (const ev of events) {
    const s = sentenceAt(sentences, ev.start);
    const found = labelIn(text, prevEnd, ev.start, p, src);
    if (found) subject = found;
    const before = text.slice(prevEnd, ev.start);
    const from = prevEnd;
    const base: Omit<Claim, 'kind'> = {
      para: p,
      num: ev.num,
      word: ev.word,
      start: ev.start,
      end: ev.end,
      q: subject?.q,
      label: subject?.label,
      prior: false,
      quote: s.text,
      sentenceStart: s.start,
    };
    prevEnd = ev.end;
    if (ev.word) {
      // “持平，无增减变动” is one claim.
      const last = out[out.length - 1];
      if (last?.kind === 'same' && last.para === p && /^[，,、\s]*$/.test(before)) continue;
      out.push({ ...base, kind: 'same' });
      continue;
    }
    const n = ev.num!;
    const dm = DIR_WORDS.exec(before);
    const after = text.slice(ev.end, ev.end + 4);
    if (n.unit === 'amount' && /^以上|^以下/.test(after) && /单价|价值|标准/.test(before)) {
      out.push({ ...base, q: undefined, label: undefined, kind: 'threshold' });
      continue;
    }
    let kind: Claim['kind'];
    if (n.unit === 'percent') kind = dm ? 'rate' : /幅度|增幅|降幅|增长率|比例为?$/.test(before.trim()) && !/占/.test(before) ? 'rate' : 'share';
    else if (n.unit === 'count') kind = 'count';
    else kind = dm ? 'change' : 'amount';
    const dir: Direction | undefined = dm ? (UP.test(dm[1]) ? 'up' : 'down') : undefined;
    // The year the amount is of: 上年 words, or last year's number outside a comparison (与2023年相比).
    let prior = /上年|上一年|去年/.test(before.replace(/上年结转/g, ''));
    if (kind === 'amount' && src.year !== undefined) {
      // The year written in this number's own clause: “比2023年的188.3万元” is last year's figure.
      const y = [...years].reverse().find((x) => x.end <= ev.start && x.start >= Math.max(from, s.start));
      if (y && y.year === src.year - 1 && !/^\s*(期末|末|底|12月)/.test(text.slice(y.end, y.end + 4))) prior = true;
    }
    const claim: Claim = { ...base, kind, dir, dirWord: dm?.[1], prior };
    out.push(claim);
  }
  return out;
}
