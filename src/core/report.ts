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
  /** What kind of finding it is, in a few words ("尾差：合计行 = 各科目行之和"): many alike are folded under it. */
  topic?: string;
  /** Table the finding belongs to, for grouping in the pane. */
  table?: TableId | '说明参数';
  /** Findings on the 情况说明 text (rules N.text.*): where in the document (sheet and cell are then ""). */
  narrative?: NarrativeLocation;
}

/** A place in the checked 情况说明. */
export interface NarrativeLocation {
  /** 1-based index among the document's non-empty paragraphs. */
  paragraph: number;
  /** The heading it falls under ('' before the first heading). */
  section: string;
  /** The sentence. */
  quote: string;
  /** The number (or words) exactly as written: 38.3%, 179.6万元, 2023年. */
  text: string;
  /** Where `text` starts in `quote` (the same number may occur twice in a sentence). */
  offset?: number;
}

/** Every number found in the 情况说明, with what it was checked against (so coverage can be measured). */
export interface NarrativeNumberEntry {
  paragraph: number;
  text: string;
  verdict: 'matches' | 'differs' | 'unverifiable';
  /** 表3!C7, 说明参数!B8, 文中推算 …; '' when unverifiable. */
  source: string;
  claim?: string;
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
  /** Present when a 情况说明 was checked (--check-narrative). */
  narrative?: { file: string; paragraphs: number; numbers: NarrativeNumberEntry[] };
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

const NUMERIC_ORDER = new Intl.Collator(undefined, { numeric: true });

/** Rank of each distinct text in localeCompare order (texts that compare equal share a rank). */
function localeRanks(texts: string[]): Map<string, number> {
  // Numbers compared as numbers: "表2" before "表10", "11-项目支出预算表" after "3-部门支出预算表".
  // One collator for all comparisons: localeCompare with options builds one per call (seconds on a
  // large workbook's tens of thousands of cells); the order is the same.
  const cmp = NUMERIC_ORDER.compare;
  const sorted = [...new Set(texts)].sort(cmp);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((t, i) => {
    if (i > 0 && cmp(sorted[i - 1], t) !== 0) rank++;
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

/** One line of a list: a finding, or many alike folded under one line ("表12 成本指标低于资金总额：600 处"). */
export type ListEntry = { kind: 'one'; finding: Finding } | { kind: 'fold'; key: string; title: string; severity: Severity; findings: Finding[] };

/** How many alike 尾差/提示 of one rule in one table are shown one by one before they are folded. */
export const FOLD_FROM = 3;

/**
 * The findings in list order (errors, then warnings, then 尾差/提示, as sorted), with the 尾差/提示 of
 * one topic in one table folded into one entry when there are FOLD_FROM or more. A fold stands where
 * its first finding stood.
 */
export function foldFindings(findings: Finding[], tagOf: (f: Finding) => string): ListEntry[] {
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding): string => `${f.rule}|${f.sheet || f.table || ''}|${f.topic ?? ''}`;
  for (const f of findings) {
    if (f.severity !== 'info') continue;
    const k = keyOf(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const out: ListEntry[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const k = f.severity === 'info' ? keyOf(f) : '';
    const g = k ? groups.get(k)! : undefined;
    if (!g || g.length < FOLD_FROM) {
      out.push({ kind: 'one', finding: f });
      continue;
    }
    if (placed.has(k)) continue;
    placed.add(k);
    const tag = tagOf(f);
    out.push({ kind: 'fold', key: k, title: `${tag ? tag + ' ' : ''}${f.topic ?? f.rule}：${g.length} 处`, severity: 'info', findings: g });
  }
  return out;
}
