/**
 * The preview's workbook travels from the worker (where ExcelJS parses the .xlsx) to the page in
 * small parts: one message per sheet header and per slice of cells, so the page never has to
 * receive or rebuild a whole large workbook in one go. Number formats and fills are sent once each
 * (tables grow with each part); cells refer to them by index.
 */
import type { FillProps } from '../excel/fill';
import type { FakeValue } from '../excel/fake/display';
import type { FakeSheet, Visibility } from '../excel/fake/workbook';
import { FakeWorkbook } from '../excel/fake/workbook';

export type BookPart =
  | { kind: 'sheet'; name: string; visibility: Visibility; merges: string[]; hiddenRows: number[]; colWidths: [number, number][]; cells: number }
  | {
      kind: 'cells';
      /** New entries of the number-format and fill tables, appended before this part's cells are read. */
      formats: string[];
      fills: FillProps[];
      rows: Int32Array;
      cols: Int32Array;
      values: FakeValue[];
      format: Int32Array;
      fill: Int32Array;
      /** 1 = bold, 2 = wrap. */
      flags: Uint8Array;
    }
  | { kind: 'end'; active: number };

/** Cut a workbook into parts of at most `size` cells (in the worker). */
export function* encodeBook(book: FakeWorkbook, size = 10_000): Generator<BookPart> {
  const formatIndex = new Map<string, number>();
  const fillIndex = new Map<string, number>();
  for (const sheet of book.sheets) {
    yield {
      kind: 'sheet',
      name: sheet.name,
      visibility: sheet.visibility,
      merges: sheet.merges.slice(),
      hiddenRows: Array.from(sheet.hiddenRows),
      colWidths: Array.from(sheet.colWidths.entries()),
      cells: sheet.cells.size,
    };
    let batch = newBatch(Math.min(size, sheet.cells.size));
    let n = 0;
    for (const [key, cell] of sheet.cells) {
      const sep = key.indexOf(':');
      batch.rows[n] = Number(key.slice(0, sep));
      batch.cols[n] = Number(key.slice(sep + 1));
      batch.values[n] = cell.value;
      batch.format[n] = indexOf(formatIndex, cell.numFmt, cell.numFmt, batch.formats);
      batch.fill[n] = indexOf(fillIndex, fillKey(cell.fill), cell.fill, batch.fills);
      batch.flags[n] = (cell.bold ? 1 : 0) | (cell.wrap ? 2 : 0);
      n++;
      if (n === batch.rows.length) {
        yield batch;
        batch = newBatch(size);
        n = 0;
      }
    }
    if (n > 0) yield trim(batch, n);
  }
  const active = book.sheets.findIndex((s) => s.id === book.activeSheetId);
  yield { kind: 'end', active };
}

type CellsPart = Extract<BookPart, { kind: 'cells' }>;

function newBatch(n: number): CellsPart {
  return { kind: 'cells', formats: [], fills: [], rows: new Int32Array(n), cols: new Int32Array(n), values: new Array<FakeValue>(n), format: new Int32Array(n), fill: new Int32Array(n), flags: new Uint8Array(n) };
}

function trim(b: CellsPart, n: number): CellsPart {
  return { ...b, rows: b.rows.slice(0, n), cols: b.cols.slice(0, n), values: b.values.slice(0, n), format: b.format.slice(0, n), fill: b.fill.slice(0, n), flags: b.flags.slice(0, n) };
}

function indexOf<T>(index: Map<string, number>, key: string, value: T, fresh: T[]): number {
  let i = index.get(key);
  if (i === undefined) {
    i = index.size;
    index.set(key, i);
    fresh.push(value);
  }
  return i;
}

function fillKey(f: FillProps): string {
  return `${f.color}|${f.pattern}|${f.patternColor}|${f.tintAndShade}|${f.patternTintAndShade}`;
}

/** The buffers of a part, to transfer instead of copy. */
export function transferables(part: BookPart): ArrayBuffer[] {
  if (part.kind !== 'cells') return [];
  return [part.rows.buffer, part.cols.buffer, part.format.buffer, part.fill.buffer, part.flags.buffer] as ArrayBuffer[];
}

/** Rebuilds the workbook part by part (on the page). */
export class BookDecoder {
  readonly book = new FakeWorkbook();
  private sheet: FakeSheet | null = null;
  private formats: string[] = [];
  private fills: FillProps[] = [];
  /** Cells expected and received so far (for the progress line). */
  expected = 0;
  received = 0;

  apply(part: BookPart): void {
    if (part.kind === 'sheet') {
      const s = this.book.addSheet(part.name);
      s.visibility = part.visibility;
      s.merges = part.merges;
      for (const r of part.hiddenRows) s.hiddenRows.add(r);
      for (const [c, w] of part.colWidths) s.colWidths.set(c, w);
      this.sheet = s;
      this.expected += part.cells;
      return;
    }
    if (part.kind === 'end') {
      const active = this.book.sheets[part.active];
      this.book.activeSheetId = active ? active.id : null;
      return;
    }
    for (const f of part.formats) this.formats.push(f);
    for (const f of part.fills) this.fills.push(f);
    const s = this.sheet;
    if (!s) throw new Error('工作簿数据不完整（单元格先于工作表到达）。');
    for (let i = 0; i < part.rows.length; i++) {
      const c = s.ensure(part.rows[i], part.cols[i]);
      c.value = part.values[i];
      c.numFmt = this.formats[part.format[i]];
      c.fill = { ...this.fills[part.fill[i]] };
      if (part.flags[i] & 1) c.bold = true;
      if (part.flags[i] & 2) c.wrap = true;
    }
    this.received += part.rows.length;
  }
}
