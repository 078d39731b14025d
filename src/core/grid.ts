/**
 * SheetGrid: the immutable snapshot of one worksheet — the only input the core accepts.
 * Every host (Excel, browser preview, command line) builds these; the core never touches a host API.
 */

/** A cell as the host reports it. Errors such as #REF! arrive as { error: '#REF!' }. */
export type CellValue = string | number | boolean | null | { error: string };

export interface SheetGrid {
  /** Worksheet name as shown on the tab. */
  name: string;
  /** Top-left cell of `values`, e.g. "A1" (Excel's used range may start elsewhere). */
  origin: string;
  /** Cell values, row-major, relative to `origin`. Ragged rows are allowed. */
  values: CellValue[][];
  /** Displayed text of each cell (what the user sees), same shape as `values`; optional. */
  text?: (string | null)[][];
  /** Number format of each cell (e.g. "0.0", "#,##0.00", "@"), same shape as `values`; optional. */
  formats?: (string | null)[][];
  /** Merged areas as absolute A1 ranges ("A1:D1"). Only the top-left cell of a merge holds a value in Excel. */
  merges?: string[];
  /** Absolute 1-based numbers of hidden rows. */
  hiddenRows?: number[];
  /** "visible" unless the host says otherwise. */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** What the host could not read as the file has it (cut, clipped, not calculated): reported as P.read findings. */
  readNotes?: ReadNote[];
}

/**
 * One thing the host left out or could not read faithfully in a sheet. readBook turns each into a
 * finding, so that nothing is cut silently.
 */
export interface ReadNote {
  /**
   * rows-cut: rows past the read limit not read (detail: first row not read);
   * cols-cut: columns past the read limit not read (detail: first column letter not read);
   * rows-invalid: rows numbered past Excel's 1,048,576 (detail: the first such number);
   * merges-clipped: merged areas reaching past the sheet's data, read clipped (detail: the first one);
   * uncached: formulas saved without a calculated value, read as blank (cell: the first one).
   */
  kind: 'rows-cut' | 'cols-cut' | 'rows-invalid' | 'merges-clipped' | 'uncached';
  /** The first cell concerned (A1). */
  cell: string;
  /** How many rows / columns / merges / cells. */
  count: number;
  detail?: string;
}

/** Sheet + A1 address of one cell: how every finding and amount points back to the workbook. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Absolute 1-based row and column → "B3". */
export function a1(row: number, col: number): string {
  return columnLetter(col) + row;
}

/** "$B$3" or "b3" → { row: 3, col: 2 }; throws on anything else. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) throw new Error(`不是单元格地址：${addr}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "A1:D4" → corners; a single cell is its own range. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = range.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Absolute coordinates of values[0][0]. */
export function gridOrigin(grid: SheetGrid): { row: number; col: number } {
  return parseA1(grid.origin || 'A1');
}
