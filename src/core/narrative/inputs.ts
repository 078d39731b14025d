/** Typed access to the values of the 说明参数 sheet, shared by the generator and the N.* checks. */
import { parseAmount } from '../amount';
import type { CellValue } from '../grid';
import type { Finding } from '../report';
import { L, LabelKey, PARAMS_SHEET, normLabel } from './labels';
import type { ListCell, NarrativeParams, ParamCell } from './params';
import { cellText } from './params';

export type NumIn =
  | { state: 'ok'; scaled: number; decimals: number; cell: string }
  | { state: 'blank'; cell: string }
  | { state: 'invalid'; cell: string; raw: string; reason: string };

export function field(p: NarrativeParams | undefined, key: LabelKey): ParamCell | undefined {
  return p?.fields[normLabel(L[key])];
}

/** Address of the input cell, '' when the sheet or the label row does not exist. */
export function cellOf(p: NarrativeParams | undefined, key: LabelKey): string {
  return field(p, key)?.cell ?? '';
}

export function numOfCell(value: CellValue, format: string | null, cell: string, allowNegative = false): NumIn {
  const parsed = parseAmount(value, format);
  if (!parsed.ok) return { state: 'invalid', cell, raw: cellText(value), reason: parsed.reason };
  if (parsed.blank) return { state: 'blank', cell };
  if (parsed.scaled < 0 && !allowNegative) return { state: 'invalid', cell, raw: cellText(value), reason: '不能为负数' };
  return { state: 'ok', scaled: parsed.scaled, decimals: parsed.decimals, cell };
}

export function paramNum(p: NarrativeParams | undefined, key: LabelKey): NumIn {
  const f = field(p, key);
  if (!f) return { state: 'blank', cell: '' };
  return numOfCell(f.value, f.format, f.cell);
}

export function listNum(c: ListCell | undefined): NumIn {
  if (!c) return { state: 'blank', cell: '' };
  return numOfCell(c.value, c.format, c.cell);
}

/** Counts (vehicles, equipment, projects) must be whole numbers. */
export function paramCount(p: NarrativeParams | undefined, key: LabelKey): NumIn {
  const n = paramNum(p, key);
  if (n.state === 'ok' && n.scaled % 1_000_000 !== 0) {
    return { state: 'invalid', cell: n.cell, raw: cellText(field(p, key)!.value), reason: '应为整数' };
  }
  return n;
}

export function paramText(p: NarrativeParams | undefined, key: LabelKey): string | undefined {
  const t = cellText(field(p, key)?.value ?? null);
  return t || undefined;
}

export function listText(c: ListCell | undefined): string | undefined {
  const t = cellText(c?.value ?? null);
  return t || undefined;
}

/** 预算年度: a number, or text such as “2024年” / “2024年度”. */
export function paramYear(p: NarrativeParams | undefined): NumIn {
  const f = field(p, 'year');
  if (!f) return { state: 'blank', cell: '' };
  const t = cellText(f.value).normalize('NFKC');
  if (!t) return { state: 'blank', cell: f.cell };
  const m = /^((?:19|20)\d{2})(?:\.0+)?\s*(?:年度?)?$/.exec(t);
  if (!m) return { state: 'invalid', cell: f.cell, raw: t, reason: '不是年份' };
  return { state: 'ok', scaled: Number(m[1]) * 1_000_000, decimals: 0, cell: f.cell };
}

/** The finding for an input that is not a usable number (both the generator and checkParams report it). */
export function invalidFinding(label: string, n: Extract<NumIn, { state: 'invalid' }>): Finding {
  return {
    rule: 'N.param-invalid',
    severity: 'error',
    sheet: PARAMS_SHEET,
    cell: n.cell,
    related: [],
    expected: null,
    actual: n.raw,
    message: `说明参数“${label}”填写为“${n.raw}”，${n.reason}：${label === L.year ? '请填写四位年份，如 2024' : '请填写以万元为单位的数字（不能为负数）'}`,
    table: '说明参数',
  };
}

/** Every numeric input of the sheet, with whether it is a count. */
export const NUMERIC_FIELDS: { key: LabelKey; count?: boolean }[] = [
  { key: 'priorIncome' },
  { key: 'priorExpense' },
  { key: 'priorGpb' },
  { key: 'priorFund' },
  { key: 'priorStateCapital' },
  { key: 'priorSgTotal' },
  { key: 'priorSgAbroad' },
  { key: 'priorSgReception' },
  { key: 'priorSgPurchase' },
  { key: 'priorSgRunning' },
  { key: 'priorJgyx' },
  { key: 'procTotal' },
  { key: 'procGoods' },
  { key: 'procWorks' },
  { key: 'procServices' },
  { key: 'publishedTargets', count: true },
  { key: 'carGeneral', count: true },
  { key: 'carLaw', count: true },
  { key: 'carSpecial', count: true },
  { key: 'carOther', count: true },
  { key: 'equipGeneral', count: true },
  { key: 'equipSpecial', count: true },
  { key: 'transferCount', count: true },
];

/**
 * For other modules (rules): the number typed beside `label` in 说明参数, in 万元; undefined when the
 * sheet, the row or a usable number is missing. E.g. paramAmount(params, '政府采购合计').
 */
export function paramAmount(p: NarrativeParams | undefined, label: string): number | undefined {
  const f = p?.fields[normLabel(label)];
  if (!f) return undefined;
  const n = numOfCell(f.value, f.format, f.cell);
  return n.state === 'ok' ? n.scaled / 1_000_000 : undefined;
}
