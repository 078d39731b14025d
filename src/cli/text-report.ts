/**
 * The human-readable report of `budget-check --format text`: a short table of counts per table, then
 * one line per finding (errors, warnings, then 尾差/提示), many alike 尾差/提示 folded into one line.
 * `--verbose` adds each finding's detail and related cells, indented under it.
 */
import type { Finding, ListEntry, Report, Severity } from '../core/report';
import { foldFindings } from '../core/report';
import { TABLE_IDS } from '../core/model';
import { layoutTableTitle, sheetTag } from '../core/tables/names';
import { oneLine } from '../core/display';
import { maxOf, pushAll } from '../core/list';

/** error: errors only; warning: errors and warnings; all: everything. */
export type ShowLevel = 'error' | 'warning' | 'all';

export interface TextReportOptions {
  show: ShowLevel;
  verbose: boolean;
}

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '尾差/提示' };
const SHOWN: Record<TextReportOptions['show'], Severity[]> = { error: ['error'], warning: ['error', 'warning'], all: ['error', 'warning', 'info'] };
/** Longest line of a finding, in display columns (a Chinese character is two). */
const MAX_LINE = 120;
const MAX_DETAIL_LINES = 8;

export function textReport(report: Report, options: TextReportOptions): string {
  const lines: string[] = [];
  const s = report.summary;
  const layout = report.layout === 'jy' ? '济源格式' : report.layout === 'pds' ? '平顶山格式' : '';
  lines.push(`文件：${oneLine(report.file)}（金额单位：${report.unit}${layout ? '；' + layout : ''}）`);
  lines.push(`识别到 ${report.tables.length} 张表；校验结果：错误 ${s.error} 项，警告 ${s.warning} 项，尾差/提示 ${s.info} 项`);
  lines.push('');
  pushAll(lines, summaryTable(report));
  if (report.missing.length) lines.push(`未找到：${report.missing.map((id) => layoutTableTitle(id, report.layout)).join('、')}`);

  const shown = new Set(SHOWN[options.show]);
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    if (!shown.has(sev) || s[sev] === 0) continue;
    // 情况说明 findings are listed with their sentences below.
    const findings = report.findings.filter((f) => f.severity === sev && !f.narrative);
    if (!findings.length) continue;
    lines.push('');
    lines.push(`${LABEL[sev]} ${findings.length} 项`);
    for (const entry of foldFindings(findings, (f) => (f.sheet ? sheetTag(f.sheet) : ''))) pushAll(lines, entryLines(entry, options.verbose));
  }
  if (!report.findings.length) lines.push('', '未发现问题。');
  if (report.narrative) lines.push('', ...formatNarrativeLines(report));

  const hidden = (['error', 'warning', 'info'] as Severity[]).filter((k) => !shown.has(k) && s[k] > 0);
  if (hidden.length) {
    lines.push('');
    lines.push(`未显示：${hidden.map((k) => `${LABEL[k]} ${s[k]} 项`).join('，')}（用 --show all 显示全部）`);
  }
  return lines.join('\n') + '\n';
}

/** The report as `budget-check` printed it before --show existed: errors and warnings. */
export function formatTextReport(report: Report): string {
  return textReport(report, { show: 'warning', verbose: false });
}

/** Counts per table, in the workbook's names, aligned for a monospace terminal. */
function summaryTable(report: Report): string[] {
  const bySheet = new Map<string, Record<Severity, number>>();
  const other = { error: 0, warning: 0, info: 0 };
  const tableSheets = new Set(report.tables.map((t) => t.sheet));
  for (const f of report.findings) {
    const counts = f.sheet && tableSheets.has(f.sheet) ? bySheet.get(f.sheet) ?? { error: 0, warning: 0, info: 0 } : other;
    counts[f.severity]++;
    if (counts !== other) bySheet.set(f.sheet, counts);
  }
  const rows: [string, Record<Severity, number>][] = [];
  const ordered = [...report.tables].sort((a, b) => TABLE_IDS.indexOf(a.id) - TABLE_IDS.indexOf(b.id));
  for (const t of ordered) rows.push([clip(oneLine(t.sheet), 30), bySheet.get(t.sheet) ?? { error: 0, warning: 0, info: 0 }]);
  if (other.error + other.warning + other.info > 0) rows.push(['其他（整个工作簿、说明参数）', other]);
  rows.push(['合计', report.summary]);
  const nameWidth = maxOf(rows.map(([n]) => width(n)), width('表'));
  const head = `${pad('表', nameWidth)}  ${padStart('错误', 4)}  ${padStart('警告', 4)}  ${padStart('尾差/提示', 9)}`;
  return [head, ...rows.map(([n, c]) => `${pad(n, nameWidth)}  ${padStart(String(c.error), 4)}  ${padStart(String(c.warning), 4)}  ${padStart(String(c.info), 9)}`)];
}

function entryLines(entry: ListEntry, verbose: boolean): string[] {
  if (entry.kind === 'one') return findingLines(entry.finding, verbose, '  ');
  const out = [`  ${clip(oneLine(entry.title), MAX_LINE)}`];
  if (verbose) for (const f of entry.findings) pushAll(out, findingLines(f, false, '    '));
  return out;
}

function findingLines(f: Finding, verbose: boolean, indent: string): string[] {
  const out = [indent + clip(oneLine(f.headline ?? f.message), MAX_LINE)];
  if (!verbose) return out;
  const more = indent + '    ';
  // Each line of the detail stays indented under its finding: a newline inside the user's text cannot
  // start a line of its own.
  const detail = (f.detail ?? '').split('\n').filter((l) => l.trim());
  for (const l of detail.slice(0, MAX_DETAIL_LINES)) out.push(more + clip(oneLine(l), MAX_LINE));
  if (detail.length > MAX_DETAIL_LINES) out.push(`${more}另有 ${detail.length - MAX_DETAIL_LINES} 行未列出`);
  if (f.related.length) {
    const cells = f.related.map((r) => (r.sheet === f.sheet ? r.cell : `${sheetTag(r.sheet)} ${r.cell}`));
    out.push(more + clip(`相关：${cells.join('、')}`, MAX_LINE));
  }
  out.push(`${more}规则：${f.rule}`);
  return out;
}

/** Display columns: CJK and full-width characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

function clip(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

function pad(text: string, w: number): string {
  return text + ' '.repeat(Math.max(0, w - width(text)));
}

function padStart(text: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(text))) + text;
}

/** The 情况说明 part: counts, then each finding with its sentence and the number marked 【…】. */
export function formatNarrativeLines(report: Report): string[] {
  const n = report.narrative!;
  const count = (v: string) => n.numbers.filter((x) => x.verdict === v).length;
  const found = report.findings.filter((f) => f.narrative);
  const lines = [
    `情况说明校对：${n.file}（${n.paragraphs} 段，${n.numbers.length} 个数字：与表格一致 ${count('matches')}，不一致 ${count('differs')}，无法核对 ${count('unverifiable')}）`,
  ];
  for (const f of found) {
    const at = f.narrative!;
    const section = at.section ? `（${at.section}）` : '';
    const cells = f.related.length ? `  → 「${oneLine(f.related[0].sheet)}」${f.related[0].cell}` : '';
    lines.push(`[${LABEL[f.severity]}] 第${at.paragraph}段${section} 「${oneLine(markNumber(at.quote, at.text, at.offset))}」`);
    lines.push(`    ${f.message}${f.expected !== null && f.expected !== undefined ? `（应为 ${f.expected}）` : ''}${cells}  (${f.rule})`);
  }
  if (!found.length) lines.push('情况说明中未发现与表格不一致之处。');
  return lines;
}

/** The sentence with the number marked: …支出【179.6万元】…; long sentences are cut around it. */
export function markNumber(quote: string, text: string, offset?: number): string {
  const i = !text ? -1 : offset !== undefined && quote.startsWith(text, offset) ? offset : quote.indexOf(text);
  if (i < 0) return quote.length > 80 ? `${quote.slice(0, 80)}…` : quote;
  const from = Math.max(0, i - 30);
  const to = Math.min(quote.length, i + text.length + 30);
  return `${from > 0 ? '…' : ''}${quote.slice(from, i)}【${text}】${quote.slice(i + text.length, to)}${to < quote.length ? '…' : ''}`;
}
