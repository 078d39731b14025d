/**
 * Every number the text states with a unit: amounts (万元, 元, 亿元), percentages and counts
 * (辆, 台, 套, 个, 项). Years (2024年) are found separately; list ordinals and codes carry no
 * unit and are not claims.
 */
import { parseDecimalString, SCALE } from '../amount';

export type NumberUnit = 'amount' | 'percent' | 'count';

export interface TextNumber {
  /** Offsets in the paragraph (start of the digits, end after the unit). */
  start: number;
  end: number;
  /** Exactly as written, unit included: 179.6万元, 1990.50 万元, 38.3%. */
  text: string;
  unit: NumberUnit;
  /** The unit word: 万元, %, 辆 … */
  word: string;
  /** Value × 10^6, in 万元 for amounts. */
  scaled: number;
  /** Decimals as written, counted in 万元 for amounts (1796000元 → 4). */
  decimals: number;
}

export interface TextYear {
  start: number;
  end: number;
  text: string;
  year: number;
}

const NUMBER = /(\d[\d,，]*(?:\.\d+)?)[ \u00a0]*(万元|亿元|千元|元|%|％|辆|台（套）|台\(套\)|台|套|个|项|家)/g;
const YEAR = /((?:19|20)\d{2})[ \u00a0]*年/g;

const AMOUNT_FACTOR: Record<string, [number, number]> = {
  // [multiply, divide] to get 万元
  万元: [1, 1],
  亿元: [10000, 1],
  千元: [1, 10],
  元: [1, 10000],
};

export function findNumbers(text: string): TextNumber[] {
  const out: TextNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const prev = text[start - 1] ?? '';
    if (/[\d.]/.test(prev)) continue;
    const digits = m[1].replace(/[,，]$/, '');
    const parsed = parseDecimalString(digits);
    if (!parsed) continue;
    const word = m[2] === '％' ? '%' : m[2].replace('(套)', '（套）');
    // "2024年度1个" is fine; a year glued to a unit (2024元) is still a number.
    const unit: NumberUnit = word === '%' ? 'percent' : word in AMOUNT_FACTOR ? 'amount' : 'count';
    let scaled = parsed.scaled;
    let decimals = parsed.decimals;
    if (unit === 'amount') {
      const [mul, div] = AMOUNT_FACTOR[word];
      scaled = Math.round((parsed.scaled * mul) / div);
      // Decimals in 万元: 1796000元 is exact to 0.0001 万元.
      decimals = Math.max(0, decimals + String(div).length - String(mul).length);
    }
    out.push({ start, end: start + m[0].length, text: m[0], unit, word, scaled, decimals });
  }
  return out;
}

export function findYears(text: string): TextYear[] {
  const out: TextYear[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index!;
    if (/[\d.]/.test(text[start - 1] ?? '')) continue;
    out.push({ start, end: start + m[0].length, text: m[0], year: Number(m[1]) });
  }
  return out;
}

/** Decimal text of a scaled value, trailing zeros dropped: 179600000 → "179.6". */
export function plain(scaled: number): string {
  const neg = scaled < 0;
  const a = Math.abs(scaled);
  const int = Math.floor(a / SCALE);
  const frac = String(a % SCALE).padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
