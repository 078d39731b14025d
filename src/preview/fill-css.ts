/** A cell fill (as Office.js reports it) → CSS for the preview grid, with Excel's tint rule. */
import type { FillProps } from '../excel/fill';
import { isNoFill } from '../excel/fill';

export function fillStyle(f: FillProps): { background?: string } {
  if (isNoFill(f) || !f.color) return {};
  const bg = tint(f.color, f.tintAndShade ?? 0);
  if (f.pattern === 'Solid' || !f.pattern) return { background: bg };
  const ink = tint(f.patternColor ?? '#000000', f.patternTintAndShade ?? 0);
  const dense = /Gray75|SemiGray75|Checker|Gray50/.test(f.pattern) ? 2 : 1;
  const angle = /Horizontal/.test(f.pattern) ? 0 : /Vertical/.test(f.pattern) ? 90 : /Up/.test(f.pattern) ? 135 : 45;
  return { background: `repeating-linear-gradient(${angle}deg, ${ink} 0 ${dense}px, ${bg} ${dense}px 4px)` };
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
