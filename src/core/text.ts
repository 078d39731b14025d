/**
 * Text normalisation for matching titles, headers and labels (tables.md §1.5).
 * Everything that compares workbook text goes through these functions, so "（ 一 ）", "(一)",
 * "合 计" and "合计" all look the same to the parser.
 */
import type { CellValue } from './grid';

const QUOTES = /[“”‘’"'「」『』〝〞＂＇`]/g;
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const CHINESE_DIGITS = '零一二三四五六七八九十';

const squashed = new Map<string, string>();
const SQUASH_CACHE = 50_000;

/**
 * Text NFKC leaves alone and that holds no whitespace or quote: printable ASCII and CJK unified
 * ideographs (plus 、。). Most workbook texts are like this, so they skip normalisation entirely.
 */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x27 && c !== 0x60) continue;
    if (c === 0x3001 || c === 0x3002) continue;
    return false;
  }
  return true;
}

/** NFKC + no whitespace (incl. U+3000, line breaks) + no quotes. Keeps ordinals and years. */
export function squash(s: string): string {
  if (isPlain(s)) return s;
  // Workbook texts repeat a lot (names, codes): a bounded cache keeps this linear and cheap.
  const hit = squashed.get(s);
  if (hit !== undefined) return hit;
  const out = s.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, '');
  if (squashed.size >= SQUASH_CACHE) squashed.clear();
  if (s.length <= 200) squashed.set(s, out);
  return out;
}

/** Any cell value as plain text (numbers as written by JS, errors as "#REF!"), '' for empty. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  return '';
}

const LEADING_MARKS = /^[#＃\-–—•·*>]+/;
const YEAR_PREFIX = /^\d{4}年度?/;
/** "表1", "附表3", "表1-1" (no separator needed after 表N), "一、", "1.", "3-" */
const TABLE_ORDINAL = /^(附表|表)(\d{1,2}(?=\D|\d{4}年)|[一二三四五六七八九十]+)(-\d{1,2})?[、.:_-]?/;
const PLAIN_ORDINAL = /^[0-9一二三四五六七八九十]+[、.．:_-]/;
const TITLE_SUFFIX = /(\(续表?\)|续表|\(续\d*\)|\(\d{4}年度?\))$/;

/**
 * Title / header normalisation: squash, then strip leading "#", bullets, ordinals ("表1 ", "附表",
 * "一、") and a year prefix ("2023 年", "2025年度"), repeatedly, and a trailing "(续)".
 */
export function normTitle(s: string): string {
  let t = squash(s);
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(LEADING_MARKS, '').replace(TABLE_ORDINAL, '').replace(PLAIN_ORDINAL, '').replace(YEAR_PREFIX, '');
    if (t === before) break;
  }
  return t.replace(TITLE_SUFFIX, '');
}

const QIZHONG = /^其中[:：]?/;

/** Header cell normalisation: squash and drop a leading "其中:" (so "其中：财政拨款" → "财政拨款"). */
export function normHeader(s: string): string {
  return squash(s).replace(QIZHONG, '');
}

const NOT_CHINESE_DIGIT = /[^零一二三四五六七八九十]/;

/** Chinese numeral up to 99 ("三十四" → 34, "十" → 10); undefined when not one. */
export function chineseNumber(s: string): number | undefined {
  if (!s || NOT_CHINESE_DIGIT.test(s)) return undefined;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CHINESE_DIGITS.indexOf(s) : undefined;
  const tens = i === 0 ? 1 : CHINESE_DIGITS.indexOf(s.slice(0, i));
  const rest = s.slice(i + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? CHINESE_DIGITS.indexOf(rest) : -1;
  if (tens < 1 || ones < 0) return undefined;
  return tens * 10 + ones;
}

export interface Ordinal {
  /** 'top' for "一、", 'paren' for "(一)", 'digit' for "1." / "1、". */
  level: 'top' | 'paren' | 'digit';
  n: number;
  /** The label after the ordinal. */
  rest: string;
}

const PAREN_ORDINAL = /^\(([零一二三四五六七八九十]+)\)(.*)$/;
const TOP_ORDINAL = /^([零一二三四五六七八九十]+)[、.．,]?(.*)$/;
const TOP_ORDINAL_MARK = /^[零一二三四五六七八九十]+[、.．,]/;
const DIGIT_ORDINAL = /^\(?(\d{1,2})[)、.．]+(.*)$/;

/** Splits a squashed label into ordinal + rest: "一、一般公共服务" → top 1; "(二十四)住房" → paren 24. */
export function splitOrdinal(squashed: string): Ordinal | undefined {
  let m = PAREN_ORDINAL.exec(squashed);
  if (m) {
    const n = chineseNumber(m[1]);
    return n === undefined ? undefined : { level: 'paren', n, rest: m[2] };
  }
  m = TOP_ORDINAL.exec(squashed);
  if (m && TOP_ORDINAL_MARK.test(squashed)) {
    const n = chineseNumber(m[1]);
    return n === undefined ? undefined : { level: 'top', n, rest: m[2] };
  }
  m = DIGIT_ORDINAL.exec(squashed);
  if (m) return { level: 'digit', n: Number(m[1]), rest: m[2] };
  return undefined;
}

/** Year in "2025年", "(2023 年度)", "2024年度部门…"; undefined when none. */
export function findYear(s: string): number | undefined {
  const m = /(20\d{2}|19\d{2})年/.exec(squash(s));
  return m ? Number(m[1]) : undefined;
}
