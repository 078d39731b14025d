/**
 * Helpers shared by every body parser: which rows to skip (blank, repeated title / preamble /
 * header after a page break), note rows, text cells, amounts of a row, code cells with their
 * lost-zero accounting.
 */
import type { Amount } from '../amount';
import type { CellValue } from '../grid';
import type { Note, TableId, TextCell } from '../model';
import type { Block } from '../recognize';
import { cellText, squash } from '../text';
import type { CodeCell, ParseContext } from './context';
import { codeOf } from './context';
import type { Header } from './header';
import { isBodyish, isPreambleRow, rowSignature } from './header';
import type { SheetView } from './sheet';

const NOTE_START = /^(注|备注|说明|附注|填表说明)[:：0-9.、]?/;
const NOTE_SENTENCE = /^(本表|本部门|我部门|我单位|本单位|若|按照|如|[0-9]+[.、])/;
const TRAILING_COLON = /[:：]$/;
export const NO_DATA = /(故(本|此|该)表(为空|无数据)|本表无数据|此表无数据|该表无数据|表内无数据)/;

/** Rows a body parser never reads: blank, repeated title / preamble / header. */
export function isSkippable(view: SheetView, row: number, block: Block, header: Header): boolean {
  if (view.isEmptyRow(row)) return true;
  if (view.hasNumber(row)) return false;
  if (block.repeats.includes(row)) return true;
  if (isPreambleRow(view, row)) return true;
  if (header.firstCells.size) {
    const first = view.filledCols(row)[0];
    if (header.firstCells.has(view.text(row, first)) && header.signatures.has(rowSignature(view, row)) && !isBodyish(view, row)) return true;
  }
  return false;
}

/**
 * Walks the body of a table: blank rows and repeated titles / preambles / headers are skipped,
 * note rows go to `notes`, every other row goes to `visit`, which says whether the row belongs to
 * the table. Returns the table's last row: its last note or kept row, else its last header row
 * (else the block's top).
 */
export function readBody(block: Block, header: Header, notes: Note[], visit: (row: number) => boolean): number {
  const view = block.view;
  let afterNote = false;
  let last = header.rows[header.rows.length - 1] ?? block.top;
  for (let row = header.bodyStart; row <= block.bottom; row++) {
    if (isSkippable(view, row, block, header)) continue;
    const note = noteOf(view, row, afterNote);
    if (note) {
      notes.push(note);
      afterNote = true;
      last = row;
      continue;
    }
    if (visit(row)) last = row;
  }
  return last;
}

/** A note row: starts like a note or is a sentence, and holds no number. */
export function noteOf(view: SheetView, row: number, afterNote: boolean): Note | undefined {
  const footer = footerOf(view, row);
  if (footer) return footer;
  const info = view.scan(row);
  if (info.count === 0 || info.count > 2 || info.number) return undefined;
  const cols = view.filledCols(row);
  let textCol = -1;
  for (let k = 0; k < cols.length; k++) {
    const v = view.get(row, cols[k]);
    if (typeof v !== 'string') return undefined;
    if (textCol < 0) textCol = cols[k];
  }
  const raw = view.text(row, textCol);
  const t = squash(raw);
  if (NOTE_START.test(t) || NO_DATA.test(t) || (t.length >= 12 && NOTE_SENTENCE.test(t)) || (afterNote && t.length >= 8)) {
    return { text: raw, ref: view.ref(row, textCol) };
  }
  return undefined;
}

/** Sign-off labels under a table: 单位负责人： 财务负责人： 制表人： 联系电话： 填报日期： */
const FOOTER = /^(单位|部门|财务|分管|主管)?(负责人|领导|主管|会计)[:：]|^(制表|填表|审核|复核|经办|编制)人?[:：]|^(联系电话|填报日期|制表日期|报送日期|编制日期)[:：]/;

/** A sign-off line (every filled cell a FOOTER label with what follows it, no number): kept as a note. */
function footerOf(view: SheetView, row: number): Note | undefined {
  const info = view.scan(row);
  if (info.count === 0 || info.count > 6 || info.number) return undefined;
  const first = view.text(row, info.first);
  if (!FOOTER.test(squash(first))) return undefined;
  const cols = view.filledCols(row);
  let labels = 0;
  for (const c of cols) if (FOOTER.test(squash(view.text(row, c)))) labels++;
  // Names written after the labels ("制表人：" | "张三") are allowed, labels must lead.
  if (labels * 2 < cols.length) return undefined;
  return { text: cols.map((c) => view.text(row, c)).join(' '), ref: view.ref(row, info.first) };
}

export function isNoData(note: Note): boolean {
  return NO_DATA.test(squash(note.text));
}

/** Non-empty text of a cell (merged areas filled) as a TextCell. */
export function textCell(view: SheetView, row: number, col: number | undefined): TextCell | undefined {
  if (col === undefined) return undefined;
  const v = view.getFilled(row, col);
  if (v === null) return undefined;
  const t = cellText(v).trim();
  if (!t) return undefined;
  const m = view.mergeAt(row, col);
  return { text: t, ref: m ? view.ref(m.top, m.left) : view.ref(row, col) };
}

/** Is this cell's text 合计 / 总计 (spaces and colons ignored)? */
export function isTotalText(v: CellValue): boolean {
  if (typeof v !== 'string' || v.length > 12 || !v.includes('计')) return false;
  const t = squash(v).replace(TRAILING_COLON, '');
  return t === '合计' || t === '总计' || t === '合计数';
}

/**
 * All amount columns of the header read for one row. `cells` (when given) receives the scaled amount
 * of the k-th column at cells[at + k], 0 for an unreadable cell.
 */
export function amountsOf(view: SheetView, row: number, header: Header, ctx: ParseContext, id: TableId, cells?: Float64Array, at = 0): Record<string, Amount> {
  const out: Record<string, Amount> = {};
  const cols = amountColumns(header);
  for (let k = 0; k < cols.length; k++) {
    const key = cols[k][0];
    const col = cols[k][1];
    const merge = view.mergeAt(row, col);
    if (merge && merge.bottom > merge.top && row === merge.top + 1 && typeof view.get(merge.top, merge.left) === 'number')
      ctx.tally(id, 'amount-merge', view.ref(merge.top, merge.left), '');
    // 采购数量 is a count, not money: its decimals say nothing about the table's format.
    const a = ctx.amount(view, row, col, id, key !== '采购数量');
    if (a) out[key] = a;
    if (cells) cells[at + k] = a ? a.scaled : 0;
  }
  return out;
}

const amountCache = new WeakMap<Header, [string, number][]>();

/** The amount columns of a header as [key, column], in sheet order (computed once per header). */
export function amountColumns(header: Header): [string, number][] {
  let cols = amountCache.get(header);
  if (!cols) {
    cols = [...header.col].filter(([k]) => header.kind.get(k) === 'amount').sort((a, b) => a[1] - b[1]);
    amountCache.set(header, cols);
  }
  return cols;
}

/** Does the row carry a non-blank amount in some amount column? */
export function hasAmount(amounts: Record<string, Amount>): boolean {
  for (const k in amounts) if (!amounts[k].blank) return true;
  return false;
}

/**
 * A code cell of a body row, merged areas filled. Numbers that lost their leading zeros are
 * padded to `width` and tallied (P.code-text); a cross-row merge is tallied (P.merged, info).
 */
export function codeAt(view: SheetView, row: number, col: number | undefined, ctx: ParseContext, id: TableId, width?: number): CodeCell | undefined {
  if (col === undefined) return undefined;
  const v = view.getFilled(row, col);
  const c = codeOf(v, width);
  if (!c) return undefined;
  const m = view.mergeAt(row, col);
  if (m && m.bottom > m.top && row === m.top + 1) ctx.tally(id, 'body-merge', view.ref(m.top, m.left), '');
  if (c.lost && !(m && row !== m.top)) ctx.tally(id, 'lost-zeros', view.ref(row, col), `${String(v)}→${c.text}`);
  return c;
}

/**
 * An economic code cell (T06/T07): 部门 codes begin with 3 and 政府 codes with 5, so a number such
 * as 30101 or 301 lost no zero and keeps its digits; anything else (a department code in the
 * column) is read as codeAt reads it.
 */
export function econCodeAt(view: SheetView, row: number, col: number | undefined, ctx: ParseContext, id: TableId, width?: number): CodeCell | undefined {
  if (col === undefined) return undefined;
  const v = view.getFilled(row, col);
  const w = typeof v === 'number' && ECON_NUMBER.test(String(v)) ? String(v).length : width;
  return codeAt(view, row, col, ctx, id, w);
}

const ECON_NUMBER = /^[35]\d{2}(\d{2})?$/;
