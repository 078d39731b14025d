/** Labels and small formatting helpers of the pane (all user-facing text is Chinese). */
import type { Phase } from '../excel/adapter';
import type { TableId } from '../core/model';
import { TABLE_IDS } from '../core/model';
import type { Finding, Severity } from '../core/report';
import { TABLE_NAMES } from '../core/tables/names';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '尾差/提示' };

export const PHASE_LABEL: Record<Phase, string> = {
  sheets: '正在读取工作表列表…',
  read: '正在读取表格数据…',
  check: '正在校验…',
  mark: '正在标记单元格…',
};

export const PHASE_PROGRESS: Record<Phase, number> = { sheets: 0.1, read: 0.35, check: 0.7, mark: 0.9 };

/** "T06" → "表6". */
export function tableNumber(id: TableId): string {
  return `表${Number(id.slice(1))}`;
}

export function tableTitle(id: TableId): string {
  return `${tableNumber(id)} ${TABLE_NAMES[id]}`;
}

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
  counts: Record<Severity, number>;
}

/** Group by table in table order, then 说明参数, then everything else; findings keep the report's order. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const order = [...TABLE_IDS, '说明参数', '其他'];
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.table ?? '其他';
    if (!groups.has(key)) {
      const title = key === '说明参数' ? '说明参数' : key === '其他' ? '其他（整体）' : tableTitle(key as TableId);
      groups.set(key, { key, title, findings: [], counts: { error: 0, warning: 0, info: 0 } });
    }
    const g = groups.get(key)!;
    g.findings.push(f);
    g.counts[f.severity]++;
  }
  return [...groups.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

/** 149.7 → "149.7"; strings as they are; null → "". */
export function showValue(v: number | string | null): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
  return v;
}

export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
}
