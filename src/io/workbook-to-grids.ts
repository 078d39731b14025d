/**
 * ExcelJS workbook → SheetGrid[] snapshot, the way Office.js would report it: values of merged
 * areas only in their top-left cell, formulas by their cached result, errors as { error }.
 * Shared by the command line (Node) and the browser preview; no Node or DOM APIs here.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, ReadNote, SheetGrid } from '../core/grid';
import { a1, columnLetter } from '../core/grid';
import { LIMITS } from './xlsx-guard';

/**
 * Read limits: past them a sheet is cut, and the cut is reported (ReadNote → a P.read finding).
 * MAX_ROWS matches the zip guard's row limit (xlsx-guard.ts); no budget table is 200 columns wide.
 */
export const MAX_ROWS = LIMITS.rows;
export const MAX_COLS = 200;
/** Above this many cells in the used rectangle, rows are kept ragged (no trailing blanks). */
const MAX_RECT_CELLS = 4_000_000;

export function workbookToGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return grids;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const model = ws.model as unknown as { merges?: string[] };
  const merges: string[] = (model.merges ?? []).slice();
  const notes: ReadNote[] = [];

  // Find the real extent: last row/column that holds something (ExcelJS dimensions include styled
  // blanks). Only the rows and cells the file has are visited, never a range (a row numbered
  // 1,000,000 costs one row); covered cells of a merge are skipped (their value is the top-left's).
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  const hiddenRows: number[] = [];
  const cut = { rows: 0, firstRow: 0, lastRow: 0, cols: 0 };
  const uncached = { count: 0, first: '' };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.master !== cell) return;
      if (isUncached(valueOf(cell))) {
        if (!uncached.count++) uncached.first = a1(r, c);
        return;
      }
      if (toValue(valueOf(cell)) === null) return;
      if (r > MAX_ROWS) {
        if (r !== cut.lastRow) cut.rows++;
        if (!cut.firstRow) cut.firstRow = r;
        cut.lastRow = r;
        return;
      }
      if (c > MAX_COLS) {
        cut.cols = Math.max(cut.cols, c - MAX_COLS);
        return;
      }
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    });
  });
  if (cut.rows) notes.push({ kind: 'rows-cut', cell: a1(cut.firstRow, 1), count: cut.rows, detail: String(cut.firstRow) });
  if (cut.cols) notes.push({ kind: 'cols-cut', cell: a1(1, MAX_COLS + 1), count: cut.cols, detail: columnLetter(MAX_COLS + 1) });
  if (uncached.count) notes.push({ kind: 'uncached', cell: uncached.first, count: uncached.count });
  const state = (ws.state as SheetGrid['state']) ?? 'visible';
  const base = { name: ws.name, merges, hiddenRows, state, ...(notes.length ? { readNotes: notes } : {}) };
  if (bottom === 0) return { ...base, origin: 'A1', values: [], formats: [] };

  const ragged = (bottom - top + 1) * (right - left + 1) > MAX_RECT_CELLS;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    if (row) {
      const last = ragged ? lastValueCol(row, right) : right;
      for (let c = left; c <= last; c++) {
        const cell = row.getCell(c);
        vs.push(cell.master !== cell ? null : toValue(valueOf(cell)));
        fs.push(cell.numFmt ?? null);
      }
    } else if (!ragged) {
      for (let c = left; c <= right; c++) {
        vs.push(null);
        fs.push(null);
      }
    }
    values.push(vs);
    formats.push(fs);
  }
  return { ...base, origin: a1(top, left), values, formats };
}

/** Last column (≤ right) of a row holding a value: a sparse sheet keeps no trailing blanks. */
function lastValueCol(row: ExcelJS.Row, right: number): number {
  let last = 0;
  row.eachCell({ includeEmpty: false }, (cell, c) => {
    if (c <= right && c > last && cell.master === cell && toValue(valueOf(cell)) !== null) last = c;
  });
  return last;
}

/**
 * A cell's value with a formula's cached result kept. ExcelJS's `value` getter leaves out a result
 * that is 0, "" or false (its FormulaValue copies only truthy fields); `cell.result` still has it, so a
 * total saved as =SUM(…) with the value 0 is a 0, not a formula "without a calculated value".
 */
export function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v as { result?: unknown }).result === undefined) {
    const result = (cell as unknown as { result?: unknown }).result;
    if (result !== undefined && result !== null) return { ...(v as object), result } as ExcelJS.CellValue;
  }
  return v;
}

/** A formula saved without its calculated value (files written by programs, never recalculated). */
function isUncached(v: ExcelJS.CellValue | undefined): boolean {
  if (!v || typeof v !== 'object' || v instanceof Date) return false;
  const o = v as unknown as Record<string, unknown>;
  return ('formula' in o || 'sharedFormula' in o) && (o.result === undefined || o.result === null);
}

/** ExcelJS cell value → plain CellValue. */
export function toValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { error: String(o.error) };
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('') || null;
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result as unknown;
    if (r === undefined || r === null) return null;
    return toValue(r as ExcelJS.CellValue);
  }
  if ('text' in o) return String(o.text);
  return null;
}
