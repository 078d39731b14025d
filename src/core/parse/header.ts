/**
 * Preamble and header of a table block (tables.md §1.1, §4): the 部门名称 / 单位 / year rows under
 * the title, then 1–4 header rows flattened into top-down paths (merged areas filled; without merge
 * information a group cell is carried right inside its parent), and the paths matched to canonical
 * column keys leaf first, parent to disambiguate.
 */
import type { ColumnInfo, TextCell } from '../model';
import type { ColumnRule, TableSpec } from '../tables/spec';
import { cellText, findYear, normHeader, splitOrdinal, squash } from '../text';
import type { Block } from '../recognize';
import type { SheetView } from './sheet';

export interface Preamble {
  deptName?: TextCell;
  unit?: string;
  unitRef?: { sheet: string; cell: string };
  year?: number;
}

export interface Header {
  /** Header rows (absolute); empty when no header was found. */
  rows: number[];
  /** First row after the header (or after the preamble when there is no header). */
  bodyStart: number;
  columns: ColumnInfo[];
  /** Canonical key → absolute column. */
  col: Map<string, number>;
  kind: Map<string, ColumnRule['kind']>;
  /** Squashed texts of each header row, to recognise a repeated header after a page break. */
  signatures: Set<string>;
  /** First filled cell text of each header row (a cheap pre-check before the full signature). */
  firstCells: Set<string>;
  vocab: Set<string>;
}

/** 部门名称 / 单位名称 / 编制单位 / 填报单位 / 部门 …, then a colon and the name (tables.md §1.1; exports vary the label). */
const DEPT_RE = /^(?:(?:部门|单位|部门\(单位\)|预算单位|编制单位|填报单位)名称|编制单位|填报单位|预算单位|部门)[:：](.+)$/;
const UNIT_RE = /^(金额)?单位[:：]\s*(万元|元|千元|亿元|百万元)$/;
const YEAR_ROW_RE = /^\(?\d{4}年度?\)?$/;
const DATE_RE = /^\d{4}年\d{1,2}月(\d{1,2}日)?$/;
/** "部门名称 某某局" (a space instead of the colon) reads like "部门名称：某某局". */
const NAME_SPACE = /^(\s*(?:部门|单位|预算单位|编制单位)名称)[\s\u3000]+(?=\S)/;
const PARENS = /^\((.*)\)$/;
const UNIT_TAIL = /单位[:：](万元|元|千元|亿元|百万元)$/;
/** A unit line with a unit we do not know (单位：美元): the table is left out of the amount rules. */
const UNIT_OTHER = /^(?:金额)?单位[:：](?![^:：]*(?:局|办|委|院|厅|中心|所|站|队|会|处|室|部|司|校|馆)$)([^\d:：]{1,5})$/;
const NUMBERISH = /^[\d.,%-]+$/;
const PAREN_DIGIT = /^\(\d\)/;
const NOTE_LABEL = /^(注|备注|说明)[:：]/;

/** The preamble cells of one row: 部门名称, 单位, year. */
export function preambleOf(view: SheetView, row: number, into: Preamble): boolean {
  let any = false;
  for (const col of view.filledCols(row)) {
    const raw = view.text(row, col).replace(NAME_SPACE, '$1：');
    const t = squash(raw);
    const dept = DEPT_RE.exec(t);
    if (dept) {
      let name = raw.replace(/^[^:：]*[:：]\s*/, '').trim();
      // "部门名称：某某局    单位：万元" in one cell
      const inline = /\s*(金额)?单位\s*[:：]\s*(万元|元|千元|亿元|百万元)\s*$/.exec(name);
      if (inline) {
        name = name.slice(0, inline.index).trim();
        if (!into.unit) {
          into.unit = inline[2];
          into.unitRef = view.ref(row, col);
        }
      }
      if (name && !into.deptName) into.deptName = { text: name, ref: view.ref(row, col) };
      any = true;
      continue;
    }
    const bare = t.replace(PARENS, '$1'); // "（单位：万元）"
    const unit = UNIT_RE.exec(bare) ?? UNIT_TAIL.exec(bare) ?? UNIT_OTHER.exec(bare);
    if (unit) {
      if (!into.unit) {
        into.unit = unit[unit.length - 1];
        into.unitRef = view.ref(row, col);
      }
      any = true;
      continue;
    }
    if (YEAR_ROW_RE.test(t)) {
      into.year ??= findYear(t);
      any = true;
      continue;
    }
    if (DATE_RE.test(t)) {
      any = true;
      continue;
    }
  }
  return any;
}

/** Is every filled cell of the row a preamble cell (部门名称, 单位, year, date)? */
const PREAMBLE_START = /^[\s\u3000]*[部单预编填金(（\d０-９]/;

export function isPreambleRow(view: SheetView, row: number): boolean {
  const cols = view.filledCols(row);
  if (cols.length === 0 || cols.length > 4 || view.hasNumber(row)) return false;
  if (!PREAMBLE_START.test(view.text(row, cols[0]))) return false;
  return cols.every((c) => {
    const t = squash(view.text(row, c).replace(NAME_SPACE, '$1：'));
    const bare = t.replace(PARENS, '$1');
    return DEPT_RE.test(t) || UNIT_RE.test(bare) || UNIT_TAIL.test(bare) || UNIT_OTHER.test(bare) || YEAR_ROW_RE.test(t) || DATE_RE.test(t);
  });
}

export function vocabulary(spec: TableSpec): Set<string> {
  const words = new Set<string>();
  for (const r of spec.columns) {
    r.leaf.forEach((w) => words.add(w));
    (r.under ?? []).forEach((w) => words.add(w));
  }
  spec.groups.forEach((w) => words.add(w));
  spec.signature.forEach((w) => words.add(normHeader(w)));
  return words;
}

function vocabHits(view: SheetView, row: number, vocab: Set<string>): number {
  let hits = 0;
  for (const col of view.filledCols(row)) {
    const t = normHeader(view.text(row, col));
    if (!t) continue;
    if (vocab.has(t)) hits++;
    else for (const w of vocab) if (w.length >= 4 && t.includes(w)) { hits++; break; }
  }
  return hits;
}

/** A row that cannot be a header row: numbers, digit codes, ordinal labels, notes, a lone 合计. */
export function isBodyish(view: SheetView, row: number): boolean {
  const cols = view.filledCols(row);
  let onlyTotal = cols.length > 0;
  for (const col of cols) {
    const v = view.get(row, col);
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'object' && v !== null)) return true;
    const t = squash(cellText(v));
    if (NUMBERISH.test(t)) return true;
    if (splitOrdinal(t) && !PAREN_DIGIT.test(t)) return true;
    if (NOTE_LABEL.test(t) || t.includes('无数据')) return true;
    if (t !== '合计' && t !== '总计') onlyTotal = false;
  }
  return onlyTotal;
}

/** Finds preamble and header of a block. */
export function readHeader(view: SheetView, block: Block, spec: TableSpec, pre: Preamble): Header {
  const vocab = vocabulary(spec);
  const start = block.titleRow !== undefined ? block.titleRow + 1 : block.top;
  const limit = Math.min(block.bottom, start + 12);
  let first = -1;
  let row = start;
  for (; row <= limit; row++) {
    if (view.isEmptyRow(row)) continue;
    if (preambleOf(view, row, pre) && isPreambleRow(view, row)) continue;
    if (!isBodyish(view, row) && vocabHits(view, row, vocab) >= Math.min(2, spec.confirm)) {
      first = row;
      break;
    }
    break; // neither preamble nor header: the body starts here
  }
  const header: Header = { rows: [], bodyStart: row, columns: [], col: new Map(), kind: new Map(), signatures: new Set(), firstCells: new Set(), vocab };
  if (first < 0) return header;

  const rows = [first];
  for (let r = first + 1; r <= Math.min(block.bottom, first + 3); r++) {
    if (view.isEmptyRow(r)) {
      if (coveredFromAbove(view, r, rows)) {
        rows.push(r);
        continue;
      }
      break;
    }
    if (isBodyish(view, r) || vocabHits(view, r, vocab) === 0) break;
    rows.push(r);
  }
  header.rows = rows;
  header.bodyStart = rows[rows.length - 1] + 1;
  for (const r of rows) {
    header.signatures.add(rowSignature(view, r));
    const c = view.filledCols(r)[0];
    if (c !== undefined) header.firstCells.add(view.text(r, c));
  }
  mapColumns(view, spec, header);
  return header;
}

function coveredFromAbove(view: SheetView, row: number, headerRows: number[]): boolean {
  const top = headerRows[0];
  return view.merges.some((m) => m.top >= top && m.top < row && m.bottom >= row);
}

/** Squashed texts of a row joined: equal signatures = the same header row repeated. */
export function rowSignature(view: SheetView, row: number): string {
  return view
    .filledCols(row)
    .map((c) => normHeader(view.text(row, c)))
    .join('|');
}

function mapColumns(view: SheetView, spec: TableSpec, header: Header): void {
  const noMerges = view.merges.length === 0;
  const paths = new Map<number, string[]>();
  for (let col = view.left; col <= view.right; col++) paths.set(col, []);
  header.rows.forEach((row, level) => {
    let carry = '';
    let carryParent = '';
    for (let col = view.left; col <= view.right; col++) {
      const path = paths.get(col)!;
      let t = normHeader(cellText(view.getFilled(row, col)));
      const parent = path.join('/');
      // Without merge information, a group cell spans to the right inside its parent's span.
      if (!t && noMerges && carry && level < header.rows.length - 1 && parent === carryParent) t = carry;
      if (t) {
        carry = t;
        carryParent = parent;
        if (path[path.length - 1] !== t) path.push(t);
      } else carry = '';
    }
  });
  for (const [col, path] of paths) {
    if (path.length === 0) continue;
    const rule = spec.columns.find((r) => !header.col.has(r.key) && matches(r, path));
    header.columns.push({ key: rule?.key ?? '', path, col });
    if (rule) {
      header.col.set(rule.key, col);
      header.kind.set(rule.key, rule.kind);
    }
  }
}

/** Leaf first, ancestors to disambiguate. */
export function matches(rule: ColumnRule, path: string[]): boolean {
  const leaf = path[path.length - 1];
  const ok = rule.contains ? rule.leaf.some((w) => leaf.includes(w)) : rule.leaf.includes(leaf);
  if (!ok) return false;
  if (rule.top && path.length !== 1) return false;
  const parents = path.slice(0, -1);
  if (rule.under && !rule.under.every((u) => parents.some((p) => p.includes(u)))) return false;
  if (rule.notUnder && rule.notUnder.some((u) => parents.some((p) => p.includes(u)))) return false;
  return true;
}
