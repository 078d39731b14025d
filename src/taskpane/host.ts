/**
 * What the task pane needs from its host, whether Excel or the browser preview: both are the same
 * ExcelAdapter over a different `run`. The budget logic stays in the core; this only wires it.
 */
import type { SheetGrid } from '../core/grid';
import type { BudgetBook } from '../core/model';
import type { Finding, Report } from '../core/report';
import type { ExcelAdapter, Phase } from '../excel/adapter';
import type { MarkRequest } from '../excel/highlight';
import type { SheetContent } from '../excel/write-sheet';
import { loadCore } from './core';

export interface CheckOutcome {
  report: Report;
  book: BudgetBook;
  grids: SheetGrid[];
  marked: number;
  /** Findings whose cell could not be coloured (original fill unknown or not restorable). */
  unmarkable: number;
  /** Sentences for the user: protected sheets left uncoloured and why, leftovers of earlier versions. */
  notices: string[];
}

export interface PaneHost {
  kind: 'excel' | 'preview';
  validate(onPhase?: (p: Phase) => void): Promise<CheckOutcome>;
  /** Snapshot + parse without marking (for 情况说明). */
  readBook(onPhase?: (p: Phase) => void): Promise<{ grids: SheetGrid[]; book: BudgetBook }>;
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

export function createPaneHost(adapter: ExcelAdapter, kind: PaneHost['kind'], fileName: () => string): PaneHost {
  return {
    kind,
    async validate(onPhase) {
      const { checkWorkbook } = await loadCore();
      const out = await adapter.validate((grids) => checkWorkbook(grids, { file: fileName() }), (r) => markRequests(r.report.findings), onPhase);
      const notices = out.blocked.map((b) => `「${b.sheet}」有 ${b.cells} 处问题未标色：${b.reason}`).concat(out.notices);
      return { report: out.result.report, book: out.result.book, grids: out.grids, marked: out.marked, unmarkable: out.unmarkable.length, notices };
    },
    async readBook(onPhase) {
      const { checkWorkbook } = await loadCore();
      const grids = await adapter.readGrids(onPhase);
      onPhase?.('check');
      const { book } = checkWorkbook(grids, { file: fileName() });
      return { grids, book };
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
