/**
 * SheetView: read access to one SheetGrid in absolute 1-based sheet coordinates, with merged
 * areas resolved on request (Excel keeps a merge's value only in its top-left cell).
 * Nothing here allocates by the size of the used range: only the rows and merges given are touched.
 */
import type { CellValue, SheetGrid } from '../grid';
import { columnLetter, gridOrigin, parseRange } from '../grid';
import { cellText } from '../text';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merges larger than this are not expanded cell by cell (a whole-sheet merge is noise). */
const MAX_MERGE_CELLS = 20_000;

const key = (row: number, col: number): number => row * 16384 + col;

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Last absolute row that exists in `values` (top - 1 when empty). */
  readonly bottom: number;
  /** Last absolute column over all rows. */
  readonly right: number;
  readonly hidden: Set<number>;
  readonly merges: Rect[] = [];
  private readonly values: CellValue[][];
  private readonly formats?: (string | null)[][];
  private readonly texts?: (string | null)[][];
  /** row * 2^14 + col of a non-top-left merged cell → its merge. */
  private readonly mergeOf = new Map<number, Rect>();
  /** 1 for the rows (relative to top) holding a covered cell of a merge: other rows skip the map. */
  private readonly mergedRows: Uint8Array;
  private readonly letters: string[] = [];
  /** Digits of the last row addressed (a row's cells are addressed together). */
  private refRow = NaN;
  private refRowText = '';
  private memoRow = -1;
  private memoCols: number[] = [];
  /** Per row, filled on first use: count + 1 (0 = not scanned yet), first and last filled column, has a number. */
  private readonly scanCount: Int32Array;
  private readonly scanFirst: Int32Array;
  private readonly scanLast: Int32Array;
  private readonly scanNumber: Uint8Array;
  private readonly scanInfo = { count: 0, first: 0, last: 0, number: false };

  constructor(readonly grid: SheetGrid) {
    this.name = String(grid.name ?? '');
    let origin = { row: 1, col: 1 };
    try {
      origin = gridOrigin(grid);
    } catch {
      /* a bad origin is read as A1 */
    }
    this.top = origin.row;
    this.left = origin.col;
    this.values = Array.isArray(grid.values) ? grid.values : [];
    this.formats = Array.isArray(grid.formats) ? grid.formats : undefined;
    this.texts = Array.isArray(grid.text) ? grid.text : undefined;
    this.bottom = this.top + this.values.length - 1;
    this.scanCount = new Int32Array(this.values.length);
    this.scanFirst = new Int32Array(this.values.length);
    this.scanLast = new Int32Array(this.values.length);
    this.scanNumber = new Uint8Array(this.values.length);
    this.mergedRows = new Uint8Array(this.values.length);
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.right = this.left + width - 1;
    this.hidden = new Set(Array.isArray(grid.hiddenRows) ? grid.hiddenRows.filter((n) => Number.isInteger(n)) : []);
    for (const m of Array.isArray(grid.merges) ? grid.merges : []) this.addMerge(m);
  }

  private addMerge(range: string): void {
    let r: Rect;
    try {
      r = parseRange(String(range));
    } catch {
      return;
    }
    // Clip to the cells we actually have; a merge outside the data holds nothing.
    const clipped = {
      top: Math.max(r.top, this.top),
      left: Math.max(r.left, this.left),
      bottom: Math.min(r.bottom, this.bottom),
      right: Math.min(r.right, this.right),
    };
    if (clipped.top > clipped.bottom || clipped.left > clipped.right) return;
    if (r.top === r.bottom && r.left === r.right) return;
    this.merges.push(r);
    const cells = (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
    if (cells > MAX_MERGE_CELLS) return;
    for (let row = clipped.top; row <= clipped.bottom; row++)
      for (let col = clipped.left; col <= clipped.right; col++)
        if (row !== r.top || col !== r.left) {
          this.mergeOf.set(key(row, col), r);
          this.mergedRows[row - this.top] = 1;
        }
  }

  /** The raw cell value (null outside the data). */
  get(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!Array.isArray(r)) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The value, or for a covered cell of a merge, the value of the merge's top-left cell. */
  getFilled(row: number, col: number): CellValue {
    const v = this.get(row, col);
    if ((v !== null && v !== '') || this.mergedRows[row - this.top] !== 1) return v;
    const m = this.mergeOf.get(key(row, col));
    return m ? this.get(m.top, m.left) : v;
  }

  /** The merge covering (row, col) when (row, col) is not its top-left cell. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.mergedRows[row - this.top] !== 1 ? undefined : this.mergeOf.get(key(row, col));
  }

  format(row: number, col: number): string | null {
    const r = this.formats?.[row - this.top];
    return (Array.isArray(r) ? r[col - this.left] : null) ?? null;
  }

  /** Displayed text when the host gave it. */
  shown(row: number, col: number): string | null {
    const r = this.texts?.[row - this.top];
    return (Array.isArray(r) ? r[col - this.left] : null) ?? null;
  }

  text(row: number, col: number): string {
    return cellText(this.get(row, col)).trim();
  }

  /** Columns that hold a non-empty value in this row (absolute), in order. Do not modify the result. */
  filledCols(row: number): number[] {
    if (row === this.memoRow) return this.memoCols;
    const r = this.values[row - this.top];
    const out: number[] = [];
    this.memoRow = row;
    this.memoCols = out;
    if (!Array.isArray(r)) return out;
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' && (v === '' || (v.charCodeAt(0) <= 32 && v.trim() === ''))) continue;
      out.push(this.left + i);
    }
    return out;
  }

  /**
   * One pass over a row: how many cells hold a value, the first and last of them, and whether one
   * is a number (or error / boolean). Each row is scanned once (recognition and parsing both ask);
   * the result object is reused, do not keep it.
   */
  scan(row: number): { count: number; first: number; last: number; number: boolean } {
    const info = this.scanInfo;
    const i = row - this.top;
    if (i < 0 || i >= this.values.length || !Number.isInteger(i)) return this.scanRowNow(row, info);
    if (this.scanCount[i] === 0) {
      this.scanRowNow(row, info);
      this.scanCount[i] = info.count + 1;
      this.scanFirst[i] = info.first;
      this.scanLast[i] = info.last;
      this.scanNumber[i] = info.number ? 1 : 0;
      return info;
    }
    info.count = this.scanCount[i] - 1;
    info.first = this.scanFirst[i];
    info.last = this.scanLast[i];
    info.number = this.scanNumber[i] === 1;
    return info;
  }

  private scanRowNow(row: number, info: { count: number; first: number; last: number; number: boolean }) {
    info.count = 0;
    info.first = 0;
    info.last = 0;
    info.number = false;
    const r = this.values[row - this.top];
    if (!Array.isArray(r)) return info;
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') {
        if (v === '' || (v.charCodeAt(0) <= 32 && v.trim() === '')) continue;
      } else info.number = true;
      if (info.count === 0) info.first = this.left + i;
      info.last = this.left + i;
      info.count++;
    }
    return info;
  }

  /** Last column holding a value in this row (left - 1 when none); allocates nothing. */
  lastFilledCol(row: number): number {
    const r = this.values[row - this.top];
    if (!Array.isArray(r)) return this.left - 1;
    for (let i = r.length - 1; i >= 0; i--) {
      const v = r[i];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return this.left + i;
    }
    return this.left - 1;
  }

  /** Does the row hold a number (or an error / boolean) anywhere? */
  hasNumber(row: number): boolean {
    return this.scan(row).number;
  }

  isEmptyRow(row: number): boolean {
    return this.scan(row).count === 0;
  }

  ref(row: number, col: number): { sheet: string; cell: string } {
    const letters = this.letters[col] ?? (this.letters[col] = columnLetter(col));
    if (row !== this.refRow) {
      this.refRow = row;
      this.refRowText = String(row);
    }
    return { sheet: this.name, cell: letters + this.refRowText };
  }
}
