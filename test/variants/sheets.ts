/**
 * Editable sheets for the variant generator: a SheetGrid unpacked to a dense A1-based array with a
 * tag per cell (the original cells it came from), so that rows and columns can be inserted, deleted
 * and moved between sheets while every original cell can still be found (old cell → new cell).
 */
import type { CellRef, CellValue, SheetGrid } from '../../src/core/grid';
import { a1, gridOrigin, parseRange } from '../../src/core/grid';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  values: CellValue[][];
  formats: (string | null)[][];
  /** Original cells ("sheet!A1") now at this cell; a deleted column hands its tags to a kept one. */
  tags: (string[] | null)[][];
  merges: Rect[];
  hidden: Set<number>;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export const tagOf = (ref: CellRef): string => `${ref.sheet}!${ref.cell.replace(/\$/g, '').toUpperCase()}`;

/** SheetGrid → Sheet (origin normalised to A1, every cell tagged with its own address). */
export function unpack(g: SheetGrid): Sheet {
  const o = gridOrigin(g);
  const height = o.row - 1 + g.values.length;
  let width = 0;
  for (const r of g.values) width = Math.max(width, r.length);
  width += o.col - 1;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const tags: (string[] | null)[][] = [];
  for (let r = 1; r <= height; r++) {
    const src = g.values[r - o.row];
    const fsrc = g.formats?.[r - o.row];
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    const ts: (string[] | null)[] = [];
    for (let c = 1; c <= width; c++) {
      vs.push(src?.[c - o.col] ?? null);
      fs.push(fsrc?.[c - o.col] ?? null);
      ts.push([`${g.name}!${a1(r, c)}`]);
    }
    values.push(vs);
    formats.push(fs);
    tags.push(ts);
  }
  return {
    name: g.name,
    values,
    formats,
    tags,
    merges: (g.merges ?? []).map((m) => parseRange(m)),
    hidden: new Set(g.hiddenRows ?? []),
    state: g.state ?? 'visible',
  };
}

export function pack(s: Sheet): SheetGrid {
  return {
    name: s.name,
    origin: 'A1',
    values: s.values,
    formats: s.formats,
    merges: s.merges.map((m) => (m.top === m.bottom && m.left === m.right ? a1(m.top, m.left) : `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)),
    hiddenRows: [...s.hidden].sort((a, b) => a - b),
    state: s.state,
  };
}

export function get(s: Sheet, row: number, col: number): CellValue {
  return s.values[row - 1]?.[col - 1] ?? null;
}

export function set(s: Sheet, row: number, col: number, v: CellValue, format?: string | null): void {
  while (s.values.length < row) {
    s.values.push([]);
    s.formats.push([]);
    s.tags.push([]);
  }
  const r = s.values[row - 1];
  while (r.length < col) {
    r.push(null);
    s.formats[row - 1].push(null);
    s.tags[row - 1].push(null);
  }
  r[col - 1] = v;
  if (format !== undefined) s.formats[row - 1][col - 1] = format;
}

/** Inserts `n` blank rows before row `at`. */
export function insertRows(s: Sheet, at: number, n = 1): void {
  const i = Math.min(at - 1, s.values.length);
  for (let k = 0; k < n; k++) {
    s.values.splice(i, 0, []);
    s.formats.splice(i, 0, []);
    s.tags.splice(i, 0, []);
  }
  for (const m of s.merges) {
    if (m.top >= at) m.top += n;
    if (m.bottom >= at) m.bottom += n;
  }
  s.hidden = new Set([...s.hidden].map((r) => (r >= at ? r + n : r)));
}

/** Inserts `n` blank columns before column `at`. */
export function insertCols(s: Sheet, at: number, n = 1): void {
  for (let r = 0; r < s.values.length; r++) {
    if (s.values[r].length < at - 1) continue;
    s.values[r].splice(at - 1, 0, ...Array(n).fill(null));
    s.formats[r].splice(at - 1, 0, ...Array(n).fill(null));
    s.tags[r].splice(at - 1, 0, ...Array(n).fill(null));
  }
  for (const m of s.merges) {
    if (m.left >= at) m.left += n;
    if (m.right >= at) m.right += n;
  }
}

/** Deletes row `row`; its tags go to the same column of row `into` (a cell moved there). */
export function deleteRow(s: Sheet, row: number, into: number): void {
  const tags = s.tags[row - 1] ?? [];
  tags.forEach((t, c) => {
    if (!t) return;
    const target = s.tags[into - 1];
    while (target.length <= c) target.push(null);
    (target[c] ??= []).push(...t);
  });
  s.values.splice(row - 1, 1);
  s.formats.splice(row - 1, 1);
  s.tags.splice(row - 1, 1);
  s.merges = s.merges
    .filter((m) => !(m.top === row && m.bottom === row))
    .map((m) => ({ left: m.left, right: m.right, top: m.top > row ? m.top - 1 : m.top, bottom: m.bottom >= row ? m.bottom - 1 : m.bottom }));
  s.hidden = new Set([...s.hidden].filter((r) => r !== row).map((r) => (r > row ? r - 1 : r)));
}

/** Deletes column `col`; its tags go to column `into` of the same row (the kept code cell). */
export function deleteCol(s: Sheet, col: number, into: number): void {
  for (let r = 0; r < s.values.length; r++) {
    const tags = s.tags[r][col - 1];
    if (tags) {
      const target = s.tags[r][into - 1] ?? (s.tags[r][into - 1] = []);
      target.push(...tags);
    }
    s.values[r].splice(col - 1, 1);
    s.formats[r].splice(col - 1, 1);
    s.tags[r].splice(col - 1, 1);
  }
  s.merges = s.merges
    .map((m) => ({ top: m.top, bottom: m.bottom, left: m.left > col ? m.left - 1 : m.left, right: m.right >= col ? m.right - 1 : m.right }))
    .filter((m) => m.right >= m.left && (m.right > m.left || m.bottom > m.top));
}

/** Where every original cell is now. */
export function cellMap(sheets: Sheet[]): Map<string, CellRef> {
  const map = new Map<string, CellRef>();
  for (const s of sheets)
    s.tags.forEach((row, r) =>
      row.forEach((tags, c) => {
        if (tags) for (const t of tags) if (!map.has(t)) map.set(t, { sheet: s.name, cell: a1(r + 1, c + 1) });
      }),
    );
  return map;
}

/** Position of an original cell in the current sheets (an index built once per layout step). */
export class Locator {
  private readonly at = new Map<string, { sheet: Sheet; row: number; col: number }>();
  constructor(sheets: Sheet[]) {
    for (const s of sheets)
      s.tags.forEach((row, r) =>
        row.forEach((tags, c) => {
          if (tags) for (const t of tags) if (!this.at.has(t)) this.at.set(t, { sheet: s, row: r + 1, col: c + 1 });
        }),
      );
  }
  find(ref: CellRef | undefined): { sheet: Sheet; row: number; col: number } | undefined {
    return ref ? this.at.get(tagOf(ref)) : undefined;
  }
}
