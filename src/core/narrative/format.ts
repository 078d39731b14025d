/**
 * Numbers in the text (narrative.md §1.2–1.4): amounts, shares and year-on-year phrases, computed
 * with exact integer arithmetic on scaled amounts (value × 10^6) and rounded half-up — never floats,
 * never toFixed (which mis-rounds ties such as 1.005).
 */
import { SCALE_DIGITS, toUnits } from '../amount';

export type Profile = 'pds' | 'jy';

export interface Style {
  profile: Profile;
  /** Decimals of amounts in the text. */
  amountDecimals: number;
  /** Decimals of percentages. */
  pctDecimals: number;
  /** 平顶山: trailing zeros dropped (149.7, 20, 0); 济源: fixed (1990.50, 0.00). */
  trim: boolean;
  /** 济源 puts spaces around numbers and years. */
  sp: string;
}

export function makeStyle(profile: Profile, tableDecimals?: number): Style {
  if (profile === 'jy') return { profile, amountDecimals: Math.max(2, tableDecimals ?? 2), pctDecimals: 2, trim: false, sp: ' ' };
  return { profile, amountDecimals: Math.max(1, tableDecimals ?? 1), pctDecimals: 1, trim: true, sp: '' };
}

/** Fixed-point text of an integer number of 10^-decimals units: (12345, 2) → "123.45". */
export function unitsText(units: bigint | number, decimals: number): string {
  const u = BigInt(units);
  const neg = u < 0n;
  const abs = (neg ? -u : u).toString().padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  return neg ? `-${text}` : text;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** An amount as printed: 平顶山 149.7 / 20 / 0; 济源 1990.50 / 0.00. No thousands separator. */
export function amt(scaled: number, style: Style): string {
  const text = unitsText(toUnits(scaled, style.amountDecimals), style.amountDecimals);
  return style.trim ? trimZeros(text) : text;
}

/**
 * round_half_up(|part| / |base| × 100, decimals) as units of 10^-decimals; undefined when base = 0.
 * BigInt, because part × 100 × 10^d can pass 2^53 for large budgets.
 */
export function pctUnits(part: number, base: number, decimals: number): bigint | undefined {
  if (base === 0) return undefined;
  const p = BigInt(Math.abs(part));
  const b = BigInt(Math.abs(base));
  const num = p * 100n * 10n ** BigInt(decimals);
  return (2n * num + b) / (2n * b);
}

/** A percentage as printed (without the % sign): 平顶山 13.2 / 125 / 0; 济源 17.57 / 100.00. */
export function pct(part: number, base: number, style: Style): string {
  return pctText(pctUnits(part, base, style.pctDecimals) ?? 0n, style);
}

/** Units of 10^-pctDecimals percent as printed. */
export function pctText(units: bigint, style: Style): string {
  const text = unitsText(units, style.pctDecimals);
  return style.trim ? trimZeros(text) : text;
}

/** Rounds a scaled value to the decimals it displays, keeping it scaled. */
export function displayed(scaled: number, decimals: number): number {
  const d = Math.min(Math.max(decimals, 0), SCALE_DIGITS);
  return toUnits(scaled, d) * 10 ** (SCALE_DIGITS - d);
}

export type Change =
  | { kind: 'same' }
  /** pct is undefined when the prior year was 0 (no percentage of nothing). */
  | { kind: 'up'; delta: number; pct?: string }
  | { kind: 'down'; delta: number; pct: string };

/** The change from prior to cur (both scaled, both ≥ 0), narrative.md §1.4. */
export function change(cur: number, prior: number, style: Style): Change {
  const delta = cur - prior;
  if (delta === 0) return { kind: 'same' };
  if (delta > 0) return { kind: 'up', delta, pct: prior > 0 ? pct(delta, prior, style) : undefined };
  return { kind: 'down', delta: -delta, pct: pct(delta, prior, style) };
}

/** 增加17.4万元，增长13.2% / 减少 424.25 万元，下降 17.57% / 增加0.1万元 / 无增减变动. */
export function changeText(c: Change, style: Style): string {
  const s = style.sp;
  if (c.kind === 'same') return '无增减变动';
  if (c.kind === 'up') return `增加${s}${amt(c.delta, style)}${s}万元` + (c.pct !== undefined ? `，增长${s}${c.pct}%` : '');
  return `减少${s}${amt(c.delta, style)}${s}万元，下降${s}${c.pct}%`;
}

/** A reason as the user wrote it, without the closing punctuation the template adds itself. */
export function cleanReason(r: string): string {
  return r.trim().replace(/[。；;，,.\s]+$/, '');
}

/** 济源 spacing: no space next to full-width punctuation, never two spaces. */
export function tidy(text: string, style: Style): string {
  if (!style.sp) return text;
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ ?([，。；：、（）“”【】]) ?/g, '$1')
    .trim();
}
