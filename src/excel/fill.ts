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
