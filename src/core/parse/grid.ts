/**
 * Grid tables (T02, T03, T05, T06, T07, T09, T10, T13, T14): header → columns, then one BodyRow
 * per body row with its kind (tables.md §1.3), codes, amounts and the unit / department it
 * belongs to (the nearest unit / department row above).
 */
import type { CellRef } from '../grid';
import type { BodyRow, EconCode, FuncCode, GridTable, Note, RowKind, TableId } from '../model';
import { TEXT } from '../model';
import type { Block } from '../recognize';
import { CODE, type RowFamily, type TableSpec } from '../tables/spec';
import { squash } from '../text';
import type { CodeCell, ParseContext } from './context';
import { codeOf } from './context';
import type { Header, Preamble } from './header';
import { readHeader } from './header';
import { amountColumns, amountsOf, codeAt, econCodeAt, hasAmount, isNoData, isTotalText, readBody, textCell } from './body';
import { findCodeColumns } from './code-columns';
import type { SheetView } from './sheet';
import { baseOf } from './table-base';
import { recordCells } from '../table-cells';
import { TABLE_NAMES } from '../tables/names';

export interface Known {
  /** Department name of the book (squashed), to tell a department row from a 类 subtotal. */
  deptName?: string;
}

interface State {
  dept?: string;
  unit?: string;
}

/**
 * The header columns the row classifiers read, looked up once per table (not once per row).
 * `totals*` are the text columns whose 合计 marks a total row, in the order they are checked.
 */
interface Cols {
  name?: number;
  unitCode?: number;
  lei?: number;
  kuan?: number;
  xiang?: number;
  econ?: number;
  econName?: number;
  gov?: number;
  govName?: number;
  econLei?: number;
  econKuan?: number;
  govLei?: number;
  govKuan?: number;
  t10Type?: number;
  t10Name?: number;
  t10Unit?: number;
  /** T14 text columns in TEXT.t14 order. */
  t14: { key: string; col: number | undefined }[];
  econTotals: (number | undefined)[];
  t10Totals: (number | undefined)[];
}

function colsOf(header: Header): Cols {
  const c = (key: string) => header.col.get(key);
  return {
    name: c(CODE.name),
    unitCode: c(CODE.unitCode),
    lei: c(CODE.lei),
    kuan: c(CODE.kuan),
    xiang: c(CODE.xiang),
    econ: c(CODE.econ),
    econName: c(CODE.econName),
    gov: c(CODE.gov),
    govName: c(CODE.govName),
    econLei: c(CODE.econLei),
    econKuan: c(CODE.econKuan),
    govLei: c(CODE.govLei),
    govKuan: c(CODE.govKuan),
    t10Type: c(TEXT.t10.type),
    t10Name: c(TEXT.t10.name),
    t10Unit: c(TEXT.t10.unit),
    t14: Object.values(TEXT.t14).map((key) => ({ key, col: c(key) })),
    econTotals: [c(CODE.govName), c(CODE.econName)],
    t10Totals: [c(TEXT.t10.name), c(TEXT.t10.unit), c(TEXT.t10.type), c(CODE.unitCode)],
  };
}

interface RowInput {
  view: SheetView;
  row: number;
  cols: Cols;
  ctx: ParseContext;
  id: TableId;
  known: Known;
  state: State;
  /** First amount column: a 合计 label sits left of it. */
  firstAmount: number;
}

/** The texts of a row that has none: one shared, frozen record (a large table has thousands of such rows). */
const NO_TEXTS: BodyRow['texts'] = Object.freeze({});

type Classified = Omit<BodyRow, 'row' | 'sheet' | 'amounts' | 'unitCode' | 'deptCode'>;

export function parseGrid(block: Block, spec: TableSpec, ctx: ParseContext, known: Known): GridTable {
  const view = block.view;
  const pre: Preamble = {};
  const header = readHeader(view, block, spec, pre);
  ctx.useUnit(spec.id, pre.unit);
  if (findCodeColumns(view, header, spec, block) === 'joined-over-split') {
    const lei = header.col.get(CODE.lei)!;
    const labelRow = [...header.rows].reverse().find((r) => view.text(r, lei) !== '') ?? block.top;
    const ref = view.ref(labelRow, lei);
    ctx.add({
      rule: 'P.layout',
      severity: 'info',
      ref,
      table: spec.id,
      message: `“${TABLE_NAMES[spec.id]}”的表头有类、款、项三列，但功能分类编码整段写在 ${ref.sheet} 的 ${ref.cell.replace(/\d+$/, '')} 列（如 2080505）：已按整段编码拆分为类、款、项读取，款、项列未使用；如不是这样，请把编码分列填写`,
    });
  }
  const rows: BodyRow[] = [];
  const notes: Note[] = [];
  const state: State = {};
  const amountCols = amountColumns(header);
  const firstAmount = amountCols.length ? amountCols[0][1] : view.right + 1;
  const input: RowInput = { view, row: 0, cols: colsOf(header), ctx, id: spec.id, known, state, firstAmount };
  const classify = CLASSIFY[spec.family!];
  // The table's cells, row by row (table-cells.ts), with room for every row of the block.
  const width = amountCols.length;
  const cells = new Float64Array(Math.max(0, block.bottom - header.bodyStart + 1) * width);
  const last = readBody(block, header, notes, (row) => {
    input.row = row;
    const c = classify(input);
    if (!c) return false;
    // A row glued to the one before is not kept: the next row's cells take its place.
    const amounts = amountsOf(view, row, header, ctx, spec.id, cells, rows.length * width);
    if (c.kind === 'other' && !hasAmount(amounts) && glueFragment(rows, c)) return false;
    if (view.hidden.has(row)) ctx.tally(spec.id, 'hidden-row', view.ref(row, view.left), '');
    if (c.kind === 'other' && hasAmount(amounts)) ctx.tally(spec.id, 'other-row', view.ref(row, view.scan(row).first || view.left), String(row));
    // Every row gets one shape (absent codes undefined): rules then read rows without polymorphic lookups.
    rows.push({ kind: c.kind, row, sheet: view.name, name: c.name, func: c.func, econ: c.econ, code: c.code, unitCode: state.unit, deptCode: state.dept, amounts, texts: c.texts });
    return true;
  });
  const base = baseOf(block, spec.id, pre, header, notes, last);
  const table: GridTable = { ...base, kind: 'grid', id: spec.id as GridTable['id'], rows, noDataNote: notes.find(isNoData) };
  recordCells(table, { cols: new Map(amountCols.map(([key], j) => [key, j])), width, scaled: cells.subarray(0, rows.length * width), others: new Set() });
  return table;
}

/** A text-only row right after a project/item row is the rest of a name broken across a page. */
function glueFragment(rows: BodyRow[], c: Classified): boolean {
  const prev = rows[rows.length - 1];
  if (!prev || (prev.kind !== 'project' && prev.kind !== 'item') || !prev.name || !c.name) return false;
  if (c.code || c.func || c.econ || Object.keys(c.texts).length > 1) return false;
  prev.name = { ...prev.name, text: prev.name.text + c.name.text };
  return true;
}

const CLASSIFY: Record<RowFamily, (i: RowInput) => Classified | undefined> = {
  expense: classifyExpense,
  t02: classifyT02,
  t06: classifyT06,
  t07: classifyT07,
  t10: classifyT10,
  t14: classifyT14,
};

/** Does one of these columns hold 合计 / 总计 in this row (merged areas filled)? */
function anyTotal(i: RowInput, cols: (number | undefined)[]): boolean {
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k];
    if (c !== undefined && isTotalText(i.view.getFilled(i.row, c))) return true;
  }
  return false;
}

/** A 合计 label anywhere left of the first amount column (its position varies, tables.md §1.3). */
function totalLabel(i: RowInput): boolean {
  const { count, first, last } = i.view.scan(i.row);
  if (count === 0) return false;
  // Empty cells are never 合计, so every column of the filled span can be asked.
  for (let c = first; c <= last && c < i.firstAmount; c++) if (isTotalText(i.view.get(i.row, c))) return true;
  return false;
}

function isDeptName(i: RowInput, name?: string): boolean {
  return !!name && !!i.known.deptName && squash(name) === i.known.deptName;
}

/** Department or unit row from a 3- or 6-digit code. */
function orgRow(i: RowInput, code: CodeCell, col: number, name: BodyRow['name']): Classified | undefined {
  const ref = i.view.ref(i.row, col);
  if (code.text.length === 3) {
    i.state.dept = code.text;
    i.state.unit = undefined;
    return { kind: 'dept', code: { text: code.text, ref }, name, texts: NO_TEXTS };
  }
  if (code.text.length === 6) {
    if (!i.state.dept || !code.text.startsWith(i.state.dept)) i.state.dept = code.text.slice(0, 3);
    i.state.unit = code.text;
    return { kind: 'unit', code: { text: code.text, ref }, name, texts: NO_TEXTS };
  }
  return undefined;
}

/**
 * A row's code cells, kept in an array of their own size: push grows an array to 17 slots, and the
 * book keeps one such list per code row (thousands in a large workbook).
 */
function exact<T>(list: T[]): T[] {
  return list.slice();
}

/** Function code from 类/款/项 cells, in three cells or joined in the 类 cell ("2010301"). */
function funcCode(i: RowInput): FuncCode | undefined {
  const cl = i.cols.lei;
  const ck = i.cols.kuan;
  const cx = i.cols.xiang;
  const L = codeAt(i.view, i.row, cl, i.ctx, i.id, 3);
  if (!L || cl === undefined) return undefined;
  const refs = [i.view.ref(i.row, cl)];
  let lei = L.text;
  let kuan: string | undefined;
  let xiang: string | undefined;
  if (lei.length === 7) {
    kuan = lei.slice(3, 5);
    xiang = lei.slice(5);
    lei = lei.slice(0, 3);
  } else if (lei.length === 5) {
    kuan = lei.slice(3);
    lei = lei.slice(0, 3);
  } else if (lei.length !== 3) return undefined;
  if (kuan === undefined && xiang === undefined) garbageCode(i, [ck, cx], '功能分类科目编码');
  if (kuan === undefined) {
    const K = codeAt(i.view, i.row, ck, i.ctx, i.id, 2);
    if (K && K.text.length === 2) {
      kuan = K.text;
      refs.push(i.view.ref(i.row, ck!));
    } else if (K) return undefined;
  }
  if (xiang === undefined) {
    const X = codeAt(i.view, i.row, cx, i.ctx, i.id, 2);
    if (X && X.text.length === 2) {
      xiang = X.text;
      refs.push(i.view.ref(i.row, cx!));
    } else if (X) return undefined;
  }
  if (xiang && !kuan) return undefined;
  return { lei, kuan, xiang, refs: exact(refs), code: lei + (kuan ?? '') + (xiang ?? '') };
}

/**
 * A code cell of a coded row that holds text which is no code ("und" | "efined" left by a broken
 * export or template): the row's code is incomplete, which no amount rule would tell.
 */
function garbageCode(i: RowInput, cols: (number | undefined)[], what: string): void {
  const bad: number[] = [];
  const texts: string[] = [];
  for (const col of cols) {
    if (col === undefined) continue;
    const v = i.view.get(i.row, col);
    if (typeof v !== 'string' || isTotalText(v)) continue;
    const t = v.trim();
    if (!t || codeOf(v) || BLANK_TEXT.test(t)) continue;
    bad.push(col);
    texts.push(t.slice(0, 20));
  }
  if (bad.length === 0) return;
  const ref = i.view.ref(i.row, bad[0]);
  i.ctx.add({
    rule: 'P.code',
    severity: 'error',
    ref,
    related: bad.slice(1).map((c) => i.view.ref(i.row, c)),
    table: i.id,
    actual: texts.join(' | '),
    message: `“${TABLE_NAMES[i.id]}” ${ref.sheet}!${ref.cell} 的${what}是“${texts.join(' | ')}”，不是数字编码；该行的科目无法核对，请填写正确的编码`,
  });
}

/** Dashes and the like: an empty code cell written as text. */
const BLANK_TEXT = /^[-—－–/\\]+$/;

function classifyExpense(i: RowInput): Classified | undefined {
  const name = textCell(i.view, i.row, i.cols.name);
  const unitRow = unitCodeRow(i, name);
  if (unitRow) return unitRow;
  const f = funcCode(i);
  if (f) {
    if (!f.kuan && (isDeptName(i, name?.text) || !f.lei.startsWith('2'))) {
      const org = orgRow(i, { text: f.lei, lost: false, damaged: false }, i.cols.lei!, name);
      if (org) return org;
    }
    return { kind: 'func', name, func: f, texts: NO_TEXTS };
  }
  // A department/unit code in the 类, 款 or 项 column (it drifts there in some exports).
  const org = codeInFuncColumn(i, i.cols.lei, true, name) ?? codeInFuncColumn(i, i.cols.kuan, false, name) ?? codeInFuncColumn(i, i.cols.xiang, false, name);
  if (org) return org;
  return totalOrOther(i, name);
}

/** A department / unit row by the code in the 单位代码 column. */
function unitCodeRow(i: RowInput, name: BodyRow['name']): Classified | undefined {
  const cu = i.cols.unitCode;
  const U = codeAt(i.view, i.row, cu, i.ctx, i.id);
  return U && cu !== undefined ? orgRow(i, U, cu, name) : undefined;
}

/** A row without a code: 合计 left of the amounts, else other. */
function totalOrOther(i: RowInput, name: BodyRow['name']): Classified {
  if (totalLabel(i)) return { kind: 'total', name, texts: NO_TEXTS };
  return { kind: 'other', name, texts: NO_TEXTS };
}

/** A 6-digit unit code (or, outside the 类 column, a 3-digit department code) in a function-code column. */
function codeInFuncColumn(i: RowInput, c: number | undefined, isLei: boolean, name: BodyRow['name']): Classified | undefined {
  const code = codeAt(i.view, i.row, c, i.ctx, i.id);
  if (code && c !== undefined && (code.text.length === 6 || (code.text.length === 3 && !isLei))) return orgRow(i, code, c, name);
  return undefined;
}

function classifyT02(i: RowInput): Classified | undefined {
  const name = textCell(i.view, i.row, i.cols.name);
  return unitCodeRow(i, name) ?? totalOrOther(i, name);
}

function classifyT06(i: RowInput): Classified | undefined {
  const ce = i.cols.econ;
  const cg = i.cols.gov;
  const name = textCell(i.view, i.row, i.cols.econName);
  const E = econCodeAt(i.view, i.row, ce, i.ctx, i.id);
  if (E && ce !== undefined) {
    const refs = [i.view.ref(i.row, ce)];
    // 30101 in one cell, or split into 类 | 款 (301 | 01) where the table has a 款 column.
    const dept = E.text.length === 5 ? E.text : joinKuan(i, E, i.cols.econKuan, refs);
    if (dept) {
      garbageCode(i, [cg, i.cols.govKuan], '政府经济分类科目编码');
      const G = econCodeAt(i.view, i.row, cg, i.ctx, i.id);
      const govRefs: EconCode['refs'] = cg !== undefined ? [i.view.ref(i.row, cg)] : [];
      const gov = G && G.text.length === 5 ? G.text : G ? joinKuan(i, G, i.cols.govKuan, govRefs) : undefined;
      if (gov) for (const r of govRefs) refs.push(r);
      const govName = gov ? textCell(i.view, i.row, i.cols.govName)?.text : undefined;
      return { kind: 'econ', name, econ: { dept, deptName: name?.text, gov, govName, refs: exact(refs) }, texts: NO_TEXTS };
    }
    garbageCode(i, [i.cols.econKuan], '部门经济分类科目编码（款）');
    const K = i.cols.econKuan !== undefined ? econCodeAt(i.view, i.row, i.cols.econKuan, i.ctx, i.id, 2) : undefined;
    const other = econClassOrOrg(i, E, ce, name, refs, !K);
    if (other) return other;
  }
  return econTotalOrOther(i, name);
}

/** A 3-digit economic 类 and the 2-digit 款 of its row's 款 column, joined (undefined when not both). */
function joinKuan(i: RowInput, lei: CodeCell, col: number | undefined, refs: CellRef[]): string | undefined {
  if (lei.text.length !== 3 || col === undefined) return undefined;
  const K = econCodeAt(i.view, i.row, col, i.ctx, i.id, 2);
  if (!K || K.text.length !== 2) return undefined;
  refs.push(i.view.ref(i.row, col));
  return lei.text + K.text;
}

/**
 * An economic code row that is no detail row: a 3-digit 3xx code (without 款 where the table
 * splits it, `classRow`) is a class subtotal (济源), else the code may be a department / unit.
 */
function econClassOrOrg(i: RowInput, code: CodeCell, col: number, name: BodyRow['name'], refs: EconCode['refs'], classRow: boolean): Classified | undefined {
  if (classRow && code.text.length === 3 && code.text.startsWith('3') && !isDeptName(i, name?.text))
    return { kind: 'econClass', name, econ: { dept: code.text, deptName: name?.text, refs: exact(refs) }, texts: NO_TEXTS };
  return orgRow(i, code, col, name);
}

/** A T06 / T07 row without a code: 合计 left of the amounts or in a name column, else other. */
function econTotalOrOther(i: RowInput, name: BodyRow['name']): Classified {
  if (totalLabel(i) || anyTotal(i, i.cols.econTotals)) return { kind: 'total', name, texts: NO_TEXTS };
  return { kind: 'other', name, texts: NO_TEXTS };
}

function classifyT07(i: RowInput): Classified | undefined {
  const cl = i.cols.econLei;
  const ck = i.cols.econKuan;
  const cgl = i.cols.govLei;
  const cgk = i.cols.govKuan;
  const name = textCell(i.view, i.row, i.cols.econName);
  const L = econCodeAt(i.view, i.row, cl, i.ctx, i.id, 3);
  if (L && cl !== undefined) {
    if (L.text.length === 3 && L.text.startsWith('3')) garbageCode(i, [ck], '部门经济分类科目编码（款）');
    const K = codeAt(i.view, i.row, ck, i.ctx, i.id, 2);
    let dept: string | undefined;
    const refs = [i.view.ref(i.row, cl)];
    if (L.text.length === 5) dept = L.text;
    else if (L.text.length === 3 && K?.text.length === 2) {
      dept = L.text + K.text;
      refs.push(i.view.ref(i.row, ck!));
    }
    if (dept) {
      garbageCode(i, [cgl, cgk], '政府经济分类科目编码');
      const GL = econCodeAt(i.view, i.row, cgl, i.ctx, i.id, 3);
      const GK = codeAt(i.view, i.row, cgk, i.ctx, i.id, 2);
      let gov: string | undefined;
      if (GL?.text.length === 5) gov = GL.text;
      else if (GL?.text.length === 3 && GK?.text.length === 2) gov = GL.text + GK.text;
      if (gov) refs.push(i.view.ref(i.row, cgl!));
      if (gov && GK && cgk !== undefined && GL?.text.length === 3) refs.push(i.view.ref(i.row, cgk));
      const govName = gov ? textCell(i.view, i.row, i.cols.govName)?.text : undefined;
      return { kind: 'econ', name, econ: { dept, deptName: name?.text, gov, govName, refs: exact(refs) }, texts: NO_TEXTS };
    }
    const other = econClassOrOrg(i, L, cl, name, refs, !K);
    if (other) return other;
  }
  return econTotalOrOther(i, name);
}

function classifyT10(i: RowInput): Classified | undefined {
  const T = TEXT.t10;
  const cu = i.cols.unitCode;
  const cn = i.cols.t10Name;
  const type = textCell(i.view, i.row, i.cols.t10Type);
  const nameText = textCell(i.view, i.row, cn);
  const unitName = textCell(i.view, i.row, i.cols.t10Unit);
  const texts: BodyRow['texts'] = {};
  if (type) texts[T.type] = type;
  if (nameText) texts[T.name] = nameText;
  if (unitName) texts[T.unit] = unitName;
  if (anyTotal(i, i.cols.t10Totals) || totalLabel(i)) return { kind: 'total', name: nameText, texts };

  // 济源: the code column; 平顶山: a department/unit code written in the 项目名称 column.
  let code = codeAt(i.view, i.row, cu, i.ctx, i.id);
  let codeCol = cu;
  let name = nameText;
  if (!code && cn !== undefined) {
    const inName = codeOf(i.view.getFilled(i.row, cn));
    if (inName && (inName.text.length === 3 || inName.text.length === 6)) {
      code = codeAt(i.view, i.row, cn, i.ctx, i.id);
      codeCol = cn;
      name = unitName;
    }
  }
  if (code && codeCol !== undefined) {
    const isUnitRow = code.text.length === 6 && !type && code.text !== i.state.unit;
    if (code.text.length === 3 || isUnitRow) return orgRow(i, code, codeCol, name);
    if (code.text.length === 6) {
      if (code.text !== i.state.unit) orgState(i, code.text);
      return { kind: 'project', name: nameText, texts };
    }
  }
  if (nameText || type) return { kind: 'project', name: nameText, texts };
  return { kind: 'other', name: nameText ?? unitName, texts };
}

/** A project row that names its unit by code (济源) without a unit row before it. */
function orgState(i: RowInput, unit: string): void {
  if (!i.state.dept || !unit.startsWith(i.state.dept)) i.state.dept = unit.slice(0, 3);
  i.state.unit = unit;
}

function classifyT14(i: RowInput): Classified | undefined {
  const T = TEXT.t14;
  const texts: BodyRow['texts'] = {};
  const cols = i.cols.t14;
  for (let k = 0; k < cols.length; k++) {
    const t = textCell(i.view, i.row, cols[k].col);
    if (t) texts[cols[k].key] = t;
  }
  const f = funcCode(i);
  const name = texts[T.item];
  if (!f && (totalLabel(i) || anyTotalText(texts))) return { kind: 'total', name: name ?? texts[T.unitName], texts };
  const kind: RowKind = f || name || texts[T.catalog] ? 'item' : 'other';
  return { kind, name, func: f, texts };
}

function anyTotalText(texts: BodyRow['texts']): boolean {
  for (const key in texts) if (isTotalText(texts[key].text)) return true;
  return false;
}
