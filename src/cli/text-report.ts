/**
 * The human-readable report printed by `budget-check --format text`.
 * Interface shared with the command line: textReport(report, { show, verbose }). `show` is the least
 * severe level printed (the JSON report always has every finding); what is hidden is counted in one line.
 * Every piece of user text (file and sheet names, cell text quoted in messages) is printed on one line
 * (line breaks as ⏎), so a cell can never forge a line of the report.
 */
import type { Finding, Report, Severity } from '../core/report';
import { TABLE_NAMES } from '../core/tables/names';
import { oneLine, safeMessage } from '../core/display';

export type ShowLevel = 'error' | 'warning' | 'all';

export interface TextReportOptions {
  show: ShowLevel;
  verbose: boolean;
}

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Severities printed for each --show level. */
export const SHOWN: Record<ShowLevel, Severity[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
  all: ['error', 'warning', 'info'],
};

export function textReport(report: Report, options: TextReportOptions = { show: 'warning', verbose: false }): string {
  const lines: string[] = [];
  lines.push(`文件：${oneLine(report.file)}（金额单位：${report.unit}）`);
  lines.push(`识别到 ${report.tables.length} 张表：`);
  for (const t of report.tables) lines.push(`  ${t.id} ${TABLE_NAMES[t.id]} — 工作表「${oneLine(t.sheet)}」${t.range}`);
  if (report.missing.length) lines.push(`未找到：${report.missing.map((id) => `${id} ${TABLE_NAMES[id]}`).join('、')}`);
  lines.push('');
  const s = report.summary;
  lines.push(`校验结果：错误 ${s.error} 项，警告 ${s.warning} 项，提示（含尾差）${s.info} 项`);
  const shown = SHOWN[options.show];
  for (const f of report.findings) {
    if (f.narrative) continue; // listed with their sentences below
    if (!shown.includes(f.severity)) continue;
    lines.push(headline(f));
    if (options.verbose) lines.push(...details(f));
  }
  const hidden = hiddenLine(report, options.show);
  if (hidden) lines.push(hidden);
  if (!report.findings.length) lines.push('未发现问题。');
  if (report.narrative) lines.push('', ...formatNarrativeLines(report));
  return lines.join('\n') + '\n';
}

function headline(f: Finding): string {
  const where = f.sheet ? `「${oneLine(f.sheet)}」${f.cell}` : '';
  return `[${LABEL[f.severity]}] ${where} ${safeMessage(f.message)}  (${f.rule})`.replace(/ +/g, ' ');
}

/** --verbose: the cells involved and the numbers, indented under the headline. */
function details(f: Finding): string[] {
  const out: string[] = [];
  if (f.related.length) out.push(`    相关：${f.related.map((r) => `「${oneLine(r.sheet)}」${r.cell}`).join('、')}`);
  // A 尾差 or a hint needs no change: no 应为 for it.
  if (f.severity === 'info') {
    if (f.actual !== null) out.push(`    表中数：${shown(f.actual)}`);
  } else {
    const values = [f.expected !== null ? `应为：${shown(f.expected)}` : '', f.actual !== null ? `实为：${shown(f.actual)}` : ''].filter(Boolean);
    if (values.length) out.push(`    ${values.join('，')}`);
  }
  return out;
}

function shown(v: Finding['expected']): string {
  return safeMessage(String(v));
}

/** "另有 提示（含尾差）2256 项未显示（加 --show all 显示全部）". */
export function hiddenLine(report: Report, show: ShowLevel): string | undefined {
  const s = report.summary;
  const parts: string[] = [];
  if (!SHOWN[show].includes('warning') && s.warning) parts.push(`警告 ${s.warning} 项`);
  if (!SHOWN[show].includes('info') && s.info) parts.push(`提示（含尾差）${s.info} 项`);
  if (!parts.length) return undefined;
  const how = show === 'error' ? '加 --show warning 显示警告，--show all 显示全部' : '加 --show all 显示全部';
  return `另有 ${parts.join('、')}未显示（${how}）`;
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
    const cells = f.related.length ? `  → 「${f.related[0].sheet}」${f.related[0].cell}` : '';
    lines.push(`[${LABEL[f.severity]}] 第${at.paragraph}段${section} 「${markNumber(at.quote, at.text, at.offset)}」`);
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
