/** A cell fill (as Office.js reports it) → CSS for the preview grid, with Excel's tint rule. */
import type { FillProps } from '../excel/fill';
import { isNoFill, tint } from '../excel/fill';

export function fillStyle(f: FillProps): { background?: string } {
  if (isNoFill(f) || !f.color) return {};
  const bg = tint(f.color, f.tintAndShade ?? 0);
  if (f.pattern === 'Solid' || !f.pattern) return { background: bg };
  const ink = tint(f.patternColor ?? '#000000', f.patternTintAndShade ?? 0);
  const dense = /Gray75|SemiGray75|Checker|Gray50/.test(f.pattern) ? 2 : 1;
  const angle = /Horizontal/.test(f.pattern) ? 0 : /Vertical/.test(f.pattern) ? 90 : /Up/.test(f.pattern) ? 135 : 45;
  return { background: `repeating-linear-gradient(${angle}deg, ${ink} 0 ${dense}px, ${bg} ${dense}px 4px)` };
}
