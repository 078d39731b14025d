/**
 * What the task pane needs from its host, whether Excel or the browser preview: both are the same
 * ExcelAdapter over a different `run`. Office.js (or the fake) is called on the page; recognition,
 * rules and narrative run in the core worker (src/worker), so a large workbook does not freeze the pane.
 */
import type { SheetGrid } from '../core/grid';
import type { Finding, Report } from '../core/report';
import type { ExcelAdapter, Phase } from '../excel/adapter';
import type { MarkRequest } from '../excel/highlight';
import type { SheetContent } from '../excel/write-sheet';
import type { CoreWork } from '../worker/client';
import { coreWork } from '../worker/client';
import type { NarrativeCheckTaskResult, NarrativeSource, NarrativeTaskResult, ParamsTaskResult, WorkStage } from '../worker/tasks';

export interface CheckOutcome {
  report: Report;
  marked: number;
  /** Findings whose cell could not be coloured (original fill unknown or not restorable). */
  unmarkable: number;
  /** Sentences for the user: protected sheets left uncoloured and why, leftovers of earlier versions. */
  notices: string[];
}

/** Progress of long work, by stage: 读取 (Excel) → 识别 → 校验 → 标记, or → 生成 for the narrative. */
export type PaneStage = Phase | WorkStage;

/** Whether a browser download of the .docx works where the pane runs. */
export type DownloadSupport = 'yes' | 'maybe' | 'no';

export interface PaneHost {
  kind: 'excel' | 'preview';
  downloads: DownloadSupport;
  validate(onStage?: (s: PaneStage) => void): Promise<CheckOutcome>;
  /** Read the workbook afresh and write the 情况说明 (the user may have edited tables or 说明参数). */
  narrative(onStage?: (s: PaneStage) => void): Promise<NarrativeTaskResult>;
  /** Read the workbook afresh and prepare a pre-filled 说明参数 sheet. */
  paramsSheet(onStage?: (s: PaneStage) => void): Promise<ParamsTaskResult>;
  /** Read the workbook afresh and check the department's own 情况说明 against its tables (校对情况说明). */
  checkNarrative(source: NarrativeSource, onStage?: (s: PaneStage) => void): Promise<NarrativeCheckTaskResult>;
  clearMarks(): Promise<{ restored: number; skipped: number; notices?: string[] }>;
  goTo(sheet: string, cell: string): Promise<void>;
  sheetNames(): Promise<string[]>;
  writeSheet(name: string, content: SheetContent, replace?: boolean): Promise<void>;
}

/** Errors and warnings get a colour; 尾差/提示 (info) only appear in the list. */
export function markRequests(findings: Finding[]): MarkRequest[] {
  return findings
    .filter((f) => f.severity !== 'info' && f.sheet && /^[A-Z]{1,3}\d+$/.test(f.cell))
    .map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity as 'error' | 'warning' }));
}

export interface PaneHostOptions {
  downloads?: DownloadSupport;
  /** Where the core runs (default: the worker, or the page without one). */
  work?: CoreWork;
}

export function createPaneHost(adapter: ExcelAdapter, kind: PaneHost['kind'], fileName: () => string, opts: PaneHostOptions = {}): PaneHost {
  const work = opts.work ?? coreWork();
  const read = async (onStage?: (s: PaneStage) => void): Promise<SheetGrid[]> => adapter.readGrids(onStage);
  return {
    kind,
    downloads: opts.downloads ?? (kind === 'preview' ? 'yes' : 'no'),
    async validate(onStage) {
      const out = await adapter.validate((grids) => work.check(grids, fileName(), onStage), (r) => markRequests(r.report.findings), onStage);
      const notices = out.blocked.map((b) => `「${b.sheet}」有 ${b.cells} 处问题未标色：${b.reason}`).concat(out.notices);
      return { report: out.result.report, marked: out.marked, unmarkable: out.unmarkable.length, notices };
    },
    async narrative(onStage) {
      return work.narrative(await read(onStage), onStage);
    },
    async checkNarrative(source, onStage) {
      return work.narrativeCheck(await read(onStage), source, onStage);
    },
    async paramsSheet(onStage) {
      return work.params(await read(onStage), onStage);
    },
    clearMarks: async () => {
      const r = await adapter.clearMarks();
      return { ...r, notices: r.blocked.map((b) => `「${b.sheet}」有 ${b.cells} 处标记未清除：${b.reason}`).concat(r.notices) };
    },
    goTo: (sheet, cell) => adapter.goTo(sheet, cell),
    sheetNames: () => adapter.sheetNames(),
    writeSheet: (name, content, replace) => adapter.writeSheet(name, content, replace),
  };
}
