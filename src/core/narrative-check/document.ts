/**
 * The document as the reviewer reads it: non-empty paragraphs numbered from 1, headings
 * (一、… level 1, （一）… level 2) and the section every paragraph falls under, and sentences.
 */

export type SectionKey =
  | ''
  | 'total'
  | 'income'
  | 'expense'
  | 'fiscal'
  | 'gpb'
  | 'gpb-scale'
  | 'gpb-structure'
  | 'gpb-items'
  | 'basic'
  | 'sangong'
  | 'fund'
  | 'state-capital'
  | 'other'
  | 'jgyx'
  | 'procurement'
  | 'performance'
  | 'key-projects'
  | 'assets'
  | 'transfer';

export interface Paragraph {
  /** 1-based among the non-empty paragraphs. */
  index: number;
  text: string;
  heading?: 1 | 2;
  /** The heading it falls under, as written ('' before the first heading). */
  section: string;
  /** What that heading is about (the sub-heading when there is one). */
  key: SectionKey;
  /** The level-1 topic (五 for （二）结构情况). */
  parentKey: SectionKey;
}

const CN_NUM = '一二三四五六七八九十';
const H1 = new RegExp(`^[${CN_NUM}]+[、．.]`);
const H2 = new RegExp(`^[（(][${CN_NUM}]+[）)]`);

/** Paragraph texts: one per non-empty line; Markdown marks (#, **, >) dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2029/)
    .map(cleanLine)
    .filter((l) => l !== '');
}

export function cleanLine(line: string): string {
  return line
    .replace(/\*\*/g, '')
    .replace(/^\s*(#{1,6}|>)\s*/, '')
    .replace(/[\s\u3000]+$/, '')
    .replace(/^[\s\u3000]+/, '');
}

/** A heading is short, ends without a full sentence and states no amount. */
export function headingLevel(text: string): 1 | 2 | undefined {
  if (text.length > 40 || /\d\s*(万元|元|%|％|辆|个|项)/.test(text)) return undefined;
  if (/[。；，].+/.test(text)) return undefined;
  if (H1.test(text)) return 1;
  if (H2.test(text)) return 2;
  return undefined;
}

/** The topic of a heading, by its words (numbering differs between wordings). */
export function sectionKeyOf(heading: string): SectionKey {
  const h = heading.replace(/\s/g, '');
  const rules: [RegExp, SectionKey][] = [
    [/三公/, 'sangong'],
    [/机关运行经费/, 'jgyx'],
    [/政府采购/, 'procurement'],
    [/重点项目/, 'key-projects'],
    [/绩效目标|绩效管理/, 'performance'],
    [/国有资产/, 'assets'],
    [/专项转移支付/, 'transfer'],
    [/其他重要事项/, 'other'],
    [/规模变化/, 'gpb-scale'],
    [/结构情况|支出结构/, 'gpb-structure'],
    [/具体使用|使用情况/, 'gpb-items'],
    [/政府性基金/, 'fund'],
    [/国有资本经营/, 'state-capital'],
    [/基本支出/, 'basic'],
    [/财政拨款/, 'fiscal'],
    [/一般公共预算/, 'gpb'],
    [/收入支出|收支/, 'total'],
    [/收入/, 'income'],
    [/支出/, 'expense'],
  ];
  for (const [re, key] of rules) if (re.test(h)) return key;
  return '';
}

export function readDocument(paragraphs: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let section = '';
  let key: SectionKey = '';
  let parentKey: SectionKey = '';
  let parentHeading = '';
  for (const raw of paragraphs) {
    const text = cleanLine(raw);
    if (!text) continue;
    const level = headingLevel(text);
    if (level === 1) {
      section = text;
      parentHeading = text;
      key = parentKey = sectionKeyOf(text);
    } else if (level === 2) {
      section = text;
      const k = sectionKeyOf(text);
      // （一）因公出国（境）费… under 七 stays in 三公; sub-headings of 五 and 九 have their own topic.
      key = k !== '' && k !== (parentKey as SectionKey) ? k : parentKey;
      if (!parentHeading) parentKey = key;
    }
    out.push({ index: out.length + 1, text, heading: level, section, key, parentKey });
  }
  return out;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences end at 。！？ (and ； only when followed by a new clause with its own subject is not known: kept whole). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。！？!?'.includes(text[i])) {
      out.push({ start, end: i + 1, text: text.slice(start, i + 1) });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out.filter((s) => s.text.trim() !== '');
}

export function sentenceAt(sentences: Sentence[], pos: number): Sentence {
  return sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1] ?? { start: 0, end: 0, text: '' };
}
