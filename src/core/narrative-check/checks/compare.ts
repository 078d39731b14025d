/**
 * Comparing a written number with its source within the rounding policy (src/core/tolerance.ts):
 * the text may show fewer decimals than the table (20 for 20.0; 平顶山 drops trailing zeros) or
 * more (179.63 against a table at 0.1) — equal when both agree at the coarser of the two.
 */
import { toUnits } from '../../amount';
import { pctUnits } from '../../narrative/format';

export type Cmp = 'equal' | 'rounded' | 'differs';

export function compareAmount(textScaled: number, textDecimals: number, srcScaled: number, srcDecimals: number): Cmp {
  const fine = Math.max(textDecimals, srcDecimals);
  if (toUnits(textScaled, fine) === toUnits(srcScaled, fine)) return 'equal';
  const coarse = Math.min(textDecimals, srcDecimals);
  if (toUnits(textScaled, coarse) === toUnits(srcScaled, coarse)) return textDecimals < srcDecimals ? 'rounded' : 'equal';
  return 'differs';
}

/** The share (or rate) the text should print with `decimals`, from scaled part and base. */
export function expectedPct(part: number, base: number, decimals: number): number | undefined {
  const u = pctUnits(part, base, decimals);
  return u === undefined ? undefined : Number(u) * 10 ** (6 - decimals);
}

/** A percentage as written vs expected (both scaled), at the written decimals. */
export function comparePct(textScaled: number, textDecimals: number, part: number, base: number): { cmp: Cmp; expected?: number } {
  const expected = expectedPct(part, base, textDecimals);
  if (expected === undefined) return { cmp: 'differs' };
  return { cmp: toUnits(textScaled, textDecimals) === toUnits(expected, textDecimals) ? 'equal' : 'differs', expected };
}

/** Fixed-point text of a scaled value with `decimals`, trailing zeros dropped when `trim`. */
export function show(scaled: number, decimals: number, trim = false): string {
  const units = toUnits(scaled, decimals);
  const neg = units < 0;
  const abs = String(Math.abs(units)).padStart(decimals + 1, '0');
  let text = decimals > 0 ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  if (trim && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return neg ? `-${text}` : text;
}

export const num = (scaled: number): number => scaled / 1_000_000;
