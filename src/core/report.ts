/** Findings and the report: plain data consumed by the pane, the highlighter, the CLI and the tests (contract.md). */
import type { CellRef } from './grid';
import type { Layout, TableId } from './model';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule id as in rules.md, e.g. "T01.income-total", "P.table-missing". */
  rule: string;
  severity: Severity;
  /** Sheet of the cell a person should look at first ("" when the finding concerns no sheet, e.g. a missing table). */
  sheet: string;
  /** A1 address on `sheet`, no "$" ("" when there is no cell). */
  cell: string;
  /** The other cells that take part in the failed relation. */
  related: CellRef[];
  /** The number the cell should hold, in the workbook's unit (null when not a number). */
  expected: number | string | null;
  /** The number it holds. */
  actual: number | string | null;
  /** One Chinese sentence: what is wrong and what it should be (in a report: the same as `headline`). */
  message: string;
  /**
   * The short line a person acts on: "表6 F7 基本工资·人员经费：应为 68.7，实为 61.8，差 6.9". Rules may set
   * only the part after the cell; checkWorkbook puts the workbook's table number and the cell in front.
   */
  headline?: string;
  /** The relations and reasons behind the headline (详情 / --verbose); lines separated by "\n". */
  detail?: string;
  /** Table the finding belongs to, for grouping in the pane. */
  table?: TableId | '说明参数';
}

export interface TableLocation {
  id: TableId;
  sheet: string;
  range: string;
}

export interface Report {
  file: string;
  unit: string;
  /** The layout the workbook follows (平顶山 "pds" or 济源 "jy"): table names and numbers follow it. */
  layout?: Layout;
  tables: TableLocation[];
  missing: TableId[];
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
  /** Rules that were skipped because their tables are missing (rule id → missing table ids). */
  skipped?: { rule: string; missing: TableId[] }[];
}

export function summarize(findings: Finding[]): Report['summary'] {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet and row, so every host lists findings in the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Thousands of findings: compare ranks worked out once per distinct sheet and cell text (the
  // order localeCompare gives them) rather than calling localeCompare and parsing rows per comparison.
  const sheet = localeRanks(findings.map((f) => f.sheet));
  const cell = localeRanks(findings.map((f) => f.cell));
  const row = new Map<string, number>();
  for (const f of findings) if (!row.has(f.cell)) row.set(f.cell, rowOf(f.cell));
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      sheet.get(a.sheet)! - sheet.get(b.sheet)! ||
      row.get(a.cell)! - row.get(b.cell)! ||
      cell.get(a.cell)! - cell.get(b.cell)!,
  );
}

/** Rank of each distinct text in localeCompare order (texts that compare equal share a rank). */
function localeRanks(texts: string[]): Map<string, number> {
  const sorted = [...new Set(texts)].sort((a, b) => a.localeCompare(b));
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((t, i) => {
    if (i > 0 && sorted[i - 1].localeCompare(t) !== 0) rank++;
    ranks.set(t, rank);
  });
  return ranks;
}

function rowOf(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : 0;
}

/** User text quoted in a finding: one line (a newline shows as ⏎), cut to about `max` characters. */
export function quoteText(text: string, max = 30): string {
  const one = text.replace(/\r\n|\r|\n/g, '⏎').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
