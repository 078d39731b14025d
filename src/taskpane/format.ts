/** Labels and small formatting helpers of the pane (all user-facing text is Chinese). */
import type { Layout, TableId } from '../core/model';
import type { Finding, Severity } from '../core/report';
import { layoutTableTitle, sheetTag } from '../core/tables/names';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '尾差/提示' };

/** How the workbook's layout titles a table ("表3 部门支出总体情况表" / "3-部门支出预算表"). */
export function tableTitle(id: TableId, layout?: Layout): string {
  return layoutTableTitle(id, layout);
}

/** The short tag of a finding's sheet for a folded line ("表12"). */
export function findingTag(f: Finding): string {
  return f.sheet ? sheetTag(f.sheet) : '';
}

/** Does a finding match the search text (headline, detail, sheet, cell; case-insensitive)? */
export function matchesSearch(f: Finding, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return `${f.headline ?? f.message}\n${f.detail ?? ''}\n${f.sheet}!${f.cell}`.toLowerCase().includes(q);
}

/** A message for the user in Chinese: host errors that arrive in English keep only their code. */
export function chineseError(e: unknown, what: string): string {
  const err = e as { message?: unknown; code?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : String(e ?? '');
  if (/[\u4e00-\u9fff]/.test(message)) return `${what}：${message}`;
  const code = typeof err?.code === 'string' && /^[\w.-]{1,40}$/.test(err.code) ? `（错误代码 ${err.code}）` : '';
  return `${what}：Excel 未能完成这一操作${code}，请稍后重试；如仍失败，请关闭并重新打开工作簿。`;
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
