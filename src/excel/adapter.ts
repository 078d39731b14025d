/**
 * The Excel side of the add-in: validate, clear marks, go to a cell, list and write sheets. It holds
 * no budget logic: the caller passes the analysis. `run` is Excel.run inside Office, or the fake
 * host's run in tests and the browser preview.
 *
 * Round trips of a validation: 1. sheet list, protection, where the marks are stored; 2. the
 * snapshot (ordinary workbooks in one trip; large ones in more, none above the payload budget);
 * then, after the analysis, fills of cells about to be painted when the snapshot did not hold them,
 * and one trip of writes. An ordinary workbook takes 3.
 */
import type { SheetGrid } from '../core/grid';
import { parseA1 } from '../core/grid';
import type { FillProps } from './fill';
import type { MarkPlan, MarkRequest, MarkStore } from './highlight';
import { planMarks, queuePlan, resolveSheet } from './highlight';
import type { Mark } from './marks';
import { decodeLegacyMarks, decodeMarksXml, mergeMarks } from './marks';
import type { SheetInfo, Snapshot, WorkbookInfo } from './read';
import { loadSnapshot, loadWorkbookInfo, readFills } from './read';
import { UNDO_NOTICE_LEGACY_SHEET } from './undo-notice';
import { queueWriteSheet, SheetContent } from './write-sheet';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type Phase = 'sheets' | 'read' | 'check' | 'mark';

export interface AdapterOptions {
  /** Range.getMergedAreasOrNullObject needs ExcelApi 1.13; without it merges are not reported. */
  mergedAreas?: boolean;
}

/** A sheet whose cells could not be highlighted or restored, with why (Chinese, for the pane). */
export interface BlockedSheet {
  sheet: string;
  /** Findings (or old marks) on it that were left uncoloured (or coloured). */
  cells: number;
  reason: string;
}

export interface ValidateOutcome<T> {
  result: T;
  grids: SheetGrid[];
  marked: number;
  /** Cells left unpainted because their original fill cannot be written back, or their sheet is gone. */
  unmarkable: MarkRequest[];
  /** Previous marks that were restored before the new ones were painted. */
  restored: number;
  /** Sheets that are protected: their findings are listed but not coloured. */
  blocked: BlockedSheet[];
  /** The workbook changed (fills or the marks store): what the undo notice is about. */
  wrote: boolean;
  /** Plain Chinese sentences for the pane (protection, leftovers of earlier versions). */
  notices: string[];
}

export interface ClearOutcome {
  restored: number;
  /** Marks dropped because the user recoloured the cell or removed its sheet since. */
  skipped: number;
  /** Marks kept because their sheet is protected now. */
  blocked: BlockedSheet[];
  wrote: boolean;
  notices: string[];
}

/** A failure with one Chinese sentence for the pane. */
export class ExcelAdapterError extends Error {}

export const PROTECTED_SHEET_REASON = '工作表受保护，无法更改单元格底色。在“审阅”选项卡中撤销工作表保护后重新校验，即可标出这些单元格。';
const STRUCTURE_LEGACY_NOTICE = '工作簿结构受保护，旧版本留下的隐藏标记表「_预算校验_标记」暂时无法删除（标记已改为记录在工作簿内部，不受影响）。在“审阅”选项卡中撤销“保护工作簿”后点「清除标记」即可删除它。';

export class ExcelAdapter {
  constructor(private readonly run: ExcelRun, private readonly opts: AdapterOptions = {}) {}

  /** Read every sheet without touching anything (2 round trips for an ordinary workbook). */
  async readGrids(onPhase?: (p: Phase) => void): Promise<SheetGrid[]> {
    return guard(() =>
      this.run(async (ctx) => {
        const { snap } = await this.readAll(ctx, false, onPhase);
        return snap.sheets.map((s) => s.grid);
      }),
    );
  }

  /** Validate (the analysis may run in a worker), then restore old marks, store and paint the new ones. */
  async validate<T>(analyse: (grids: SheetGrid[]) => T | Promise<T>, marksOf: (result: T) => MarkRequest[], onPhase?: (p: Phase) => void): Promise<ValidateOutcome<T>> {
    return guard(() =>
      this.run(async (ctx) => {
        const { info, snap } = await this.readAll(ctx, true, onPhase);
        const grids = snap.sheets.map((s) => s.grid);
        onPhase?.('check');
        await nextTick();
        let result: T;
        try {
          result = await analyse(grids);
        } catch (e) {
          throw new ExcelAdapterError(`校验时出错：${(e as Error).message ?? String(e)}`);
        }
        onPhase?.('mark');
        const requests = marksOf(result);
        const oldMarks = storedMarks(snap);
        const { usable, kept } = splitByProtection(oldMarks, info.sheets);
        // Only cells of what was read (the used range the check saw) are ever painted.
        const unprotected = requests.filter((r) => !isProtected(r.sheet, info.sheets));
        const open = unprotected.filter((r) => inGrid(snap, r));
        const outside = unprotected.filter((r) => !inGrid(snap, r));
        const current = fillLookup(snap);
        await readFills(ctx, missingFills(open, usable, info.sheets, current), current.set);
        const plan = planMarks(usable, open, info.sheets, current.get);
        const store = storeOf(info);
        const wrote = hasWork(plan, oldMarks, kept, store);
        if (wrote) {
          queuePlan(ctx, plan, store, kept);
          await ctx.sync();
        }
        return {
          result,
          grids,
          marked: plan.marks.length,
          unmarkable: plan.unmarkable.concat(outside),
          restored: plan.restore.length,
          blocked: blockedSheets(requests.filter((r) => isProtected(r.sheet, info.sheets)).map((r) => r.sheet)),
          wrote,
          notices: storeNotices(info, snap),
        };
      }),
    );
  }

  /** The sheet list and one snapshot of every sheet, shared by readGrids and validate. */
  private async readAll(ctx: Excel.RequestContext, fills: boolean, onPhase?: (p: Phase) => void): Promise<{ info: WorkbookInfo; snap: Snapshot }> {
    onPhase?.('sheets');
    const info = await loadWorkbookInfo(ctx);
    onPhase?.('read');
    const snap = await loadSnapshot(ctx, info, { fills, mergedAreas: this.opts.mergedAreas !== false });
    return { info, snap };
  }

  /** 清除标记: restore every original fill we still own and drop the store (4 round trips). */
  async clearMarks(): Promise<ClearOutcome> {
    return guard(() =>
      this.run(async (ctx) => {
        const info = await loadWorkbookInfo(ctx);
        const none: ClearOutcome = { restored: 0, skipped: 0, blocked: [], wrote: false, notices: [] };
        if (!info.markParts.length && !info.legacySheet) return none;
        const xml = info.markParts.map((id) => ctx.workbook.customXmlParts.getItem(id).getXml());
        const legacy = info.legacySheet ? ctx.workbook.worksheets.getItem(info.legacySheet.name).getUsedRange(true) : null;
        legacy?.load('values');
        await ctx.sync();
        const marks = mergeMarks(xml.flatMap((x) => decodeMarksXml(x.value)), legacy ? decodeLegacyMarks(legacy.values) : []);
        const { usable, kept } = splitByProtection(marks, info.sheets);
        const current = fillLookup(null);
        await readFills(ctx, missingFills([], usable, info.sheets, current), current.set);
        const plan = planMarks(usable, [], info.sheets, current.get);
        const store = storeOf(info);
        queuePlan(ctx, plan, store, kept);
        await ctx.sync();
        const notices: string[] = [];
        if (info.legacySheet) notices.push(info.structureProtected ? STRUCTURE_LEGACY_NOTICE : UNDO_NOTICE_LEGACY_SHEET);
        return { restored: plan.restore.length, skipped: plan.abandoned.length, blocked: blockedSheets(kept.map((m) => m.sheet)), wrote: true, notices };
      }),
    );
  }

  /** Activate the sheet and select the cell (1 round trip). */
  async goTo(sheet: string, cell: string): Promise<void> {
    parseA1(cell);
    return guard(
      () =>
        this.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await ctx.sync();
        }),
      { ItemNotFound: `找不到工作表「${sheet}」：它可能已被改名或删除，请重新校验。`, InvalidOperation: `工作表「${sheet}」已隐藏，无法跳转到 ${cell}。` },
    );
  }

  /** Names of the sheets a user can see or unhide (the legacy marks sheet is ours, not theirs). */
  async sheetNames(): Promise<string[]> {
    return guard(() => this.run(async (ctx) => (await loadWorkbookInfo(ctx)).sheets.map((s) => s.name)));
  }

  /**
   * Add a sheet with `content` and activate it. With `replace`, an existing sheet of that name is
   * replaced — only call that after the user said so. Never touches any other sheet.
   */
  async writeSheet(name: string, content: SheetContent, replace = false): Promise<void> {
    return guard(
      () =>
        this.run(async (ctx) => {
          queueWriteSheet(ctx, name, content, replace);
          await ctx.sync();
        }),
      {
        ItemAlreadyExists: `工作表「${name}」已存在。`,
        InvalidArgument: `无法创建工作表「${name}」：名称无效或内容格式不被接受。`,
        AccessDenied: `无法添加工作表「${name}」：工作簿结构受保护。请在“审阅”选项卡中撤销“保护工作簿”后再试。`,
      },
    );
  }
}

function inGrid(snap: Snapshot, r: MarkRequest): boolean {
  const s = snap.sheets.find((x) => x.info.name === r.sheet);
  if (!s || !/^[A-Z]{1,3}\d+$/.test(r.cell)) return false;
  const o = parseA1(s.grid.origin);
  const p = parseA1(r.cell);
  const row = s.grid.values[p.row - o.row];
  return p.col >= o.col && row !== undefined && p.col - o.col < row.length;
}

function storedMarks(snap: Snapshot): Mark[] {
  return mergeMarks(snap.marksXml.flatMap(decodeMarksXml), decodeLegacyMarks(snap.legacyValues));
}

function isProtected(sheet: string, sheets: SheetInfo[]): boolean {
  return sheets.some((s) => s.name === sheet && s.protected);
}

/** Old marks on protected sheets cannot be restored now: they stay painted and stay recorded. */
function splitByProtection(marks: Mark[], sheets: SheetInfo[]): { usable: Mark[]; kept: Mark[] } {
  const usable: Mark[] = [];
  const kept: Mark[] = [];
  for (const m of marks) {
    const s = resolveSheet(m, sheets);
    if (s?.protected) kept.push({ ...m, sheet: s.name, sheetId: s.id });
    else usable.push(m);
  }
  return { usable, kept };
}

function blockedSheets(sheetOfEach: string[]): BlockedSheet[] {
  const counts = new Map<string, number>();
  for (const s of sheetOfEach) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([sheet, cells]) => ({ sheet, cells, reason: PROTECTED_SHEET_REASON }));
}

function fillLookup(snap: Snapshot | null) {
  const known = new Map<string, FillProps>();
  for (const s of snap?.sheets ?? []) for (const [cell, f] of s.fills) known.set(`${s.info.name}!${cell}`, f);
  return {
    get: (sheet: string, cell: string): FillProps | undefined => known.get(`${sheet}!${cell}`),
    set: (sheet: string, cell: string, f: FillProps): void => {
      known.set(`${sheet}!${cell}`, f);
    },
  };
}

/** Cells whose current fill is needed and not known yet: requested cells, and cells of old marks. */
function missingFills(requests: MarkRequest[], marks: Mark[], sheets: SheetInfo[], current: ReturnType<typeof fillLookup>): { sheet: string; cell: string }[] {
  const out = new Map<string, { sheet: string; cell: string }>();
  const want = (sheet: string, cell: string): void => {
    if (current.get(sheet, cell) === undefined) out.set(`${sheet}!${cell}`, { sheet, cell });
  };
  for (const r of requests) if (sheets.some((s) => s.name === r.sheet) && /^[A-Z]{1,3}\d+$/.test(r.cell)) want(r.sheet, r.cell);
  for (const m of marks) {
    const s = resolveSheet(m, sheets);
    if (s) want(s.name, m.cell);
  }
  return [...out.values()];
}

function storeOf(info: WorkbookInfo): MarkStore {
  return { parts: info.markParts, legacySheet: info.legacySheet !== null, structureProtected: info.structureProtected };
}

function storeNotices(info: WorkbookInfo, snap: Snapshot): string[] {
  const out: string[] = [];
  if (info.legacySheet) out.push(info.structureProtected ? STRUCTURE_LEGACY_NOTICE : UNDO_NOTICE_LEGACY_SHEET);
  if (snap.mergesSkipped.length) out.push(`合并单元格太多，Excel 无法一次返回，以下工作表按未合并处理：${snap.mergesSkipped.join('、')}。`);
  return out;
}

function hasWork(plan: MarkPlan, oldMarks: Mark[], kept: Mark[], store: MarkStore): boolean {
  const legacy = store.legacySheet && !store.structureProtected;
  return plan.restore.length > 0 || plan.paint.length > 0 || plan.abandoned.length > 0 || oldMarks.length !== kept.length || store.parts.length > 1 || legacy;
}

function nextTick(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/**
 * Office errors → one Chinese sentence, chosen by `error.code` (OfficeExtension.Error.code; codes
 * are not localised, messages are: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Our own errors pass through.
 */
async function guard<T>(f: () => Promise<T>, byCode: Record<string, string> = {}): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ExcelAdapterError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (byCode[code]) throw new ExcelAdapterError(byCode[code]);
    const known = CODE_MESSAGES[code];
    if (known) throw new ExcelAdapterError(known);
    const msg = (e as Error).message ?? String(e);
    throw new ExcelAdapterError(`Excel 返回错误：${msg}${code ? `（${code}）` : ''}`);
  }
}

const CODE_MESSAGES: Record<string, string> = {
  AccessDenied: '工作表或工作簿受保护，Excel 拒绝了更改。请在“审阅”选项卡中撤销保护后再试。',
  InvalidOperationInCellEditMode: '有单元格正在编辑中。请先按 Enter 或 Esc 结束编辑，再点一次。',
  ResponsePayloadSizeLimitExceeded: '工作簿太大，Excel 无法返回这么多数据。请删除多余的空白行列后再试。',
  RequestPayloadSizeLimitExceeded: '要写回 Excel 的内容太多，Excel 拒绝了请求。请先处理部分问题后再试。',
  RangeExceedsLimit: '工作表的使用区域超过 Excel 一次可读取的 500 万个单元格。请删除多余的空白行列后再试。',
};
