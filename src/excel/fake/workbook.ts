/**
 * The in-memory workbook behind the fake Excel host: sheets, cells (value, number format, fill),
 * merges, visibility, the active sheet and the selection. Tests and the browser preview read it
 * directly; the add-in code only ever reaches it through the fake Office.js objects in context.ts.
 */
import type { FillProps } from '../fill';
import { NO_FILL } from '../fill';
import type { FakeValue } from './display';
import { displayText } from './display';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeCell {
  value: FakeValue;
  numFmt: string;
  fill: FillProps;
  bold?: boolean;
  wrap?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Error shaped like OfficeExtension.Error (code + message) so adapter error handling is exercised. */
export class FakeOfficeError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

let nextId = 1;

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: Visibility = 'Visible';
  /** Sheet protection on: cell values and formats cannot be changed (AccessDenied). */
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: string[] = [];
  hiddenRows = new Set<number>();
  colWidths = new Map<number, number>();

  constructor(name: string) {
    this.id = `{FAKE-${String(nextId++).padStart(4, '0')}}`;
    this.name = name;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created with defaults when absent (for writes). */
  ensure(row: number, col: number): FakeCell {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, numFmt: 'General', fill: { ...NO_FILL } };
      this.cells.set(k, c);
    }
    return c;
  }

  value(row: number, col: number): FakeValue {
    return this.cell(row, col)?.value ?? null;
  }

  fill(row: number, col: number): FillProps {
    return { ...(this.cell(row, col)?.fill ?? NO_FILL) };
  }

  text(row: number, col: number): string {
    const c = this.cell(row, col);
    return c ? displayText(c.value, c.numFmt) : '';
  }

  /**
   * Excel's used range: with valuesOnly, cells holding a value; otherwise also cells carrying
   * formatting (a fill, a number format). Null when nothing qualifies.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k, c] of this.cells) {
      const used = c.value !== null || (!valuesOnly && (c.fill.pattern !== 'None' || c.numFmt !== 'General' || c.bold));
      if (!used) continue;
      const [r, col] = k.split(':').map(Number);
      top = Math.min(top, r); left = Math.min(left, col); bottom = Math.max(bottom, r); right = Math.max(right, col);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}

export type ChangeListener = () => void;

/** A custom XML part stored in the workbook (kept by save and reopen). */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

let nextPartId = 1;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted, renamed, hidden or shown (AccessDenied). */
  structureProtected = false;
  customXmlParts: FakeXmlPart[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; address: string } | null = null;
  private listeners = new Set<ChangeListener>();

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Excel sheet names are case-insensitive. */
  sheetByName(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /**
   * Structure changes on a protected workbook fail. The code is modelled as AccessDenied (the
   * documented code for protection); Excel's exact code here is not documented.
   */
  checkStructure(): void {
    if (this.structureProtected) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation. (workbook structure is protected)');
  }

  addSheet(name?: string): FakeSheet {
    this.checkStructure();
    const n = name ?? this.freeName();
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${n}")`);
    }
    if (this.sheetByName(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${n})`);
    const s = new FakeSheet(n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /**
   * "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
   * InvalidOperation exception" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1));
   * Excel for Mac answered GeneralException in 2019 (https://github.com/OfficeDev/office-js/issues/365).
   */
  deleteSheet(id: string): void {
    const s = this.sheetById(id);
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    this.checkStructure();
    if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object. (very hidden worksheet)');
    const visibleLeft = this.sheets.filter((x) => x !== s && x.visibility === 'Visible');
    if (visibleLeft.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === id) this.activeSheetId = visibleLeft[0].id;
    if (this.selection?.sheetId === id) this.selection = null;
  }

  setVisibility(id: string, v: Visibility): void {
    const s = this.sheetById(id);
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    if (s.visibility === v) return;
    this.checkStructure();
    if (v !== 'Visible') {
      const visibleLeft = this.sheets.filter((x) => x !== s && x.visibility === 'Visible');
      if (visibleLeft.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      if (this.activeSheetId === id) this.activeSheetId = visibleLeft[0].id;
    }
    s.visibility = v;
  }

  activate(id: string): void {
    const s = this.sheetById(id);
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted on a hidden worksheet.');
    this.activeSheetId = id;
  }

  addXmlPart(xml: string): FakeXmlPart {
    const part = { id: `{FAKE-PART-${String(nextPartId++).padStart(4, '0')}}`, namespaceUri: xmlNamespace(xml), xml };
    this.customXmlParts.push(part);
    return part;
  }

  setXmlPart(id: string, xml: string): void {
    const part = this.customXmlParts.find((p) => p.id === id);
    if (!part) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    part.namespaceUri = xmlNamespace(xml);
    part.xml = xml;
  }

  deleteXmlPart(id: string): void {
    const before = this.customXmlParts.length;
    this.customXmlParts = this.customXmlParts.filter((p) => p.id !== id);
    if (this.customXmlParts.length === before) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
  }

  subscribe(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Tell viewers (the preview) that something changed. */
  emit(): void {
    for (const fn of [...this.listeners]) fn();
  }

  private freeName(): string {
    for (let i = 1; ; i++) if (!this.sheetByName(`Sheet${i}`)) return `Sheet${i}`;
  }
}

/** The root element's default namespace; XML without a root element is refused. */
export function xmlNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, '');
  const m = /^<([A-Za-z_][\w.-]*(?::[\w.-]+)?)(\s[^>]*)?\/?>/.exec(body);
  if (!m) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (XML)');
  const ns = /\sxmlns="([^"]*)"/.exec(m[2] ?? '');
  return ns ? ns[1] : '';
}

function key(row: number, col: number): string {
  return `${row}:${col}`;
}

export function cellKey(row: number, col: number): string {
  return key(row, col);
}
