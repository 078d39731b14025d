/**
 * A cell's fill as Office.js reports it through getCellProperties({format:{fill:…}}).
 * Shared by the adapter (what it stores and restores) and the fake host (what it models).
 *
 * Office.js facts this relies on: "No Fill" reads back as color #FFFFFF, pattern "None" and
 * tintAndShade null — the same colour as a white fill, so pattern/tint tell them apart; a theme
 * colour reads back as its RGB plus tintAndShade. Gradient fills cannot be written back.
 */
export type FillPattern =
  | 'None' | 'Solid' | 'Gray50' | 'Gray75' | 'Gray25' | 'Horizontal' | 'Vertical' | 'Down' | 'Up'
  | 'Checker' | 'SemiGray75' | 'LightHorizontal' | 'LightVertical' | 'LightDown' | 'LightUp'
  | 'Grid' | 'CrissCross' | 'Gray16' | 'Gray8' | 'LinearGradient' | 'RectangularGradient';

export interface FillProps {
  color: string | null;
  pattern: FillPattern | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

export const NO_FILL: FillProps = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: null, patternTintAndShade: null };

export function isNoFill(f: FillProps): boolean {
  return f.pattern === 'None' || (f.pattern === null && f.tintAndShade === null);
}

/** Gradients (and fills Office reports as mixed/unknown) cannot be restored through Office.js: never paint over them. */
export function isRestorable(f: FillProps): boolean {
  if (isNoFill(f)) return true;
  return f.pattern !== null && f.pattern !== 'LinearGradient' && f.pattern !== 'RectangularGradient' && f.color !== null;
}

export function sameFill(a: FillProps, b: FillProps): boolean {
  if (isNoFill(a) || isNoFill(b)) return isNoFill(a) && isNoFill(b);
  return (
    upper(a.color) === upper(b.color) &&
    a.pattern === b.pattern &&
    upper(a.patternColor) === upper(b.patternColor) &&
    a.tintAndShade === b.tintAndShade &&
    a.patternTintAndShade === b.patternTintAndShade
  );
}

/** A plain solid fill in `color` (how our marks look). */
export function isSolid(f: FillProps, color: string): boolean {
  return f.pattern === 'Solid' && upper(f.color) === upper(color) && (f.tintAndShade ?? 0) === 0;
}

/** Stable key for grouping cells that get the same fill back. */
export function fillKey(f: FillProps): string {
  if (isNoFill(f)) return 'none';
  return [upper(f.color), f.pattern, upper(f.patternColor), f.tintAndShade, f.patternTintAndShade].join('|');
}

function upper(s: string | null): string | null {
  return s === null ? null : s.toUpperCase();
}

/** Excel's tint: lighten (t > 0) or darken (t < 0) the HSL lightness. */
export function tint(hex: string, t: number): string {
  if (!t) return hex;
  const n = parseInt(hex.slice(1), 16);
  const [h, s, l] = toHsl((n >> 16) & 255, (n >> 8) & 255, n & 255);
  const l2 = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  const [r, g, b] = fromHsl(h, s, l2);
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase();
}

function toHsl(r: number, g: number, b: number): [number, number, number] {
  r /= 255; g /= 255; b /= 255;
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): [number, number, number] {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number): number => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [f(h + 1 / 3) * 255, f(h) * 255, f(h - 1 / 3) * 255];
}
