/**
 * budget-check <workbook.xlsx> --check-narrative <情况说明.docx|.md|.txt>: the department's own
 * 情况说明 checked number by number against the workbook's tables and 说明参数. The findings join
 * the report (rules N.text.*, sheet and cell empty, `narrative` giving paragraph and sentence);
 * report.narrative lists every number with its verdict. The document is only read.
 */
import fs from 'fs';
import path from 'path';
import type { SheetGrid } from '../core/grid';
import type { BudgetBook } from '../core/model';
import type { Report } from '../core/report';
import { sortFindings, summarize } from '../core/report';
import { readParams } from '../core/narrative';
import { buildCatalog, readUserCatalog } from '../core/catalog';
import { checkNarrativeText } from '../core/narrative-check';
import { NarrativeReadError, readNarrativeBytes } from '../io/read-narrative';
import { UnreadableFileError } from './read-xlsx';

export async function runCheckNarrative(file: string, grids: SheetGrid[], book: BudgetBook, report: Report): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? `找不到情况说明文件：${file}` : `无法打开情况说明 ${file}：${(e as Error).message}`);
  }
  let paragraphs: string[];
  try {
    paragraphs = await readNarrativeBytes(new Uint8Array(bytes), path.basename(file));
  } catch (e) {
    if (e instanceof NarrativeReadError) throw new UnreadableFileError(e.message);
    throw e;
  }
  const catalog = buildCatalog(readUserCatalog(grids));
  const result = checkNarrativeText(book, readParams(grids), paragraphs, { catalog });
  report.findings = sortFindings([...report.findings, ...result.findings]);
  report.summary = summarize(report.findings);
  report.narrative = { file, paragraphs: result.paragraphs.length, numbers: result.numbers };
}
