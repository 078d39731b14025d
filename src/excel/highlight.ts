/**
 * The last round trip of a validation (and of 清除标记): decide which cells get which fill, then
 * queue every write in one batch — restore the previous marks, store the new marks in our custom
 * XML part, paint, and remove the marks sheet of earlier versions. Marks are stored before painting
 * so a failed batch never leaves paint without a record. No worksheet is added for the store.
 */
import { chunkAddresses } from './address';
import type { FillProps } from './fill';
import { fillKey, isNoFill, isRestorable, isSolid } from './fill';
import type { Mark, MarkSeverity } from './marks';
import { encodeMarksXml, LEGACY_MARK_SHEET, MARK_COLORS } from './marks';
import type { SheetInfo } from './read';

export interface MarkRequest {
  sheet: string;
  cell: string;
  severity: MarkSeverity;
}

export interface MarkPlan {
  restore: { sheet: string; cell: string; fill: FillProps }[];
  paint: { sheet: string; cell: string; color: string }[];
  /** What the marks sheet must hold afterwards. */
  marks: Mark[];
  /** Requested cells left unpainted because their original fill is unknown or cannot be written back. */
  unmarkable: MarkRequest[];
  /** Old marks dropped because the user recoloured the cell or removed its sheet since. */
  abandoned: Mark[];
}

/** Where an old mark's sheet is now: by id (survives renames), else by name. */
export function resolveSheet(mark: Mark, sheets: SheetInfo[]): SheetInfo | undefined {
  return sheets.find((s) => s.id === mark.sheetId) ?? sheets.find((s) => s.name === mark.sheet);
}

/**
 * `currentFill(sheet, cell)` is the fill now, or undefined when it was not read.
 * An old mark is "still ours" when the cell still shows our colour (or was not read): only then is
 * it restored, or reused as the original of a new mark on the same cell.
 */
export function planMarks(
  oldMarks: Mark[],
  requests: MarkRequest[],
  sheets: SheetInfo[],
  currentFill: (sheet: string, cell: string) => FillProps | undefined,
): MarkPlan {
  const ours = new Map<string, Mark>();
  const abandoned: Mark[] = [];
  for (const m of oldMarks) {
    const s = resolveSheet(m, sheets);
    if (!s) {
      abandoned.push(m);
      continue;
    }
    const now = currentFill(s.name, m.cell);
    if (now === undefined || isSolid(now, m.color)) ours.set(key(s.name, m.cell), { ...m, sheet: s.name, sheetId: s.id });
    else abandoned.push(m);
  }

  const wanted = new Map<string, MarkRequest>();
  for (const r of requests) {
    const k = key(r.sheet, r.cell);
    const prev = wanted.get(k);
    if (!prev || (prev.severity === 'warning' && r.severity === 'error')) wanted.set(k, r);
  }

  const plan: MarkPlan = { restore: [], paint: [], marks: [], unmarkable: [], abandoned };
  for (const [k, r] of wanted) {
    const sheet = sheets.find((s) => s.name === r.sheet);
    const original = ours.get(k)?.original ?? currentFill(r.sheet, r.cell);
    if (!sheet || !original || !isRestorable(original)) {
      plan.unmarkable.push(r);
      continue;
    }
    const color = MARK_COLORS[r.severity];
    plan.marks.push({ sheetId: sheet.id, sheet: sheet.name, cell: r.cell, color, original });
    plan.paint.push({ sheet: r.sheet, cell: r.cell, color });
  }
  for (const [k, m] of ours) {
    if (!wanted.has(k) || plan.unmarkable.some((u) => key(u.sheet, u.cell) === k)) plan.restore.push({ sheet: m.sheet, cell: m.cell, fill: m.original });
  }
  return plan;
}

/** Queue the writes of a plan (no sync here). `kept` are old marks left as they are (on protected sheets). */
export function queuePlan(ctx: Excel.RequestContext, plan: MarkPlan, store: MarkStore, kept: Mark[] = []): void {
  queueRestore(ctx, plan.restore);
  queueStoreMarks(ctx, plan.marks.concat(kept), store);
  queuePaint(ctx, plan.paint);
  queueLegacyCleanup(ctx, store);
}

export function queueRestore(ctx: Excel.RequestContext, items: MarkPlan['restore']): void {
  for (const [sheet, byFill] of group(items, (i) => i.sheet, (i) => fillKey(i.fill))) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const cells of byFill.values()) {
      const fill = cells[0].fill;
      for (const address of chunkAddresses(cells.map((c) => c.cell))) applyFill(ws.getRanges(address).format.fill, fill);
    }
  }
}

export function queuePaint(ctx: Excel.RequestContext, items: MarkPlan['paint']): void {
  for (const [sheet, byColor] of group(items, (i) => i.sheet, (i) => i.color)) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [color, cells] of byColor) {
      for (const address of chunkAddresses(cells.map((c) => c.cell))) {
        const fill = ws.getRanges(address).format.fill;
        fill.pattern = 'Solid';
        fill.color = color;
        fill.tintAndShade = 0;
      }
    }
  }
}

/** Where the marks are now: our parts (ids), and whether the legacy sheet is there and may be removed. */
export interface MarkStore {
  parts: string[];
  legacySheet: boolean;
  /** Workbook structure protected: the legacy sheet cannot be removed. */
  structureProtected: boolean;
}

/** Rewrite our custom XML part (one part; extra ones are deleted), or delete it when nothing is marked. */
export function queueStoreMarks(ctx: Excel.RequestContext, marks: Mark[], store: MarkStore): void {
  const parts = ctx.workbook.customXmlParts;
  const [first, ...extra] = store.parts;
  for (const id of extra) parts.getItem(id).delete();
  if (marks.length === 0) {
    if (first) parts.getItem(first).delete();
    return;
  }
  const xml = encodeMarksXml(marks);
  if (first) parts.getItem(first).setXml(xml);
  else parts.add(xml);
}

/**
 * Remove the very hidden marks sheet of earlier versions: Excel refuses to delete a VeryHidden
 * sheet (InvalidOperation), so it is made Hidden first. Not possible while the structure is protected.
 */
export function queueLegacyCleanup(ctx: Excel.RequestContext, store: MarkStore): void {
  if (!store.legacySheet || store.structureProtected) return;
  const ws = ctx.workbook.worksheets.getItem(LEGACY_MARK_SHEET);
  ws.visibility = 'Hidden' as Excel.SheetVisibility;
  ws.delete();
}

/** Write a remembered fill back. "No Fill" is clear(); otherwise pattern first, then colours and tints. */
export function applyFill(fill: Excel.RangeFill, f: FillProps): void {
  if (isNoFill(f)) {
    fill.clear();
    return;
  }
  if (f.pattern) fill.pattern = f.pattern as Excel.FillPattern;
  if (f.color) fill.color = f.color;
  if (f.tintAndShade !== null) fill.tintAndShade = f.tintAndShade;
  if (f.patternColor) fill.patternColor = f.patternColor;
  if (f.patternTintAndShade !== null) fill.patternTintAndShade = f.patternTintAndShade;
}

function key(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

function group<T>(items: T[], outer: (t: T) => string, inner: (t: T) => string): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const it of items) {
    const o = outer(it);
    if (!out.has(o)) out.set(o, new Map());
    const m = out.get(o)!;
    const i = inner(it);
    if (!m.has(i)) m.set(i, []);
    m.get(i)!.push(it);
  }
  return out;
}
