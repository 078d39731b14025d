/**
 * Grid tables (T02, T03, T05, T06, T07, T09, T10, T13, T14): header → columns, then one BodyRow
 * per body row with its kind (tables.md §1.3), codes, amounts and the unit / department it
 * belongs to (the nearest unit / department row above).
 */
import type { BodyRow, GridTable, Note, RowKind, TableId } from '../model';
import { TEXT } from '../model';
import type { Block } from '../recognize';
import { CODE, type RowFamily, type TableSpec } from '../tables/spec';
import { squash } from '../text';
import type { CodeCell, ParseContext } from './context';
import { codeOf } from './context';
import type { Header, Preamble } from './header';
import { readHeader } from './header';
import { amountColumns, amountsOf, codeAt, hasAmount, isNoData, isSkippable, isTotalText, noteOf, textCell } from './body';
import { findCodeColumns } from './code-columns';
import type { SheetView } from './sheet';
import { baseOf } from './table-base';

export interface Known {
  /** Department name of the book (squashed), to tell a department row from a 类 subtotal. */
  deptName?: string;
}

interface State {
  dept?: string;
  unit?: string;
}

interface RowInput {
  view: SheetView;
  row: number;
  header: Header;
  ctx: ParseContext;
  id: TableId;
  known: Known;
  state: State;
  /** First amount column: a 合计 label sits left of it. */
  firstAmount: number;
}

type Classified = Omit<BodyRow, 'row' | 'sheet' | 'amounts' | 'unitCode' | 'deptCode'>;

export function parseGrid(block: Block, spec: TableSpec, ctx: ParseContext, known: Known): GridTable {
  const view = block.view;
  const pre: Preamble = {};
  const header = readHeader(view, block, spec, pre);
  findCodeColumns(view, header, spec, block);
  const rows: BodyRow[] = [];
  const notes: Note[] = [];
  const state: State = {};
  let afterNote = false;
  let last = header.rows[header.rows.length - 1] ?? block.top;
  const amountCols = amountColumns(header);
  const firstAmount = amountCols.length ? amountCols[0][1] : view.right + 1;
  const input: RowInput = { view, row: 0, header, ctx, id: spec.id, known, state, firstAmount };
  const classify = CLASSIFY[spec.family!];
  for (let row = header.bodyStart; row <= block.bottom; row++) {
    if (isSkippable(view, row, block, header)) continue;
    const note = noteOf(view, row, afterNote);
    if (note) {
      notes.push(note);
      afterNote = true;
      last = row;
      continue;
    }
    input.row = row;
    const c = classify(input);
    if (!c) continue;
    const amounts = amountsOf(view, row, header, ctx, spec.id);
    if (c.kind === 'other' && !hasAmount(amounts) && glueFragment(rows, c)) continue;
    if (view.hidden.has(row)) ctx.tally(spec.id, 'hidden-row', view.ref(row, view.left), '');
    if (c.kind === 'other' && hasAmount(amounts)) ctx.tally(spec.id, 'other-row', view.ref(row, view.scan(row).first || view.left), String(row));
    const body: BodyRow = { kind: c.kind, row, sheet: view.name, name: c.name, amounts, texts: c.texts, unitCode: state.unit, deptCode: state.dept };
    if (c.func) body.func = c.func;
    if (c.econ) body.econ = c.econ;
    if (c.code) body.code = c.code;
    rows.push(body);
    last = row;
  }
  const base = baseOf(block, spec.id, pre, header, notes, last);
  return { ...base, kind: 'grid', id: spec.id as GridTable['id'], rows, noDataNote: notes.find(isNoData) };
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

function col(i: RowInput, key: string): number | undefined {
  return i.header.col.get(key);
}

function anyTotal(i: RowInput, keys: string[]): boolean {
  return keys.some((k) => {
    const c = col(i, k);
    return c !== undefined && isTotalText(i.view.getFilled(i.row, c));
  });
}

/** A 合计 label anywhere left of the first amount column (its position varies, tables.md §1.3). */
function totalLabel(i: RowInput): boolean {
  for (const c of i.view.filledCols(i.row)) if (c < i.firstAmount && isTotalText(i.view.get(i.row, c))) return true;
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
    return { kind: 'dept', code: { text: code.text, ref }, name, texts: {} };
  }
  if (code.text.length === 6) {
    if (!i.state.dept || !code.text.startsWith(i.state.dept)) i.state.dept = code.text.slice(0, 3);
    i.state.unit = code.text;
    return { kind: 'unit', code: { text: code.text, ref }, name, texts: {} };
  }
  return undefined;
}

/** Function code from 类/款/项 cells, in three cells or joined in the 类 cell ("2010301"). */
function funcCode(i: RowInput): { lei: string; kuan?: string; xiang?: string; refs: ReturnType<SheetView['ref']>[] } | undefined {
  const [cl, ck, cx] = [col(i, CODE.lei), col(i, CODE.kuan), col(i, CODE.xiang)];
  const L = codeAt(i.view, i.row, cl, i.ctx, i.id, 3);
  if (!L || cl === undefined) return undefined;
  const refs = [i.view.ref(i.row, cl)];
  let lei = L.text;
  let kuan: string | undefined;
  let xiang: string | undefined;
  if (lei.length === 7) [lei, kuan, xiang] = [lei.slice(0, 3), lei.slice(3, 5), lei.slice(5)];
  else if (lei.length === 5) [lei, kuan] = [lei.slice(0, 3), lei.slice(3)];
  else if (lei.length !== 3) return undefined;
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
  return { lei, kuan, xiang, refs };
}

function classifyExpense(i: RowInput): Classified | undefined {
  const name = nameCell(i, CODE.name);
  const cu = col(i, CODE.unitCode);
  const U = codeAt(i.view, i.row, cu, i.ctx, i.id);
  if (U && cu !== undefined) {
    const org = orgRow(i, U, cu, name);
    if (org) return org;
  }
  const f = funcCode(i);
  if (f) {
    if (!f.kuan && (isDeptName(i, name?.text) || !f.lei.startsWith('2'))) {
      const org = orgRow(i, { text: f.lei, lost: false, damaged: false }, col(i, CODE.lei)!, name);
      if (org) return org;
    }
    return { kind: 'func', name, func: { ...f, code: f.lei + (f.kuan ?? '') + (f.xiang ?? '') }, texts: {} };
  }
  // A department/unit code in the 类, 款 or 项 column (it drifts there in some exports).
  for (const key of [CODE.lei, CODE.kuan, CODE.xiang]) {
    const c = col(i, key);
    const code = codeAt(i.view, i.row, c, i.ctx, i.id);
    if (code && c !== undefined && (code.text.length === 6 || (code.text.length === 3 && key !== CODE.lei))) return orgRow(i, code, c, name);
  }
  if (totalLabel(i)) return { kind: 'total', name, texts: {} };
  return { kind: 'other', name, texts: {} };
}

function nameCell(i: RowInput, key: string): BodyRow['name'] {
  return textCell(i.view, i.row, col(i, key));
}

function classifyT02(i: RowInput): Classified | undefined {
  const name = nameCell(i, CODE.name);
  const cu = col(i, CODE.unitCode);
  const U = codeAt(i.view, i.row, cu, i.ctx, i.id);
  if (U && cu !== undefined) {
    const org = orgRow(i, U, cu, name);
    if (org) return org;
  }
  if (totalLabel(i)) return { kind: 'total', name, texts: {} };
  return { kind: 'other', name, texts: {} };
}

function classifyT06(i: RowInput): Classified | undefined {
  const ce = col(i, CODE.econ);
  const cg = col(i, CODE.gov);
  const name = nameCell(i, CODE.econName);
  const E = codeAt(i.view, i.row, ce, i.ctx, i.id);
  if (E && ce !== undefined) {
    const G = codeAt(i.view, i.row, cg, i.ctx, i.id);
    const govName = textCell(i.view, i.row, col(i, CODE.govName));
    const refs = [i.view.ref(i.row, ce)];
    if (E.text.length === 5) {
      const gov = G && G.text.length === 5 ? G.text : undefined;
      if (gov) refs.push(i.view.ref(i.row, cg!));
      return { kind: 'econ', name, econ: { dept: E.text, deptName: name?.text, gov, govName: gov ? govName?.text : undefined, refs }, texts: {} };
    }
    if (E.text.length === 3 && E.text.startsWith('3') && !isDeptName(i, name?.text))
      return { kind: 'econClass', name, econ: { dept: E.text, deptName: name?.text, refs }, texts: {} };
    const org = orgRow(i, E, ce, name);
    if (org) return org;
  }
  if (totalLabel(i) || anyTotal(i, [CODE.govName, CODE.econName])) return { kind: 'total', name, texts: {} };
  return { kind: 'other', name, texts: {} };
}

function classifyT07(i: RowInput): Classified | undefined {
  const [cl, ck, cgl, cgk] = [col(i, CODE.econLei), col(i, CODE.econKuan), col(i, CODE.govLei), col(i, CODE.govKuan)];
  const name = nameCell(i, CODE.econName);
  const L = codeAt(i.view, i.row, cl, i.ctx, i.id, 3);
  if (L && cl !== undefined) {
    const K = codeAt(i.view, i.row, ck, i.ctx, i.id, 2);
    let dept: string | undefined;
    const refs = [i.view.ref(i.row, cl)];
    if (L.text.length === 5) dept = L.text;
    else if (L.text.length === 3 && K?.text.length === 2) {
      dept = L.text + K.text;
      refs.push(i.view.ref(i.row, ck!));
    }
    if (dept) {
      const GL = codeAt(i.view, i.row, cgl, i.ctx, i.id, 3);
      const GK = codeAt(i.view, i.row, cgk, i.ctx, i.id, 2);
      let gov: string | undefined;
      if (GL?.text.length === 5) gov = GL.text;
      else if (GL?.text.length === 3 && GK?.text.length === 2) gov = GL.text + GK.text;
      if (gov) refs.push(i.view.ref(i.row, cgl!));
      if (gov && GK && cgk !== undefined && GL?.text.length === 3) refs.push(i.view.ref(i.row, cgk));
      const govName = textCell(i.view, i.row, col(i, CODE.govName));
      return { kind: 'econ', name, econ: { dept, deptName: name?.text, gov, govName: gov ? govName?.text : undefined, refs }, texts: {} };
    }
    if (L.text.length === 3 && !K && L.text.startsWith('3') && !isDeptName(i, name?.text))
      return { kind: 'econClass', name, econ: { dept: L.text, deptName: name?.text, refs }, texts: {} };
    const org = orgRow(i, L, cl, name);
    if (org) return org;
  }
  if (totalLabel(i) || anyTotal(i, [CODE.govName, CODE.econName])) return { kind: 'total', name, texts: {} };
  return { kind: 'other', name, texts: {} };
}

function classifyT10(i: RowInput): Classified | undefined {
  const T = TEXT.t10;
  const [cu, cn] = [col(i, CODE.unitCode), col(i, T.name)];
  const type = textCell(i.view, i.row, col(i, T.type));
  const nameText = textCell(i.view, i.row, cn);
  const unitName = textCell(i.view, i.row, col(i, T.unit));
  const texts: BodyRow['texts'] = {};
  if (type) texts[T.type] = type;
  if (nameText) texts[T.name] = nameText;
  if (unitName) texts[T.unit] = unitName;
  if (anyTotal(i, [T.name, T.unit, T.type, CODE.unitCode]) || totalLabel(i)) return { kind: 'total', name: nameText, texts };

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
  for (const key of Object.values(T)) {
    const t = textCell(i.view, i.row, col(i, key));
    if (t) texts[key] = t;
  }
  const f = funcCode(i);
  const name = texts[T.item];
  if (!f && (totalLabel(i) || Object.values(texts).some((t) => isTotalText(t.text)))) return { kind: 'total', name: name ?? texts[T.unitName], texts };
  const kind: RowKind = f || name || texts[T.catalog] ? 'item' : 'other';
  return { kind, name, func: f ? { ...f, code: f.lei + (f.kuan ?? '') + (f.xiang ?? '') } : undefined, texts };
}

