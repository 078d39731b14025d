/**
 * Reading the workbook in round trips that fit Excel on the web's 5 MB payload limit.
 *
 *  1. loadWorkbookInfo: the sheet list with each sheet's protection, the workbook's structure
 *     protection, and the ids of our marks parts.
 *  2. loadSnapshot, first trip: every sheet's used range (values only) and a window of its first
 *     rows — values, types, text, number formats, merged areas and (when asked) fills — plus the
 *     marks parts' XML. Ordinary workbooks are then read whole.
 *  3. further trips only for what did not fit: the remaining rows in row blocks, packed so that no
 *     trip carries more than TRIP_BUDGET bytes by estimate; a trip Excel still refuses as too large
 *     is split and retried.
 * Fills beyond the windows are read only for the cells about to be painted (readFills).
 */
import type { CellValue, SheetGrid } from '../core/grid';
import { a1, parseA1 } from '../core/grid';
import { splitAreas } from './address';
import type { FillProps } from './fill';
import { LEGACY_MARK_SHEET, MARKS_NAMESPACE } from './marks';
import { jsonBytes, TRIP_BUDGET } from './payload';

export interface SheetInfo {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sheet protection is on: its cells cannot be recoloured. */
  protected: boolean;
}

export interface WorkbookInfo {
  /** The user's sheets (the legacy marks sheet left out). */
  sheets: SheetInfo[];
  structureProtected: boolean;
  /** Ids of our custom XML parts holding marks. */
  markParts: string[];
  /** The marks sheet of earlier versions, when the workbook still has one. */
  legacySheet: SheetInfo | null;
}

export interface SheetSnapshot {
  info: SheetInfo;
  grid: SheetGrid;
  /** Fills known so far, by A1 address (the window's cells, then cells read with readFills). */
  fills: Map<string, FillProps>;
}

export interface Snapshot {
  sheets: SheetSnapshot[];
  /** XML of each marks part. */
  marksXml: string[];
  /** Values of the legacy marks sheet (empty when there is none). */
  legacyValues: unknown[][];
  /** Sheets whose merged areas could not be read (more than Excel returns at once). */
  mergesSkipped: string[];
}

export const FILL_LOAD = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

/** The window is at most this many columns wide; wider sheets are read in row blocks. */
const WINDOW_COLS = 20;
/** Estimated bytes per cell of a window (values, types, text, format, fill) and of a block without fills. */
const WINDOW_CELL_BYTES = 260;
const BLOCK_CELL_BYTES = 90;
/** Cells per round trip when reading the fills of cells to paint. */
const FILLS_PER_TRIP = 6000;

const PAYLOAD_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'RangeExceedsLimit']);

export function isPayloadError(e: unknown): boolean {
  return PAYLOAD_CODES.has((e as { code?: string })?.code ?? '');
}

/** Round trip 1. */
export async function loadWorkbookInfo(ctx: Excel.RequestContext): Promise<WorkbookInfo> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility,items/protection/protected');
  const protection = ctx.workbook.protection;
  protection.load('protected');
  const parts = ctx.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load('items/id');
  await ctx.sync();
  const all: SheetInfo[] = sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility as SheetInfo['visibility'], protected: s.protection.protected }));
  return {
    sheets: all.filter((s) => s.name !== LEGACY_MARK_SHEET),
    structureProtected: protection.protected,
    markParts: parts.items.map((p) => p.id),
    legacySheet: all.find((s) => s.name === LEGACY_MARK_SHEET) ?? null,
  };
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Rows {
  values: unknown[][];
  valueTypes: string[][];
  text: string[][];
  numberFormat: unknown[][];
}

interface Pending {
  info: SheetInfo;
  used: Rect;
  /** Rows read so far, indexed from used.top. */
  rows: (Rows | null)[];
  fills: Map<string, FillProps>;
  merges: Set<string>;
  /** Observed bytes per cell (values, types, text, formats), to plan the blocks. */
  cellBytes: number;
}

/** Rounds 2…n: every sheet's grid, the fills of the windows (with `fills`), the stored marks. */
export async function loadSnapshot(ctx: Excel.RequestContext, info: WorkbookInfo, opts: { fills: boolean; mergedAreas: boolean }): Promise<Snapshot> {
  const n = Math.max(1, info.sheets.length);
  let windowRows = Math.max(10, Math.min(1000, Math.floor(TRIP_BUDGET / ((opts.fills ? WINDOW_CELL_BYTES : BLOCK_CELL_BYTES) * n * 10))));
  let merged = opts.mergedAreas;
  const mergesSkipped: string[] = [];
  for (;;) {
    try {
      const first = await firstTrip(ctx, info, windowRows, opts.fills, merged);
      const sheets = await restTrips(ctx, first.pending, merged);
      if (!merged && opts.mergedAreas) for (const name of await mergesSheetBySheet(ctx, sheets)) mergesSkipped.push(name);
      return { sheets, marksXml: first.marksXml, legacyValues: first.legacyValues, mergesSkipped };
    } catch (e) {
      const code = (e as { code?: string })?.code ?? '';
      // Too large after all (very long texts), or a used range too close to the sheet's last row for
      // the window: read the dimensions alone first, then blocks.
      if ((isPayloadError(e) || code === 'InvalidArgument') && windowRows > 0) windowRows = 0;
      // More than 512 merged areas in a block: Excel does not return them; read without.
      else if (merged && code === 'GeneralException') merged = false;
      else throw e;
    }
  }
}

/**
 * After a read without merged areas (some block had more than Excel returns): each sheet's merged
 * areas in a trip of its own; the names of the sheets where even that fails.
 */
async function mergesSheetBySheet(ctx: Excel.RequestContext, sheets: SheetSnapshot[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const s of sheets) {
    const merges = ctx.workbook.worksheets.getItem(s.info.name).getUsedRange(true).getMergedAreasOrNullObject();
    merges.load('address');
    try {
      await ctx.sync();
      s.grid.merges = merges.isNullObject ? [] : splitAreas(merges.address);
    } catch (e) {
      if ((e as { code?: string })?.code !== 'GeneralException') throw e;
      skipped.push(s.info.name);
    }
  }
  return skipped;
}

async function firstTrip(ctx: Excel.RequestContext, info: WorkbookInfo, windowRows: number, fills: boolean, merged: boolean) {
  const reads = info.sheets.map((sheet) => {
    const used = ctx.workbook.worksheets.getItem(sheet.name).getUsedRange(true);
    used.load('address');
    if (windowRows === 0) return { sheet, used, win: null, props: null, merges: null };
    const win = used.getCell(0, 0).getResizedRange(windowRows - 1, WINDOW_COLS - 1).getIntersection(used);
    win.load('address,values,valueTypes,text,numberFormat');
    const props = fills ? win.getCellProperties({ format: { fill: FILL_LOAD } }) : null;
    const merges = merged ? win.getMergedAreasOrNullObject() : null;
    merges?.load('address');
    return { sheet, used, win, props, merges };
  });
  const xml = info.markParts.map((id) => ctx.workbook.customXmlParts.getItem(id).getXml());
  const legacy = info.legacySheet ? ctx.workbook.worksheets.getItem(info.legacySheet.name).getUsedRange(true) : null;
  legacy?.load('values');
  await ctx.sync();

  const pending: Pending[] = reads.map(({ sheet, used, win, props, merges }) => {
    const u = rectOf(used.address);
    const p: Pending = { info: sheet, used: u, rows: new Array<Rows | null>(u.bottom - u.top + 1).fill(null), fills: new Map(), merges: new Set(), cellBytes: BLOCK_CELL_BYTES };
    if (win) {
      const w = rectOf(win.address);
      const block: Rows = { values: win.values, valueTypes: win.valueTypes, text: win.text, numberFormat: win.numberFormat };
      const cells = (w.bottom - w.top + 1) * (w.right - w.left + 1);
      p.cellBytes = Math.max(40, Math.ceil((jsonBytes(block) / cells) * 1.25));
      // A window narrower than the sheet is of no use for the grid (rows must be whole); fills still are.
      if (w.right === u.right) addRows(p, w.top, block);
      if (props) props.value.forEach((row, r) => row.forEach((c, col) => p.fills.set(a1(w.top + r, w.left + col), fillOf(c.format?.fill))));
      if (merges && !merges.isNullObject) for (const m of splitAreas(merges.address)) p.merges.add(m);
    }
    return p;
  });
  return { pending, marksXml: xml.map((x) => x.value), legacyValues: legacy ? legacy.values : [] };
}

interface Block {
  p: Pending;
  top: number;
  bottom: number;
}

/** Rows not read yet, in blocks packed into trips of at most TRIP_BUDGET bytes by estimate. */
async function restTrips(ctx: Excel.RequestContext, pending: Pending[], merged: boolean): Promise<SheetSnapshot[]> {
  let budget = TRIP_BUDGET;
  let blocks = missingBlocks(pending, budget);
  while (blocks.length) {
    const trip: Block[] = [];
    let bytes = 0;
    while (blocks.length && (trip.length === 0 || bytes + estimate(blocks[0]) <= budget)) {
      bytes += estimate(blocks[0]);
      trip.push(blocks.shift()!);
    }
    try {
      await readBlocks(ctx, trip, merged);
    } catch (e) {
      if (!isPayloadError(e) || trip.every((b) => b.top === b.bottom)) throw e;
      budget = Math.max(1, Math.floor(budget / 2));
      blocks = missingBlocks(pending, budget);
    }
  }
  return pending.map(toSheet);
}

function estimate(b: Block): number {
  return (b.bottom - b.top + 1) * (b.p.used.right - b.p.used.left + 1) * b.p.cellBytes;
}

function missingBlocks(pending: Pending[], budget: number): Block[] {
  const out: Block[] = [];
  for (const p of pending) {
    const cols = p.used.right - p.used.left + 1;
    const rowsPerBlock = Math.max(1, Math.floor(budget / (cols * p.cellBytes)));
    let r = 0;
    while (r < p.rows.length) {
      if (p.rows[r]) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < p.rows.length && !p.rows[end + 1] && end + 1 - r < rowsPerBlock) end++;
      out.push({ p, top: p.used.top + r, bottom: p.used.top + end });
      r = end + 1;
    }
  }
  return out;
}

async function readBlocks(ctx: Excel.RequestContext, trip: Block[], merged: boolean): Promise<void> {
  const reads = trip.map((b) => {
    const range = ctx.workbook.worksheets.getItem(b.p.info.name).getRange(`${a1(b.top, b.p.used.left)}:${a1(b.bottom, b.p.used.right)}`);
    range.load('values,valueTypes,text,numberFormat');
    const merges = merged ? range.getMergedAreasOrNullObject() : null;
    merges?.load('address');
    return { b, range, merges };
  });
  await ctx.sync();
  for (const { b, range, merges } of reads) {
    addRows(b.p, b.top, { values: range.values, valueTypes: range.valueTypes, text: range.text, numberFormat: range.numberFormat });
    if (merges && !merges.isNullObject) for (const m of splitAreas(merges.address)) b.p.merges.add(m);
  }
}

function addRows(p: Pending, top: number, block: Rows): void {
  for (let r = 0; r < block.values.length; r++) {
    p.rows[top - p.used.top + r] = { values: [block.values[r]], valueTypes: [block.valueTypes[r]], text: [block.text[r]], numberFormat: [block.numberFormat[r]] };
  }
}

function toSheet(p: Pending): SheetSnapshot {
  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (const row of p.rows) {
    if (!row) throw new Error(`internal: rows of ${p.info.name} missing`);
    values.push(row.values[0].map((v, c) => toCellValue(v, row.valueTypes[0][c])));
    text.push(row.text[0].map((t) => (t === '' ? null : t)));
    formats.push(row.numberFormat[0].map((f) => (f === '' ? null : String(f))));
  }
  const info = p.info;
  const grid: SheetGrid = {
    name: info.name,
    origin: a1(p.used.top, p.used.left),
    values,
    text,
    formats,
    merges: [...p.merges],
    state: info.visibility === 'VeryHidden' ? 'veryHidden' : info.visibility === 'Hidden' ? 'hidden' : 'visible',
  };
  return { info, grid, fills: p.fills };
}

/**
 * The current fill of each cell, FILLS_PER_TRIP cells per round trip; results go into the sheets'
 * fill maps. Only ever called for the cells about to be painted or restored.
 */
export async function readFills(ctx: Excel.RequestContext, cells: { sheet: string; cell: string }[], into: (sheet: string, cell: string, fill: FillProps) => void): Promise<void> {
  for (let i = 0; i < cells.length; i += FILLS_PER_TRIP) {
    const part = cells.slice(i, i + FILLS_PER_TRIP);
    const reads = part.map((c) => ({ c, result: ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).getCellProperties({ format: { fill: FILL_LOAD } }) }));
    await ctx.sync();
    for (const { c, result } of reads) into(c.sheet, c.cell, fillOf(result.value[0][0].format?.fill));
  }
}

/** "'表 1'!B3:D9" → its rectangle (1-based). */
function rectOf(address: string): Rect {
  const [p, q = p] = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').split(':');
  const x = parseA1(p);
  const y = parseA1(q);
  return { top: x.row, left: x.col, bottom: y.row, right: y.col };
}

function toCellValue(v: unknown, type: string): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

export function fillOf(f: Excel.CellPropertiesFill | undefined): FillProps {
  return {
    color: f?.color ?? null,
    pattern: (f?.pattern as FillProps['pattern']) ?? null,
    patternColor: f?.patternColor ?? null,
    tintAndShade: f?.tintAndShade ?? null,
    patternTintAndShade: f?.patternTintAndShade ?? null,
  };
}

/** Fill of `cell` on a snapshot sheet, or undefined when it was not read. */
export function fillAt(s: SheetSnapshot, cell: string): FillProps | undefined {
  return s.fills.get(cell);
}

export { a1 };
