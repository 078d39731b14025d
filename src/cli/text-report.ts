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
  for (const f of report.findings) {
    const where = f.sheet ? `「${f.sheet}」${f.cell}` : '';
    lines.push(`[${LABEL[f.severity]}] ${where} ${f.message}  (${f.rule})`.replace(/ +/g, ' '));
  }
  if (!report.findings.length) lines.push('未发现问题。');
  return lines.join('\n') + '\n';
}
