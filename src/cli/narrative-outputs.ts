/**
 * The narrative outputs of budget-check:
 *   --narrative out.md     第二部分 as Markdown (headings on their own lines, as the published texts)
 *   --docx out.docx        the same as a Word document (headings as Word headings)
 *   --init-params out.xlsx a copy of the workbook plus a new, pre-filled 说明参数 sheet
 * The placeholders of the narrative become findings of the report. Nothing here prints to stdout
 * (with --format json stdout is exactly one JSON document): lines for text mode are returned,
 * problems go to stderr. The input workbook is never written; every file goes through safe-output.ts.
 */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/grid';
import type { BudgetBook } from '../core/model';
import type { Report } from '../core/report';
import { sortFindings, summarize } from '../core/report';
import { findParamsSheet, findingKey, generateNarrative, initParamsFormats, initParamsSheet, PARAMS_SHEET, readParams } from '../core/narrative';
import { buildCatalog, readUserCatalog } from '../core/catalog';
import { narrativeToDocx } from '../io/narrative-docx';
import type { CliOptions } from './main';
import { EXIT, OutputError, writeWhole } from './safe-output';

export interface OutputsResult {
  /** Lines for the text report ("情况说明已写入 …"). */
  lines: string[];
  /** Outputs that were refused or could not be written (already reported on stderr). */
  errors: OutputError[];
}

/** Writes the requested outputs (already checked by checkOutputs). One failing output does not stop the others. */
export async function runNarrativeOutputs(o: CliOptions, grids: SheetGrid[], book: BudgetBook, report: Report): Promise<OutputsResult> {
  const res: OutputsResult = { lines: [], errors: [] };
  const attempt = async (make: () => Promise<string | undefined>) => {
    try {
      const line = await make();
      if (line) res.lines.push(line);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      process.stderr.write(e.message + '\n');
      res.errors.push(e);
    }
  };
  if (o.narrative || o.docx) {
    const catalog = buildCatalog(readUserCatalog(grids));
    const result = generateNarrative(book, readParams(grids), { catalog });
    addFindings(report, result.findings);
    // Counted where they were made, so a 【请填写…】 the user typed is not taken for one.
    const todo = result.placeholders.length;
    const note = todo ? `，其中 ${todo} 处【请填写…】待补充（见“说明参数”相关问题）` : '';
    if (o.narrative) {
      await attempt(async () => {
        writeWhole(o.narrative!, result.markdown, '情况说明');
        return `情况说明已写入 ${o.narrative}${note}`;
      });
    }
    if (o.docx) {
      await attempt(async () => {
        writeWhole(o.docx!, await narrativeToDocx(result), '情况说明 Word 文档');
        return `情况说明 Word 文档已写入 ${o.docx}${note}`;
      });
    }
  }
  if (o.initParams) await attempt(() => writeInitParams(o, grids, book));
  return res;
}

/** Adds the narrative's findings the check did not already report, keeping order and summary right. */
function addFindings(report: Report, extra: Report['findings']): void {
  const seen = new Set(report.findings.map(findingKey));
  const fresh = extra.filter((f) => !seen.has(findingKey(f)));
  if (!fresh.length) return;
  report.findings = sortFindings(report.findings.concat(fresh));
  report.summary = summarize(report.findings);
}

async function writeInitParams(o: CliOptions, grids: SheetGrid[], book: BudgetBook): Promise<string> {
  const out = o.initParams!;
  const existing = findParamsSheet(grids);
  if (existing) {
    throw new OutputError(`工作簿已有说明参数表（工作表「${existing.grid.name}」），--init-params 未重复生成；如需重新生成，请先删除或改名该表`, EXIT.refused);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(o.file!);
  } catch (e) {
    throw new OutputError(`无法复制工作簿 ${o.file}：${(e as Error).message}`, EXIT.unwritable);
  }
  let name = PARAMS_SHEET;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${PARAMS_SHEET}${i}`;
  const ws = wb.addWorksheet(name);
  fillParamsSheet(ws, book);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  writeWhole(out, bytes, '工作簿副本');
  return `已写入 ${out}：工作簿副本，末尾新增工作表「${name}」（预填表中已有的数，上年数和变动原因请补充）`;
}

/** Writes the rows of initParamsSheet with formats, hints in grey and the three drop-down lists. */
export function fillParamsSheet(ws: ExcelJS.Worksheet, book: BudgetBook): void {
  const rows = initParamsSheet(book);
  const formats = initParamsFormats(book, rows);
  const lists: Record<string, string> = { 单位性质: '行政单位,参照公务员法管理事业单位,事业单位,混合', 说明样式: '平顶山,济源', 设备计量单位: '台（套）,套' };
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      const f = formats[i]?.[j];
      if (f) cell.numFmt = f;
    });
    const a = typeof r[0] === 'string' ? r[0] : '';
    if (a.startsWith('【') || i === 0) row.font = { bold: true };
    const isHeader = ['科目编码', '重点项目', '专项转移支付项目名称'].includes(a);
    if (isHeader) row.font = { bold: true };
    else if (r.length >= 3 && typeof r[2] === 'string' && !/^\d/.test(String(r[0] ?? '')) && a !== '') row.getCell(3).font = { color: { argb: 'FF808080' } };
    if (lists[a]) row.getCell(2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${lists[a]}"`] };
  });
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 50;
  ws.getColumn(4).width = 14;
  ws.getColumn(5).width = 30;
}
