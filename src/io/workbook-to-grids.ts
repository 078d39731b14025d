/**
 * ExcelJS workbook → SheetGrid[] snapshot, the way Office.js would report it: values of merged
 * areas only in their top-left cell, formulas by their cached result, errors as { error }.
 * Shared by the command line (Node) and the browser preview; no Node or DOM APIs here.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../core/grid';
import { a1 } from '../core/grid';

/** Past this many empty rows/columns we stop: a "used range" of a million blank rows is noise. */
const MAX_ROWS = 200_000;
const MAX_COLS = 200;

export function workbookToGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return grids;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const merges: string[] = [];
  const slaves = new Set<string>();
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    merges.push(m);
    const [from, to] = m.split(':');
    const p = decode(from);
    const q = decode(to ?? from);
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) slaves.add(`${r},${c}`);
  }

  // Find the real extent: last row/column that holds something (ExcelJS dimensions include styled blanks).
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    if (r > MAX_ROWS) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > MAX_COLS || slaves.has(`${r},${c}`)) return;
      if (toValue(cell.value) === null) return;
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    });
  });
  const state = (ws.state as SheetGrid['state']) ?? 'visible';
  if (bottom === 0) return { name: ws.name, origin: 'A1', values: [], formats: [], merges, hiddenRows, state };

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      vs.push(slaves.has(`${r},${c}`) ? null : toValue(cell.value));
      fs.push(cell.numFmt ?? null);
    }
    values.push(vs);
    formats.push(fs);
  }
  return { name: ws.name, origin: a1(top, left), values, formats, merges, hiddenRows, state };
}

function decode(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(addr)!;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
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
