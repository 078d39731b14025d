/**
 * Recognition: where are the tables? A table is a vertical block that starts at its title row
 * (tables.md §1.1). Titles are matched by text anywhere in a sheet, so one sheet may hold several
 * tables (an exported PDF) and sheet names or positions never matter. A title is confirmed by the
 * header words that follow it — a 目录 line names a table but is followed by more 目录 lines, so
 * it never opens a block. A repeated title of the open table is a page break, not a new table.
 * Sheets without any title fall back to the header signature (tables.md §2).
 */
import type { TableId } from './model';
import { TABLE_IDS } from './model';
import { SPECS, matchTitle } from './tables';
import type { TableSpec } from './tables/spec';
import { normHeader, normTitle, splitOrdinal, squash } from './text';
import type { SheetView } from './parse/sheet';
import { pushAll } from './list';

export interface Block {
  id: TableId;
  view: SheetView;
  /** Title cell; undefined when the table was found by its header signature only. */
  titleRow?: number;
  titleCol?: number;
  title: string;
  /** First and last row of the block (inclusive). */
  top: number;
  bottom: number;
  /** Rows of repeated titles of the same table (page breaks) inside the block. */
  repeats: number[];
  bySignature?: boolean;
}

export interface Recognition {
  blocks: Block[];
  /** Tables named by a 目录 line (or another unconfirmed title) but never found. */
  announced: Set<TableId>;
}

interface Candidate {
  row: number;
  col: number;
  id: TableId;
  title: string;
}

/** How far below a title we look for its header words. */
const CONFIRM_WINDOW = 10;
/** How many rows from the top a title-less sheet is searched for a header signature. */
const SIGNATURE_ROWS = 40;

export function recognize(views: SheetView[]): Recognition {
  const blocks: Block[] = [];
  const announced = new Set<TableId>();
  const untitled: SheetView[] = [];
  for (const view of views) {
    const found = titledBlocks(view, announced);
    if (found.length) pushAll(blocks, found);
    else untitled.push(view);
  }
  const have = new Set(blocks.map((b) => b.id));
  for (const view of untitled) {
    const b = signatureBlock(view, have);
    if (b) {
      blocks.push(b);
      have.add(b.id);
    }
  }
  // Keep workbook order (sheet order, then row).
  const order = new Map(views.map((v, i) => [v, i]));
  blocks.sort((a, b) => order.get(a.view)! - order.get(b.view)! || a.top - b.top);
  return { blocks, announced };
}

/** Title candidates of one sheet: short rows (≤ 3 filled cells) whose text names a table. */
function titleCandidates(view: SheetView): Candidate[] {
  const out: Candidate[] = [];
  for (let row = view.top; row <= view.bottom; row++) {
    const info = view.scan(row);
    if (info.count === 0 || info.count > 3) continue;
    for (let col = info.first; col <= info.last; col++) {
      const v = view.get(row, col);
      if (typeof v !== 'string' || !v.includes('表')) continue;
      const id = matchTitle(v);
      if (id) {
        out.push({ row, col, id, title: v.trim() });
        break;
      }
    }
  }
  return out;
}

function titledBlocks(view: SheetView, announced: Set<TableId>): Block[] {
  const candidates = titleCandidates(view);
  const firstRow = firstFilledRow(view);
  const confirmed: Candidate[] = [];
  candidates.forEach((c, i) => {
    const next = candidates[i + 1]?.row ?? Infinity;
    const until = Math.min(c.row + CONFIRM_WINDOW, next - 1, view.bottom);
    let ok = confirms(view, SPECS[c.id], c.row + 1, until);
    // A lone title at the top of a sheet (not followed by a list of titles) opens its block
    // even when the header words are garbled.
    if (!ok && c.row === firstRow && next - c.row > 3 && !isTocContext(view, c.row)) ok = true;
    if (ok) confirmed.push(c);
    else announced.add(c.id);
  });

  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const c of confirmed) {
    if (open && open.id === c.id) {
      open.repeats.push(c.row);
      continue;
    }
    if (open) open.bottom = c.row - 1;
    open = { id: c.id, view, titleRow: c.row, titleCol: c.col, title: c.title, top: c.row, bottom: view.bottom, repeats: [] };
    blocks.push(open);
  }
  return blocks;
}

function firstFilledRow(view: SheetView): number {
  for (let row = view.top; row <= view.bottom; row++) if (!view.isEmptyRow(row)) return row;
  return view.top;
}

/** A "目录" heading just above means we are in a table of contents. */
function isTocContext(view: SheetView, row: number): boolean {
  for (let r = row - 1; r >= Math.max(view.top, row - 3); r--)
    for (const c of view.filledCols(r)) if (/^(目录|目次)$/.test(squash(view.text(r, c)))) return true;
  return false;
}

/** Does some row in [from, to] show at least `spec.confirm` of the table's header words? */
function confirms(view: SheetView, spec: TableSpec, from: number, to: number): boolean {
  const words = new Set(spec.signature.map(normHeader));
  for (let row = from; row <= to; row++) {
    const hits = new Set<string>();
    for (const col of view.filledCols(row)) {
      const t = normHeader(view.text(row, col));
      for (const w of words) if (t === w || (w.length >= 4 && t.includes(w))) hits.add(w);
    }
    if (hits.size >= spec.confirm) return true;
  }
  return false;
}

/**
 * A sheet without a title: the table whose signature words appear most in its first rows. T03,
 * T05, T09 (and 济源 T13) share their header; the notes and the sheet name break the tie, then the
 * first of them not found elsewhere.
 */
function signatureBlock(view: SheetView, have: Set<TableId>): Block | undefined {
  const first = firstFilledRow(view);
  // The narrative's input sheet is no table, whatever words it holds.
  const firstCell = view.filledCols(first)[0];
  if (squash(view.name) === '说明参数' || (firstCell !== undefined && squash(view.text(first, firstCell)) === '说明参数')) return undefined;
  const last = Math.min(view.bottom, first + SIGNATURE_ROWS);
  const texts: string[] = [];
  // Labels with an ordinal ("一、一般公共预算") are body lines, not header words.
  for (let row = first; row <= last; row++)
    for (const col of view.filledCols(row)) {
      const t = normHeader(view.text(row, col));
      if (!splitOrdinal(t)) texts.push(t);
    }
  if (texts.length === 0) return undefined;

  let best: TableId[] = [];
  let bestScore = 0;
  for (const id of TABLE_IDS) {
    if (have.has(id)) continue; // a table found by its title is not found again in another sheet
    const words = SPECS[id].signature.map(normHeader);
    const score = words.filter((w) => texts.some((t) => t === w || (w.length >= 4 && t.includes(w)))).length;
    if (score > bestScore) [best, bestScore] = [[id], score];
    else if (score === bestScore && score > 0) best.push(id);
  }
  if (bestScore < 3) return undefined;

  let id = best[0];
  if (best.length > 1) {
    const all = texts.join('|') + '|' + sheetTexts(view, last + 1);
    const byNote = best.find((t) => (NOTE_HINTS[t] ?? []).some((h) => all.includes(h)));
    const byName = best.find((t) => matchTitle(normTitle(view.name) + '') === t);
    id = byNote ?? byName ?? best[0];
  }
  return { id, view, title: '', top: first, bottom: view.bottom, repeats: [], bySignature: true };
}

/** Note words that tell the tables with identical headers apart. */
const NOTE_HINTS: Partial<Record<TableId, string[]>> = {
  T05: ['本表仅含当年财政拨款', '一般公共预算支出'],
  T09: ['政府性基金预算支出'],
  T13: ['国有资本经营预算支出'],
};

/** Texts of the rows after the first ones (for the note hints), bounded. */
function sheetTexts(view: SheetView, from: number): string {
  const parts: string[] = [];
  for (let row = from; row <= view.bottom && parts.length < 400; row++)
    for (const col of view.filledCols(row)) parts.push(squash(view.text(row, col)));
  return parts.join('|');
}
