/**
 * The Excel side of the add-in: validate (3 round trips whatever the workbook size), clear marks,
 * go to a cell, list and write sheets. It holds no budget logic: the caller passes the analysis.
 * `run` is Excel.run inside Office, or the fake host's run in tests and the browser preview.
 */
import type { SheetGrid } from '../core/grid';
import { parseA1 } from '../core/grid';
import type { FillProps } from './fill';
import type { MarkPlan, MarkRequest } from './highlight';
import { planMarks, queuePlan, queueRestore, resolveSheet } from './highlight';
import type { Mark } from './marks';
import { decodeMarks, MARK_SHEET } from './marks';
import type { SheetInfo, Snapshot } from './read';
import { FILL_LOAD, fillAt, loadSheetList, loadSnapshot } from './read';
import { queueWriteSheet, SheetContent } from './write-sheet';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type Phase = 'sheets' | 'read' | 'check' | 'mark';

export interface AdapterOptions {
  /** Range.getMergedAreasOrNullObject needs ExcelApi 1.13; without it merges are not reported. */
  mergedAreas?: boolean;
}

export interface ValidateOutcome<T> {
  result: T;
  grids: SheetGrid[];
  marked: number;
  unmarkable: MarkRequest[];
  /** Previous marks that were restored before the new ones were painted. */
  restored: number;
}

/** A failure with one Chinese sentence for the pane. */
export class ExcelAdapterError extends Error {}

export class ExcelAdapter {
  constructor(private readonly run: ExcelRun, private readonly opts: AdapterOptions = {}) {}

  /** Read every sheet (2 round trips) without touching anything. */
  async readGrids(onPhase?: (p: Phase) => void): Promise<SheetGrid[]> {
    return guard(() =>
      this.run(async (ctx) => {
        const { snap } = await this.readAll(ctx, onPhase);
        return snap.sheets.map((s) => s.grid);
      }),
    );
  }

  /**
   * Round trip 1: sheet list. 2: snapshot of every sheet incl. fills and the stored marks.
   * Then the analysis runs locally. 3: restore old marks, store and paint the new ones.
   */
  async validate<T>(analyse: (grids: SheetGrid[]) => T | Promise<T>, marksOf: (result: T) => MarkRequest[], onPhase?: (p: Phase) => void): Promise<ValidateOutcome<T>> {
    return guard(() =>
      this.run(async (ctx) => {
        const { list, snap } = await this.readAll(ctx, onPhase);
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
        const oldMarks = decodeMarks(snap.markValues);
        const plan = planMarks(oldMarks, marksOf(result), list.filter((s) => s.name !== MARK_SHEET), currentFillFrom(snap));
        if (hasWork(plan, oldMarks)) {
          queuePlan(ctx, plan, { exists: list.some((s) => s.name === MARK_SHEET), rows: snap.markValues.length });
          await ctx.sync();
        }
        return { result, grids, marked: plan.marks.length, unmarkable: plan.unmarkable, restored: plan.restore.length };
      }),
    );
  }

  /** Round trips 1 and 2 of both readGrids and validate: the sheet list, then one snapshot of every sheet. */
  private async readAll(ctx: Excel.RequestContext, onPhase?: (p: Phase) => void) {
    onPhase?.('sheets');
    const list = await loadSheetList(ctx);
    onPhase?.('read');
    const snap = await loadSnapshot(ctx, list, { mergedAreas: this.opts.mergedAreas !== false });
    return { list, snap };
  }

  /** 清除标记: restore every original fill we still own and drop the marks sheet (≤ 4 round trips). */
  async clearMarks(): Promise<{ restored: number; skipped: number }> {
    return guard(() =>
      this.run(async (ctx) => {
        const list = await loadSheetList(ctx);
        if (!list.some((s) => s.name === MARK_SHEET)) return { restored: 0, skipped: 0 };
        const range = ctx.workbook.worksheets.getItem(MARK_SHEET).getUsedRange(true);
        range.load('values');
        await ctx.sync();
        const marks = decodeMarks(range.values);
        const sheets = list.filter((s) => s.name !== MARK_SHEET);
        const current = await loadCurrentFills(ctx, marks, sheets);
        const plan = planMarks(marks, [], sheets, (sheet, cell) => current.get(`${sheet}!${cell}`));
        queueRestore(ctx, plan.restore);
        ctx.workbook.worksheets.getItem(MARK_SHEET).delete();
        await ctx.sync();
        return { restored: plan.restore.length, skipped: plan.abandoned.length };
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

  /** Names of the sheets a user can see or unhide (the marks sheet is ours, not theirs). */
  async sheetNames(): Promise<string[]> {
    return guard(() => this.run(async (ctx) => (await loadSheetList(ctx)).filter((s) => s.name !== MARK_SHEET).map((s) => s.name)));
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
      { ItemAlreadyExists: `工作表「${name}」已存在。`, InvalidArgument: `无法创建工作表「${name}」：名称无效或内容格式不被接受。` },
    );
  }
}

/** Round trip 3 of 清除标记: the current fill of every marked cell, to leave alone cells the user recoloured. */
async function loadCurrentFills(ctx: Excel.RequestContext, marks: Mark[], sheets: SheetInfo[]): Promise<Map<string, FillProps>> {
  const reads: { key: string; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const m of marks) {
    const s = resolveSheet(m, sheets);
    if (!s) continue;
    const result = ctx.workbook.worksheets.getItem(s.name).getRange(m.cell).getCellProperties({ format: { fill: FILL_LOAD } });
    reads.push({ key: `${s.name}!${m.cell}`, result });
  }
  if (reads.length) await ctx.sync();
  const out = new Map<string, FillProps>();
  for (const r of reads) {
    const f = r.result.value[0][0].format?.fill;
    out.set(r.key, {
      color: f?.color ?? null,
      pattern: (f?.pattern as FillProps['pattern']) ?? null,
      patternColor: f?.patternColor ?? null,
      tintAndShade: f?.tintAndShade ?? null,
      patternTintAndShade: f?.patternTintAndShade ?? null,
    });
  }
  return out;
}

function currentFillFrom(snap: Snapshot): (sheet: string, cell: string) => FillProps | undefined {
  const bySheet = new Map(snap.sheets.map((s) => [s.info.name, s]));
  return (sheet, cell) => {
    const s = bySheet.get(sheet);
    return s ? fillAt(s, cell) : undefined;
  };
}

function hasWork(plan: MarkPlan, oldMarks: Mark[]): boolean {
  return plan.restore.length > 0 || plan.paint.length > 0 || oldMarks.length > 0 || plan.abandoned.length > 0;
}

function nextTick(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** Office errors → one Chinese sentence; our own errors pass through. */
async function guard<T>(f: () => Promise<T>, byCode: Record<string, string> = {}): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ExcelAdapterError) throw e;
    const code = (e as { code?: string }).code ?? '';
    const msg = (e as Error).message ?? String(e);
    if (byCode[code]) throw new ExcelAdapterError(byCode[code]);
    if (code === 'AccessDenied' || /protect/i.test(msg)) throw new ExcelAdapterError('工作表或工作簿受保护，无法写入标记。请先撤销保护再试。');
    if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') {
      throw new ExcelAdapterError('工作簿太大，Excel 无法一次读取全部数据。请删除多余的空白行列后再试。');
    }
    throw new ExcelAdapterError(`Excel 返回错误：${msg}${code ? `（${code}）` : ''}`);
  }
}
