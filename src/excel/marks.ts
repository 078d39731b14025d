/**
 * Highlight marks and where they are remembered: a very hidden sheet in the workbook itself, so
 * 清除标记 can restore every original fill after the pane was closed or the file saved and reopened.
 * One row per marked cell: sheet id and name, cell, the colour we painted, and the original fill.
 */
import type { FillPattern, FillProps } from './fill';

export const MARK_SHEET = '_预算校验_标记';
const HEADER = ['budget-check-marks-v1', '工作表', '单元格', '标记色', '原填充色', '原图案', '原图案色', '原色调', '原图案色调'];
export const MARK_COLUMNS = HEADER.length;

/** Fill colours of the marks: Excel's own "light red" and "neutral yellow" cell styles. */
export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;
export type MarkSeverity = keyof typeof MARK_COLORS;

export interface Mark {
  sheetId: string;
  sheet: string;
  cell: string;
  /** The colour we painted (to notice when the user recoloured the cell since). */
  color: string;
  original: FillProps;
}

type Cell = string | number | boolean | null;

/** Rows for the marks sheet, header first; every text cell is written with number format "@". */
export function encodeMarks(marks: Mark[]): Cell[][] {
  const rows: Cell[][] = [HEADER];
  for (const m of marks) {
    const o = m.original;
    rows.push([m.sheetId, m.sheet, m.cell, m.color, o.color ?? '', o.pattern ?? '', o.patternColor ?? '', numOrBlank(o.tintAndShade), numOrBlank(o.patternTintAndShade)]);
  }
  return rows;
}

/** Marks read back from the sheet's values; rows that do not parse are ignored (never guessed at). */
export function decodeMarks(values: unknown[][]): Mark[] {
  if (!values.length || values[0][0] !== HEADER[0]) return [];
  const marks: Mark[] = [];
  for (const row of values.slice(1)) {
    const [sheetId, sheet, cell, color, oc, op, opc, ot, opt] = row.map((v) => (v === undefined ? '' : v));
    if (typeof sheet !== 'string' || !sheet || typeof cell !== 'string' || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    marks.push({
      sheetId: String(sheetId),
      sheet,
      cell,
      color: String(color),
      original: {
        color: oc === '' ? null : String(oc),
        pattern: op === '' ? null : (String(op) as FillPattern),
        patternColor: opc === '' ? null : String(opc),
        tintAndShade: blankOrNum(ot),
        patternTintAndShade: blankOrNum(opt),
      },
    });
  }
  return marks;
}

function numOrBlank(n: number | null): Cell {
  return n === null ? '' : n;
}

function blankOrNum(v: unknown): number | null {
  if (v === '' || v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
