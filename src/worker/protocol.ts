/** Messages between the page and the core worker (worker.ts). Plain data only: they are structured-cloned. */
import type { SheetGrid } from '../core/grid';
import type { BookPart } from '../preview/book-transfer';
import type { NarrativeSource, WorkStage } from './tasks';

/** Stages of opening an .xlsx in the preview (parsing happens in the worker). */
export type OpenStage = 'parse' | 'transfer';

export type WorkRequest =
  | { id: number; type: 'grids'; part: GridPart }
  | { id: number; type: 'check'; file: string }
  | { id: number; type: 'narrative' }
  | { id: number; type: 'params' }
  | { id: number; type: 'narrative-check'; source: NarrativeSource }
  | { id: number; type: 'open'; bytes: ArrayBuffer };

/** One slice of rows of one sheet; slices of a sheet arrive in order, the first carries merges etc. */
export interface GridPart {
  index: number;
  grid: SheetGrid;
  continued: boolean;
}

export type WorkReply =
  | { id: number; type: 'stage'; stage: WorkStage | OpenStage }
  | { id: number; type: 'part'; part: BookPart }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; message: string };

/** Slice grids so that no single message holds more than `maxCells` cells (a huge clone would block the page). */
export function splitGrids(grids: SheetGrid[], maxCells = 20_000): GridPart[] {
  const parts: GridPart[] = [];
  grids.forEach((grid, index) => {
    const width = Math.max(1, grid.values.reduce((w, row) => (row.length > w ? row.length : w), 0));
    const step = Math.max(1, Math.floor(maxCells / width));
    if (grid.values.length <= step) {
      parts.push({ index, grid, continued: false });
      return;
    }
    for (let from = 0; from < grid.values.length; from += step) {
      const to = from + step;
      const slice: SheetGrid = {
        ...grid,
        values: grid.values.slice(from, to),
        text: grid.text?.slice(from, to),
        formats: grid.formats?.slice(from, to),
      };
      if (from > 0) {
        slice.merges = [];
        slice.hiddenRows = [];
      }
      parts.push({ index, grid: slice, continued: from > 0 });
    }
  });
  return parts;
}

/** Reassemble what splitGrids cut (in the worker). */
export function joinGrids(parts: GridPart[]): SheetGrid[] {
  const out: SheetGrid[] = [];
  for (const p of parts) {
    const g = out[p.index];
    if (!p.continued || !g) {
      out[p.index] = { ...p.grid, values: p.grid.values.slice(), text: p.grid.text?.slice(), formats: p.grid.formats?.slice() };
      continue;
    }
    for (const row of p.grid.values) g.values.push(row);
    if (g.text && p.grid.text) for (const row of p.grid.text) g.text.push(row);
    if (g.formats && p.grid.formats) for (const row of p.grid.formats) g.formats.push(row);
  }
  return out.filter(Boolean);
}
