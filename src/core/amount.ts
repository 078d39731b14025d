/**
 * Exact amounts. Every amount is an integer number of micro-units (value × 10^6) so that sums and
 * comparisons never touch binary fractions; the displayed decimals travel with it because the
 * rounding tolerance (rules.md §1) depends on them.
 */
import type { CellRef } from './grid';

export const SCALE_DIGITS = 6;
export const SCALE = 10 ** SCALE_DIGITS;

export interface Amount {
  /** value × 10^6, an exact integer. 0 for a blank. */
  scaled: number;
  /** Decimals the cell displays (from its number format, else from its digits). */
  decimals: number;
  /** The cell was empty, "—" or "-": zero for arithmetic, but not a written 0. */
  blank: boolean;
  /** The number was stored as text ("149.7", "1,990.50"). */
  asText?: boolean;
  /** The cell holds something that is not an amount (reported as P.cell); it counts as blank. */
  unreadable?: boolean;
  /** Where it came from. */
  ref: CellRef;
}

export type ParsedNumber =
  | { ok: true; scaled: number; decimals: number; blank: boolean; asText: boolean }
  | { ok: false; reason: string };

const BLANK_MARKS = new Set(['', '-', '—', '－', '–', '——', '/', '无']);

/**
 * Parses a decimal string exactly: "1,990.50", " 149.7 ", "-3", "1.5e2" is refused (not a
 * published amount). Returns scaled integer and the number of decimals written.
 */
export function parseDecimalString(input: string): { scaled: number; decimals: number } | null {
  const s = input.normalize('NFKC').replace(/[\s\u3000,，]/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const decimals = frac.length;
  // Keep SCALE_DIGITS fraction digits, rounding half-up on the rest.
  const kept = (frac + '0'.repeat(SCALE_DIGITS)).slice(0, SCALE_DIGITS);
  const rest = frac.slice(SCALE_DIGITS);
  let scaled = Number(intPart) * SCALE + Number(kept);
  if (rest && Number(rest[0]) >= 5) scaled += 1;
  if (!Number.isSafeInteger(scaled)) return null;
  return { scaled: sign * scaled || 0, decimals };
}

/** Shortest decimal text of a JS number without exponent ("0.1", "1e-7" → "0.0000001"). */
function numberToDecimalString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, '');
}

/**
 * Any cell value → exact number. Numbers and numeric text are accepted; blanks and dashes are
 * zero with blank = true; anything else is refused with a reason (the caller reports where).
 * `format` is the Excel number format, used for the displayed decimals.
 */
export function parseAmount(value: unknown, format?: string | null): ParsedNumber {
  if (value === null || value === undefined) return { ok: true, scaled: 0, decimals: 0, blank: true, asText: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: '不是有限数值' };
    const d = parseDecimalString(numberToDecimalString(value));
    if (!d) return { ok: false, reason: '数值超出可精确处理的范围' };
    const decimals = formatDecimals(format) ?? d.decimals;
    return { ok: true, scaled: d.scaled, decimals, blank: false, asText: false };
  }
  if (typeof value === 'string') {
    const t = value.normalize('NFKC').trim();
    if (BLANK_MARKS.has(t.replace(/\s/g, ''))) return { ok: true, scaled: 0, decimals: 0, blank: true, asText: false };
    const d = parseDecimalString(t);
    if (!d) return { ok: false, reason: `“${value}”不是金额` };
    return { ok: true, scaled: d.scaled, decimals: d.decimals, blank: false, asText: true };
  }
  if (typeof value === 'object' && value && 'error' in value) {
    return { ok: false, reason: `单元格为错误值 ${(value as { error: string }).error}` };
  }
  if (typeof value === 'boolean') return { ok: false, reason: '单元格为逻辑值，不是金额' };
  return { ok: false, reason: '无法识别的单元格内容' };
}

/** Decimals an Excel number format displays: "0.0" → 1, "#,##0.00" → 2, "0" → 0, "General"/"@" → undefined. */
export function formatDecimals(format?: string | null): number | undefined {
  if (!format) return undefined;
  const f = format.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/general|@/i.test(f)) return undefined;
  if (!/[0#?]/.test(f)) return undefined;
  const m = /[0#?,]\.([0#?]+)/.exec(f) ?? /^\.([0#?]+)/.exec(f);
  return m ? m[1].length : 0;
}

/** Rounds a scaled value half-up (away from zero) to `decimals` and returns it in units of 10^-decimals. */
export function toUnits(scaled: number, decimals: number): number {
  const step = 10 ** (SCALE_DIGITS - decimals);
  const q = Math.floor(Math.abs(scaled) / step);
  const r = Math.abs(scaled) - q * step;
  const units = r * 2 >= step ? q + 1 : q;
  return scaled < 0 ? -units : units;
}

/** Scaled integer → JS number for reports and display (exact for published amounts). */
export function toNumber(scaled: number): number {
  return scaled / SCALE;
}

/** Units of 10^-decimals → JS number. */
export function unitsToNumber(units: number, decimals: number): number {
  return Number((units / 10 ** decimals).toFixed(decimals));
}

/** Formats a scaled amount with fixed decimals, no thousands separator: 1990500000 (1990.5) → "1990.50". */
export function formatAmount(scaled: number, decimals: number): string {
  const units = toUnits(scaled, decimals);
  const neg = units < 0;
  const abs = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  return neg ? `-${text}` : text;
}

/** Sum of scaled amounts (integers: exact). */
export function sumScaled(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
