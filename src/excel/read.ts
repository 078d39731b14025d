/**
 * Round trips 1 and 2 of a validation: the sheet list, then one snapshot of every sheet (values,
 * value types, displayed text, number formats, merged areas and the fill of every used cell),
 * turned into SheetGrid[] for the core and a fill lookup for the highlighter.
 */
import type { CellValue, SheetGrid } from '../core/grid';
import { a1, parseA1 } from '../core/grid';
import { splitAreas } from './address';
import type { FillProps } from './fill';
import { MARK_SHEET } from './marks';

export interface SheetInfo {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface SheetSnapshot {
  info: SheetInfo;
  grid: SheetGrid;
  /** Fill of every cell of the grid (same shape as values); cells outside it are unknown. */
  fills: FillProps[][];
}

export interface Snapshot {
  sheets: SheetSnapshot[];
  /** Values of the marks sheet (empty when there is none). */
  markValues: unknown[][];
}

export const FILL_LOAD = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

/** Round trip 1. */
export async function loadSheetList(ctx: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  await ctx.sync();
  return sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility as SheetInfo['visibility'] }));
}

/**
 * Round trip 2: everything about every sheet in one sync. The used range is the values-only one:
 * a sheet formatted down to row 100,000 must not make us read 100,000 blank rows.
 */
export async function loadSnapshot(ctx: Excel.RequestContext, list: SheetInfo[], opts: { mergedAreas: boolean }): Promise<Snapshot> {
  const pending = list
    .filter((s) => s.name !== MARK_SHEET)
    .map((info) => {
      const ws = ctx.workbook.worksheets.getItem(info.name);
      const used = ws.getUsedRange(true);
      used.load('address,values,valueTypes,text,numberFormat');
      const props = used.getCellProperties({ format: { fill: FILL_LOAD } });
      const merged = opts.mergedAreas ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { info, used, props, merged };
    });
  const markSheet = list.find((s) => s.name === MARK_SHEET);
  const markRange = markSheet ? ctx.workbook.worksheets.getItem(MARK_SHEET).getUsedRange(true) : null;
  markRange?.load('values');
  await ctx.sync();

  const sheets = pending.map(({ info, used, props, merged }) => {
    const origin = used.address.slice(used.address.lastIndexOf('!') + 1).split(':')[0].replace(/\$/g, '');
    const grid: SheetGrid = {
      name: info.name,
      origin,
      values: used.values.map((row, r) => row.map((v, c) => toCellValue(v, used.valueTypes[r][c]))),
      text: used.text.map((row) => row.map((t) => (t === '' ? null : t))),
      formats: used.numberFormat.map((row) => row.map((f) => (f === '' ? null : String(f)))),
      merges: merged && !merged.isNullObject ? splitAreas(merged.address) : [],
      state: info.visibility === 'VeryHidden' ? 'veryHidden' : info.visibility === 'Hidden' ? 'hidden' : 'visible',
    };
    const fills = props.value.map((row) => row.map((p) => fillOf(p.format?.fill)));
    return { info, grid, fills };
  });
  return { sheets, markValues: markRange ? markRange.values : [] };
}

function toCellValue(v: unknown, type: string): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

function fillOf(f: Excel.CellPropertiesFill | undefined): FillProps {
  return {
    color: f?.color ?? null,
    pattern: (f?.pattern as FillProps['pattern']) ?? null,
    patternColor: f?.patternColor ?? null,
    tintAndShade: f?.tintAndShade ?? null,
    patternTintAndShade: f?.patternTintAndShade ?? null,
  };
}

/** Fill of `cell` on a snapshot sheet, or undefined when the cell lies outside what was read. */
export function fillAt(s: SheetSnapshot, cell: string): FillProps | undefined {
  const o = parseA1(s.grid.origin);
  const p = parseA1(cell);
  return s.fills[p.row - o.row]?.[p.col - o.col];
}

export { a1 };
