/**
 * The whole check in one call: snapshot → typed tables → findings → Report. Every host calls this.
 */
import type { SheetGrid } from './grid';
import type { BudgetBook } from './model';
import { TABLE_IDS } from './model';
import type { Finding, Report } from './report';
import { sortFindings, summarize } from './report';
import { finishFindings } from './findings';
import { readBook } from './parse';
import { RULES, runRules } from './rules';
import { buildCatalog, readUserCatalog } from './catalog';
import { readParams, checkParams } from './narrative';
import { pushAll } from './list';

export interface CheckOptions {
  /** File name shown in the report. */
  file?: string;
  /** Sheets of a separate 科目表 workbook (--catalog). */
  catalogGrids?: SheetGrid[];
  /** Told when recognition and then the rules start (the pane shows progress by stage). */
  onStage?: (stage: 'recognize' | 'rules') => void;
}

export interface CheckResult {
  report: Report;
  book: BudgetBook;
}

export function checkWorkbook(grids: SheetGrid[], options: CheckOptions = {}): CheckResult {
  options.onStage?.('recognize');
  const params = readParams(grids);
  // The 说明参数 sheet holds inputs, not a table: its labels (上年“三公”经费合计 …) must not be
  // recognised as a second T08.
  const book = readBook(params ? grids.filter((g) => g.name !== params.sheet) : grids);
  options.onStage?.('rules');
  const userCatalog = pushAll(readUserCatalog(grids), readUserCatalog(options.catalogGrids ?? [], { anySheet: true }));
  const catalog = buildCatalog(userCatalog);

  const findings: Finding[] = book.issues.map((i) => ({
    rule: i.rule,
    severity: i.severity,
    sheet: i.ref.sheet,
    cell: i.ref.cell,
    related: i.related ?? [],
    expected: i.expected ?? null,
    actual: i.actual ?? null,
    message: i.message,
    table: i.table,
  }));
  const ruled = runRules(book, { catalog, params });
  pushAll(findings, ruled.findings);
  if (params) pushAll(findings, checkParams(book, params));

  const tables = TABLE_IDS.flatMap((id) => {
    const t = book.tables[id];
    return t ? [{ id, sheet: t.sheet, range: t.range }] : [];
  });
  const missing = TABLE_IDS.filter((id) => !book.tables[id] && !book.excluded?.includes(id));
  const titles = new Map(RULES.map((r) => [r.id, r.title]));
  const sorted = sortFindings(finishFindings(findings, book, titles));
  return {
    book,
    report: {
      file: options.file ?? '',
      unit: book.unit,
      layout: book.layout,
      tables,
      missing,
      findings: sorted,
      summary: summarize(sorted),
      skipped: ruled.skipped,
    },
  };
}
