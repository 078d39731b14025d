/** The human-readable report printed by `budget-check --format text`. */
import type { Report } from '../core/report';
import { TABLE_NAMES } from '../core/tables/names';

const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export function formatTextReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`文件：${report.file}（金额单位：${report.unit}）`);
  lines.push(`识别到 ${report.tables.length} 张表：`);
  for (const t of report.tables) lines.push(`  ${t.id} ${TABLE_NAMES[t.id]} — 工作表「${t.sheet}」${t.range}`);
  if (report.missing.length) lines.push(`未找到：${report.missing.map((id) => `${id} ${TABLE_NAMES[id]}`).join('、')}`);
  lines.push('');
  const s = report.summary;
  lines.push(`校验结果：错误 ${s.error} 项，警告 ${s.warning} 项，提示（含尾差）${s.info} 项`);
  for (const f of report.findings.filter((x) => !x.narrative)) {
    const where = f.sheet ? `「${f.sheet}」${f.cell}` : '';
    lines.push(`[${LABEL[f.severity]}] ${where} ${f.message}  (${f.rule})`.replace(/ +/g, ' '));
  }
  if (!report.findings.length) lines.push('未发现问题。');
  if (report.narrative) lines.push('', ...formatNarrativeLines(report));
  return lines.join('\n') + '\n';
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
