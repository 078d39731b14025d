/**
 * The pane's heavy work, as plain functions of a snapshot: recognition, rules, narrative, the
 * 说明参数 sheet. They run in the Web Worker (worker.ts) and, where no Worker exists (jsdom tests,
 * a webview without workers), on the page itself through the same code (client.ts).
 */
import { checkWorkbook } from '../core/check';
import type { SheetGrid } from '../core/grid';
import type { BudgetBook } from '../core/model';
import { generateNarrative, initParamsFormats, initParamsSheet, PARAMS_SHEET, readParams } from '../core/narrative';
import type { NarrativeResult } from '../core/narrative';
import { readBook } from '../core/parse';
import type { Finding, Report } from '../core/report';
import { checkNarrativeText, findNarrativeSheet, sheetParagraphs } from '../core/narrative-check';
import type { NarrativeNumber } from '../core/narrative-check';

/** What the worker is doing, for the pane's progress line (读取 happens on the page, in Excel). */
export type WorkStage = 'recognize' | 'rules' | 'narrative';

export interface CheckTaskResult {
  report: Report;
}

export function checkTask(grids: SheetGrid[], file: string, onStage: (s: WorkStage) => void = () => undefined): CheckTaskResult {
  const { report } = checkWorkbook(grids, { file, onStage });
  return { report };
}

/** The tables as checkWorkbook reads them: the 说明参数 sheet holds inputs, not a table. */
function bookOf(grids: SheetGrid[]): { book: BudgetBook; hasParams: boolean } {
  const params = readParams(grids);
  const book = readBook(params ? grids.filter((g) => g.name !== params.sheet) : grids);
  return { book, hasParams: params !== undefined };
}

const hasTables = (book: BudgetBook): boolean => Object.keys(book.tables).length > 0;

export type NarrativeTaskResult = { tables: false } | { tables: true; result: NarrativeResult; hasParams: boolean };

export function narrativeTask(grids: SheetGrid[], onStage: (s: WorkStage) => void = () => undefined): NarrativeTaskResult {
  onStage('recognize');
  const { book, hasParams } = bookOf(grids);
  if (!hasTables(book)) return { tables: false };
  onStage('narrative');
  return { tables: true, result: generateNarrative(book, readParams(grids)), hasParams };
}

export type ParamsTaskResult = { tables: false } | { tables: true; sheet: string; rows: (string | number | null)[][]; formats: (string | null)[][] };

/** The 说明参数 sheet pre-filled from the tables (the pane writes it through the adapter). */
export function paramsTask(grids: SheetGrid[], onStage: (s: WorkStage) => void = () => undefined): ParamsTaskResult {
  onStage('recognize');
  const { book } = bookOf(grids);
  if (!hasTables(book)) return { tables: false };
  onStage('narrative');
  const rows = initParamsSheet(book);
  return { tables: true, sheet: PARAMS_SHEET, rows, formats: initParamsFormats(book, rows) };
}

/** Where the 情况说明 to check comes from: paragraphs the page read (pasted, .docx), or the 情况说明 sheet. */
export type NarrativeSource = { kind: 'sheet' } | { kind: 'paragraphs'; paragraphs: string[] };

export type NarrativeCheckTaskResult =
  | { ok: false; message: string }
  | { ok: true; findings: Finding[]; numbers: NarrativeNumber[]; paragraphs: number; sheet?: string };

/** 校对情况说明: the department's own text against the tables of this snapshot. */
export function narrativeCheckTask(grids: SheetGrid[], source: NarrativeSource, onStage: (s: WorkStage) => void = () => undefined): NarrativeCheckTaskResult {
  onStage('recognize');
  const { book } = bookOf(grids);
  if (!hasTables(book)) return { ok: false, message: '没有找到预算公开表，无法校对情况说明。' };
  let paragraphs = source.kind === 'paragraphs' ? source.paragraphs : [];
  let sheet: string | undefined;
  if (source.kind === 'sheet') {
    const found = findNarrativeSheet(grids);
    if (!found) return { ok: false, message: '工作簿中没有名为「情况说明」的工作表（每段一行，写在 A 列）。' };
    sheet = found.name;
    paragraphs = sheetParagraphs(found);
  }
  if (!paragraphs.some((p) => p.trim())) return { ok: false, message: sheet ? `工作表「${sheet}」中没有文字。` : '没有可校对的文字。' };
  onStage('narrative');
  const r = checkNarrativeText(book, readParams(grids), paragraphs);
  return { ok: true, findings: r.findings, numbers: r.numbers, paragraphs: r.paragraphs.length, sheet };
}
