/**
 * T11 部门（单位）整体绩效目标表: a form. Each amount is found by its label text anywhere in the
 * form (labels drift between columns and rows, tables.md T11) and read from the first amount cell to
 * its right; a label whose value cell is empty gets a blank amount in the form's value column.
 */
import type { Amount } from '../amount';
import { parseAmount } from '../amount';
import type { T11Table, TextCell } from '../model';
import type { Block } from '../recognize';
import { cellText, squash } from '../text';
import type { ParseContext } from './context';
import type { Preamble } from './header';
import { preambleOf } from './header';
import { textCell } from './body';
import { baseOf } from './table-base';

const FIELDS: [RegExp, string][] = [
  [/^(部门|单位|部门\(单位\))?(预算)?总额$/, '部门预算总额'],
  [/^(政府预算资金|财政预算资金)$/, '政府预算资金'],
  [/^财政专户管理资金$/, '财政专户管理资金'],
  [/^单位资金$/, '单位资金'],
  [/^基本支出$/, '基本支出'],
  [/^项目支出$/, '项目支出'],
];

/** "1、资金来源：(1) 政府预算资金" → { field: '政府预算资金' }; "部门预算总额(万元)" → unit 万元. */
function labelField(raw: string): { field?: string; unit?: string } {
  let t = squash(raw);
  if (t.length > 40) return {};
  let unit: string | undefined;
  const u = /\((万元|元|千元)\)$/.exec(t);
  if (u) {
    unit = u[1];
    t = t.slice(0, -u[0].length);
  }
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t
      .replace(/^[0-9一二三四五六七八九十]+[、.]/, '')
      .replace(/^(资金来源|资金结构|其中)[:：]?/, '')
      .replace(/^\((\d+|[一二三四五六七八九十]+)\)/, '')
      .replace(/[:：]$/, '');
    if (t === before) break;
  }
  const field = FIELDS.find(([re]) => re.test(t))?.[1];
  return { field, unit };
}

export function parseT11(block: Block, ctx: ParseContext): T11Table {
  const view = block.view;
  const pre: Preamble = {};
  const start = block.titleRow !== undefined ? block.titleRow + 1 : block.top;
  const fields: Record<string, Amount> = {};
  const labels: Record<string, TextCell> = {};
  const pending: { field: string; row: number; col: number }[] = [];
  const valueCols = new Map<number, number>();
  let unit: string | undefined;
  let unitRef: TextCell['ref'] | undefined;
  let end = block.bottom;
  let last = start;
  for (let row = start; row <= end; row++) {
    const cols = view.filledCols(row);
    if (cols.length === 0) continue;
    last = row;
    preambleOf(view, row, pre);
    for (const col of cols) {
      const raw = view.text(row, col);
      const t = squash(raw);
      if (/^(一级指标|三级指标)$/.test(t)) end = Math.min(end, row);
      if (!pre.deptName && /^(部门|单位|部门\(单位\))名称$/.test(t)) {
        const next = cols.find((c) => c > col);
        const name = next !== undefined ? textCell(view, row, next) : undefined;
        if (name) pre.deptName = name;
      }
      const { field, unit: u } = labelField(raw);
      if (!field || labels[field]) continue;
      labels[field] = { text: raw, ref: view.ref(row, col) };
      if (u && !unit) [unit, unitRef] = [u, view.ref(row, col)];
      const valueCol = cols.find((c) => c > col && isAmountCell(view.get(row, c)));
      if (valueCol !== undefined) {
        const a = ctx.amount(view, row, valueCol, 'T11');
        if (a) fields[field] = a;
        valueCols.set(valueCol, (valueCols.get(valueCol) ?? 0) + 1);
      } else pending.push({ field, row, col });
    }
  }
  // Labels without a value: blank in the column where the form keeps its values.
  const valueCol = [...valueCols].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const p of pending) {
    if (valueCol === undefined || valueCol <= p.col) continue;
    const v = view.get(p.row, valueCol);
    if (v !== null && !isAmountCell(v)) continue;
    const a = ctx.amount(view, p.row, valueCol, 'T11');
    if (a) fields[p.field] = a;
  }
  let lastFilled = block.bottom;
  while (lastFilled > last && view.isEmptyRow(lastFilled)) lastFilled--;
  const base = baseOf(block, 'T11', pre, undefined, [], lastFilled);
  return { ...base, kind: 't11', id: 'T11', unit: unit ?? pre.unit, unitRef: unitRef ?? pre.unitRef, fields, labels };
}

function isAmountCell(v: ReturnType<typeof cellText> | unknown): boolean {
  if (typeof v === 'number') return true;
  if (typeof v === 'object' && v !== null && 'error' in v) return true;
  if (typeof v !== 'string') return false;
  const p = parseAmount(v);
  return p.ok && !p.blank;
}
