/**
 * T12 部门预算项目绩效目标表: department / unit rows, then per project a first row (21-digit code,
 * name, amounts, first indicator of each kind) and continuation rows with more indicators.
 * Rows whose cells sit one column left of the header (seed 003: the indicator name under 单位资金)
 * are read by content: text in an amount column is not an amount, it is where the indicators start.
 */
import type { Amount } from '../amount';
import type { BodyRow, Indicator, IndicatorKind, Note, T12Project, T12Table, TextCell } from '../model';
import { COL } from '../model';
import type { Block } from '../recognize';
import { CODE, type TableSpec } from '../tables/spec';
import { INDICATOR_KINDS } from '../tables/t12';
import { cellText, squash } from '../text';
import type { ParseContext } from './context';
import { codeOf } from './context';
import type { Header, Preamble } from './header';
import { readHeader } from './header';
import { codeAt, hasAmount, isNoData, isTotalText, readBody, textCell } from './body';
import { baseOf } from './table-base';
import type { SheetView } from './sheet';

const AMOUNT_KEYS = Object.values(COL.t12);

interface Layout {
  codeCol: number;
  nameCol: number;
  amountCols: [string, number][];
  /** Indicator name / value columns per kind, as the header places them. */
  indicators: { kind: IndicatorKind; name?: number; value?: number }[];
  /** Name column of the first indicator kind the header has. */
  firstIndicator?: number;
}

function layoutOf(view: SheetView, header: Header): Layout {
  const codeCol = header.col.get(CODE.projectCode) ?? view.left;
  const nameCol = header.col.get(CODE.name) ?? codeCol + 1;
  const amountCols = AMOUNT_KEYS.map((k) => [k, header.col.get(k)] as [string, number | undefined]).filter((x): x is [string, number] => x[1] !== undefined);
  const indicators = INDICATOR_KINDS.map((kind) => ({ kind, name: header.col.get(`${kind}/三级指标`), value: header.col.get(`${kind}/指标值`) }));
  return { codeCol, nameCol, amountCols, indicators, firstIndicator: indicators.find((i) => i.name !== undefined)?.name };
}

const DASH = /^[-—–/]$/;
const NUMBER_TEXT = /^[+-]?[\d,]*\.?\d+$/;

/** A cell holding text that is not a number (an indicator name where an amount should be). */
function isWord(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = squash(v);
  return t !== '' && !DASH.test(t) && !NUMBER_TEXT.test(t);
}

export function parseT12(block: Block, spec: TableSpec, ctx: ParseContext): T12Table {
  const view = block.view;
  const pre: Preamble = {};
  const header = readHeader(view, block, spec, pre);
  ctx.useUnit(spec.id, pre.unit);
  const lay = layoutOf(view, header);
  const rows: BodyRow[] = [];
  const projects: T12Project[] = [];
  const notes: Note[] = [];
  let dept: string | undefined;
  let unit: string | undefined;
  let current: T12Project | undefined;
  let shift = 0;
  let shifted: TextCell['ref'] | undefined;
  let shiftedCount = 0;
  const last = readBody(block, header, notes, (row) => {
    if (view.hidden.has(row)) ctx.tally('T12', 'hidden-row', view.ref(row, view.left), '');
    const rawCode = view.getFilled(row, lay.codeCol);
    const code = codeOf(rawCode);
    const name = textCell(view, row, lay.nameCol);
    // Where the row's cells start: text in an amount column means the indicators begin there.
    const wordCol = firstWordColumn(view, row, lay);
    const firstIndicator = lay.firstIndicator;
    const rowShift = wordCol !== undefined && firstIndicator !== undefined ? wordCol - firstIndicator : 0;
    const amounts = code || anyValue(view, row, lay) ? readAmounts(view, row, lay, ctx, wordCol) : {};

    if (code && (code.text.length === 3 || code.text.length === 6) && !code.damaged) {
      codeAt(view, row, lay.codeCol, ctx, 'T12');
      const ref = view.ref(row, lay.codeCol);
      if (code.text.length === 3) {
        dept = code.text;
        unit = undefined;
      } else {
        dept = dept && code.text.startsWith(dept) ? dept : code.text.slice(0, 3);
        unit = code.text;
      }
      rows.push({ kind: code.text.length === 3 ? 'dept' : 'unit', row, sheet: view.name, code: { text: code.text, ref }, name, amounts, texts: {}, unitCode: unit, deptCode: dept });
      current = undefined;
      return true;
    }
    if (!code && (isTotalText(rawCode) || (name && isTotalText(name.text)))) {
      rows.push({ kind: 'total', row, sheet: view.name, name, amounts, texts: {}, unitCode: unit, deptCode: dept });
      current = undefined;
      return true;
    }
    const startsProject = !!code || (hasAmount(amounts) && !!name);
    if (startsProject) {
      shift = rowShift;
      if (shift !== 0) {
        shifted ??= view.ref(row, wordCol!);
        shiftedCount++;
      }
      const codeText = projectCode(view, row, lay.codeCol, rawCode, ctx);
      current = { row, code: codeText, name: name ?? { text: '', ref: view.ref(row, lay.nameCol) }, unitCode: unit, amounts, indicators: [] };
      projects.push(current);
      addIndicators(view, row, lay, shift, current.indicators);
      return true;
    }
    if (current) {
      // Continuation row: more indicators; a lone name fragment is the rest of a split name.
      if (name && !hasIndicatorCells(view, row, lay, shift)) current.name = { ...current.name, text: current.name.text + name.text };
      addIndicators(view, row, lay, shift, current.indicators);
    }
    return true;
  });
  if (shifted)
    ctx.add({
      rule: 'P.shifted-row',
      severity: 'info',
      ref: shifted,
      table: 'T12',
      message: `“部门预算项目绩效目标表”有 ${shiftedCount} 个项目行的绩效指标比表头左移了一列（如 ${shifted.sheet}!${shifted.cell} 的指标名称位于金额列），已按内容读取：金额列中的文字不计为金额`,
    });
  const base = baseOf(block, 'T12', pre, header, notes, last);
  const unitLabel = header.columns.map((c) => c.path.join('')).find((p) => /\((万元|元)\)/.test(p));
  const labelUnit = unitLabel ? /\((万元|元)\)/.exec(unitLabel)![1] : undefined;
  return { ...base, kind: 't12', id: 'T12', unit: base.unit ?? labelUnit, rows, projects, noDataNote: notes.find(isNoData) };
}

/** The first amount column holding a word instead of a number, if any. */
function firstWordColumn(view: SheetView, row: number, lay: Layout): number | undefined {
  for (let k = 0; k < lay.amountCols.length; k++) {
    const col = lay.amountCols[k][1];
    if (isWord(view.get(row, col))) return col;
  }
  return undefined;
}

/** Any value in the amount columns? (continuation rows have none: no Amount objects for them) */
function anyValue(view: SheetView, row: number, lay: Layout): boolean {
  for (let k = 0; k < lay.amountCols.length; k++) {
    const v = view.get(row, lay.amountCols[k][1]);
    if (v !== null && v !== '') return true;
  }
  return false;
}

function readAmounts(view: SheetView, row: number, lay: Layout, ctx: ParseContext, stopAt?: number): Record<string, Amount> {
  const out: Record<string, Amount> = {};
  for (let k = 0; k < lay.amountCols.length; k++) {
    const col = lay.amountCols[k][1];
    if (stopAt !== undefined && col >= stopAt) continue;
    const a = ctx.amount(view, row, col, 'T12');
    if (a) out[lay.amountCols[k][0]] = a;
  }
  return out;
}

/** The 21-digit code as text; a numeric code lost its digits (P.code-text, not guessed). */
function projectCode(view: SheetView, row: number, col: number, raw: unknown, ctx: ParseContext): TextCell | undefined {
  const ref = view.ref(row, col);
  if (typeof raw === 'number') {
    const shown = view.shown(row, col) ?? (raw >= 1e15 ? raw.toExponential(5).replace('e+', 'E+') : String(raw));
    ctx.add({
      rule: 'P.code-text',
      severity: 'warning',
      ref,
      table: 'T12',
      actual: shown,
      message: `${ref.sheet}!${ref.cell} 的项目编码以数字形式存储（显示为 ${shown}），超过 15 位的数字已丢失精度，无法还原原编码；请将该列设为文本后重新录入编码`,
    });
    return undefined;
  }
  const t = cellText(raw as never).trim();
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(t)) {
    // "4.19001E+20" typed or imported as text: the digits are already gone.
    ctx.add({
      rule: 'P.code-text',
      severity: 'warning',
      ref,
      table: 'T12',
      actual: t,
      message: `${ref.sheet}!${ref.cell} 的项目编码是科学计数法“${t}”，原编码的数字已丢失，无法还原；请按原始 21 位编码以文本重新录入`,
    });
    return undefined;
  }
  return t ? { text: squash(t), ref } : undefined;
}

function hasIndicatorCells(view: SheetView, row: number, lay: Layout, shift: number): boolean {
  const filled = (c: number | undefined) => c !== undefined && view.text(row, c + shift) !== '';
  return lay.indicators.some((i) => filled(i.name) || filled(i.value));
}

function addIndicators(view: SheetView, row: number, lay: Layout, shift: number, into: Indicator[]): void {
  for (let k = 0; k < lay.indicators.length; k++) {
    const ind = lay.indicators[k];
    if (ind.name === undefined) continue;
    const name = textCell(view, row, ind.name + shift);
    const value = ind.value !== undefined ? textCell(view, row, ind.value + shift) : undefined;
    if (name) into.push({ kind: ind.kind, name, value });
    else if (value) {
      // A value without a name continues the previous indicator of this kind (a split cell).
      const prev = [...into].reverse().find((x) => x.kind === ind.kind);
      if (prev) prev.value = prev.value ? { ...prev.value, text: prev.value.text + value.text } : value;
    }
  }
}
