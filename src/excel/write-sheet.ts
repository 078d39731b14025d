/**
 * Writing a generated sheet (情况说明, 说明参数): one batch, values only as plain constants — text
 * that Excel would turn into a number, date or formula is written with number format "@".
 */
import { blockAddress } from './address';
import { widthOf } from '../core/list';

export type SheetCell = string | number | null;

export interface SheetContent {
  rows: SheetCell[][];
  /** 1-based rows to show in bold (headings). */
  boldRows?: number[];
  /** Column widths in points, from column A. */
  widths?: number[];
  /** Wrap text in the written block (long paragraphs). */
  wrap?: boolean;
  /** Number formats per cell (null: decided here — "@" only for text Excel would reinterpret). */
  formats?: (string | null)[][];
}

/** Text Excel would reinterpret on entry: numbers, percents, dates, booleans, formulas. */
export function needsTextFormat(s: string): boolean {
  const t = s.trim();
  return (
    /^[=+\-@]/.test(t) ||
    /^[+-]?[\d,]*\.?\d+([eE][+-]?\d+)?%?$/.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\(?[\d,.]+\)?$/.test(t)
  );
}

export function queueWriteSheet(ctx: Excel.RequestContext, name: string, content: SheetContent, replace: boolean): void {
  const sheets = ctx.workbook.worksheets;
  const cols = Math.max(1, widthOf(content.rows));
  const rows = content.rows.length ? content.rows.map((r) => pad(r, cols)) : [pad([], cols)];
  // With replace, build the new sheet under a temporary name first: the old one may be the only visible sheet.
  const ws = sheets.add(replace ? tempName(name) : name);
  const range = ws.getRange(blockAddress(rows.length, cols));
  range.numberFormat = rows.map((r, i) => r.map((v, j) => content.formats?.[i]?.[j] ?? (typeof v === 'string' && needsTextFormat(v) ? '@' : 'General')));
  range.values = rows.map((r) => r.map((v) => (v === null ? '' : v)));
  (content.widths ?? []).forEach((w, i) => {
    ws.getRange(blockAddress(1, 1, 1, i + 1)).format.columnWidth = w;
  });
  if (content.wrap) {
    range.format.wrapText = true;
    range.format.autofitRows();
  }
  const bold = (content.boldRows ?? []).filter((r) => r >= 1 && r <= rows.length);
  if (bold.length) ws.getRanges(bold.map((r) => `A${r}`).join(',')).format.font.bold = true;
  ws.activate();
  if (replace) {
    sheets.getItem(name).delete();
    ws.name = name;
  }
}

function pad(r: SheetCell[], n: number): SheetCell[] {
  return r.length >= n ? r : [...r, ...Array<SheetCell>(n - r.length).fill(null)];
}

function tempName(name: string): string {
  return `~${name.slice(0, 20)}~${Date.now() % 100000}`;
}

/** "情况说明" → "情况说明(2)", "(3)", … — the first name not in `existing` (case-insensitive, ≤ 31 chars). */
export function freeSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
