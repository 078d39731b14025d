/**
 * Variant generator: rewrites a workbook (its SheetGrid[] snapshot) in the layouts real published
 * workbooks use, keeping a map old cell → new cell so that a defect can be looked for where it
 * moved. The same numbers, laid out differently, must give the same tables, no new error and every
 * defect at its (mapped) cell. Evidence: the published seed documents the team's tables.md is read
 * from (`合 计`, `单位:`, `部门名称:`, `项 目`), 预算管理一体化 exports, hand-edited templates.
 *
 * Layouts (name — what it does):
 *  - code-joined      function codes in one cell (`2080505`) instead of 类 | 款 | 项 (T03 T05 T09 T13 T14),
 *                     economic codes in one cell (`30101`) instead of 类 | 款 (T07); the 款/项 columns are
 *                     removed, their cells map to the joined cell; the header leaf `类` is left blank
 *                     under `科目编码`.
 *  - econ-split       T06 economic codes split into 类 | 款 (`301` | `01`, `505` | `01`): a column is inserted
 *                     after each code column, headed 类 / 款 under the group.
 *  - code-numbers     every code cell (类/款/项, 单位代码, 部门/政府 economic codes) stored as a number: leading
 *                     zeros lost (`060` → 60, `03` → 3).
 *  - joined-numbers   code-joined, then code-numbers (`2080505` as a number).
 *  - indent           names indented: function 款/项 names with full-width spaces, economic names with
 *                     ASCII spaces, sub-lines of T01/T04 (`（一）…`, `其中：…`) with full-width spaces.
 *  - total-spaced     `合计` / `总计` / `小计` written with a space inside (`合　计`, `总 计`).
 *  - zeros-blank      zero amounts as empty cells.
 *  - zeros-dash       zero amounts as `-` text.
 *  - zeros-text       zero amounts as `0.00` text.
 *  - header-spaced    header words with spaces and in-cell line breaks (`项 目`, `金　额`, `科目编\n码`).
 *  - title-dept-year  every title carries the department and the year (`某某局2025年部门收支总体情况表`).
 *  - dept-label       the department line labelled 编制单位 / 单位名称 / 部门 / 填报单位 / 部门名称, with `：` or `:`.
 *  - unit-label       unit lines `金额单位：万元`, `单位:万元`, `（单位：万元）`.
 *  - dept-unit-row    the unit on the department line: in its last column (the unit row removed), or in
 *                     the same cell (`部门名称：某某局　　单位：万元`), table by table in turn.
 *  - yuan             every other table with a unit line in 元 (`单位：元`, amounts × 10000, two decimals).
 *  - separators       a blank column A, a blank row after each title and after each header, a blank column
 *                     between the text columns and the amounts of grid tables.
 *  - notes            notes below every table (`注：1.…`, `2.…`) and a signature line (`单位负责人：…`).
 *  - cover            a cover sheet and a 目录 sheet before the tables.
 *  - stacked          every table in one sheet, two blank rows between them.
 *  - hidden-copy      a hidden, stale copy (amounts × 0.9) of the T03 sheet placed before the visible one.
 *  - mixed            code-joined + code-numbers + indent + total-spaced + zeros-dash + dept-label +
 *                     unit-label + separators + notes + cover (an export edited by hand).
 *  - mixed-stacked    econ-split + code-numbers + total-spaced + zeros-text + yuan + title-dept-year +
 *                     dept-unit-row + notes + cover, then everything (cover and 目录 too) stacked in one sheet
 *                     (a PDF-like export).
 *  - formulas         (ExcelJS level, see formulas.ts) every total cell a SUM formula with its cached value.
 *
 * The parsed original (readBook) is only used to find where things are (titles, code columns, body
 * rows); the variant itself is then checked from scratch.
 */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { a1, parseA1 } from '../../src/core/grid';
import type { BudgetBook, GridTable, ParsedTable, TableId } from '../../src/core/model';
import { TABLE_IDS } from '../../src/core/model';
import { CODE } from '../../src/core/tables/spec';
import { squash } from '../../src/core/text';
import type { CellRef } from '../../src/core/grid';
import { Locator, type Sheet, cellMap, deleteCol, deleteRow, get, insertCols, insertRows, pack, set, unpack } from './sheets';

export interface Variant {
  grids: SheetGrid[];
  /** Old cell → new cell (identity for cells the layout did not move). */
  map: (ref: CellRef) => CellRef;
}

type Step = (sheets: Sheet[], book: BudgetBook) => Sheet[];

export interface Layout {
  name: string;
  steps: Step[];
}

export function applyLayout(grids: SheetGrid[], book: BudgetBook, layout: Layout): Variant {
  let sheets = grids.map(unpack);
  for (const step of layout.steps) sheets = step(sheets, book);
  const map = cellMap(sheets);
  return { grids: sheets.map(pack), map: (ref) => map.get(`${ref.sheet}!${ref.cell.replace(/\$/g, '').toUpperCase()}`) ?? ref };
}

// ---------------------------------------------------------------- helpers

const tables = (book: BudgetBook): ParsedTable[] => TABLE_IDS.map((id) => book.tables[id]).filter((t): t is ParsedTable => !!t);
const gridTables = (book: BudgetBook): GridTable[] => tables(book).filter((t): t is GridTable => t.kind === 'grid');

/** The current column of original column `col` of a table's sheet. */
function colNow(loc: Locator, t: ParsedTable, col: number): number | undefined {
  return loc.find({ sheet: t.sheet, cell: a1(rowsOf(t)[0] ?? 1, col) })?.col;
}

/** Body rows of a grid table (original row numbers). */
function rowsOf(t: ParsedTable): number[] {
  return t.kind === 'grid' ? t.rows.map((r) => r.row) : [];
}

function colOf(t: ParsedTable, key: string): number | undefined {
  return t.columns.find((c) => c.key === key)?.col;
}

function digits(v: CellValue): string | undefined {
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return v.trim();
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return undefined;
}

/** Header rows of a table: from its title to its first body row. */
function headerRows(t: ParsedTable): number[] {
  const top = parseA1(t.titleRef.cell).row;
  const first = rowsOf(t)[0] ?? top;
  const out: number[] = [];
  for (let r = top + 1; r < first; r++) out.push(r);
  return out;
}

function sheetOf(sheets: Sheet[], t: ParsedTable): Sheet | undefined {
  return sheets.find((s) => s.name === t.sheet);
}

// ---------------------------------------------------------------- code layouts

/** Joins code cells of body rows into the first column and removes the others. */
function joinColumns(sheets: Sheet[], t: GridTable, keys: string[][]): void {
  const s = sheetOf(sheets, t);
  if (!s) return;
  const loc = new Locator(sheets);
  const groups = keys
    .map((g) => g.map((k) => colOf(t, k)))
    .filter((g): g is number[] => g.every((c) => c !== undefined))
    .map((g) => g.map((c) => colNow(loc, t, c)!));
  if (groups.length === 0) return;
  for (const r of t.rows) {
    const row = loc.find({ sheet: t.sheet, cell: a1(r.row, 1) })!.row;
    for (const [first, ...rest] of groups) {
      const head = digits(get(s, row, first));
      if (!head || rest.length === 0) continue;
      const parts = rest.map((c) => digits(get(s, row, c)));
      // A 类 or 款 subtotal keeps what it has: 208 | 05 | (blank) → 20805.
      let code = head;
      for (const p of parts) {
        if (!p) break;
        code += p.padStart(2, '0');
      }
      set(s, row, first, code);
      for (const c of rest) set(s, row, c, null);
    }
  }
  for (const [first] of groups) for (const hr of headerRows(t)) {
    const row = loc.find({ sheet: t.sheet, cell: a1(hr, 1) })?.row;
    if (row && typeof get(s, row, first) === 'string' && squash(String(get(s, row, first))) === '类') set(s, row, first, null);
  }
  const drop = groups.flatMap(([first, ...rest]) => rest.map((c) => [c, first] as const)).sort((a, b) => b[0] - a[0]);
  for (const [c, into] of drop) deleteCol(s, c, into);
}

const codeJoined: Step = (sheets, book) => {
  for (const t of gridTables(book)) {
    if (['T03', 'T05', 'T09', 'T13', 'T14'].includes(t.id)) joinColumns(sheets, t, [[CODE.lei, CODE.kuan, CODE.xiang]]);
    if (t.id === 'T07') joinColumns(sheets, t, [[CODE.econLei, CODE.econKuan], [CODE.govLei, CODE.govKuan]]);
  }
  return sheets;
};

/** T06: 30101 → 301 | 01 in a new column after each code column. */
const econSplit: Step = (sheets, book) => {
  const t = book.tables.T06;
  if (!t || t.kind !== 'grid') return sheets;
  const s = sheetOf(sheets, t);
  if (!s) return sheets;
  const loc = new Locator(sheets);
  const cols = [colOf(t, CODE.gov), colOf(t, CODE.econ)].filter((c): c is number => c !== undefined).map((c) => colNow(loc, t, c)!);
  cols.sort((a, b) => b - a);
  const bodyRows = t.rows.map((r) => loc.find({ sheet: t.sheet, cell: a1(r.row, 1) })!.row);
  const heads = headerRows(t).map((r) => loc.find({ sheet: t.sheet, cell: a1(r, 1) })!.row);
  for (const c of cols) {
    insertCols(s, c + 1);
    for (const row of bodyRows) {
      const d = digits(get(s, row, c));
      if (d && d.length === 5) {
        set(s, row, c, d.slice(0, 3));
        set(s, row, c + 1, d.slice(3));
      }
    }
    const leaf = heads[heads.length - 1];
    if (leaf) {
      set(s, leaf, c, '类');
      set(s, leaf, c + 1, '款');
    }
  }
  return sheets;
};

const CODE_KEYS: string[] = [CODE.lei, CODE.kuan, CODE.xiang, CODE.unitCode, CODE.econ, CODE.gov, CODE.econLei, CODE.econKuan, CODE.govLei, CODE.govKuan];

/** Every code cell of grid tables stored as a number. */
const codeNumbers: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  for (const t of gridTables(book)) {
    const s = sheetOf(sheets, t);
    if (!s) continue;
    const cols = t.columns.filter((c) => CODE_KEYS.includes(c.key)).map((c) => c.col);
    for (const r of t.rows)
      for (const c of cols) {
        const p = loc.find({ sheet: t.sheet, cell: a1(r.row, c) });
        if (!p) continue;
        const v = get(p.sheet, p.row, p.col);
        if (typeof v === 'string' && /^\d{1,15}$/.test(v.trim())) set(p.sheet, p.row, p.col, Number(v), 'General');
      }
  }
  return sheets;
};

// ---------------------------------------------------------------- text layouts

function edit(sheets: Sheet[], ref: CellRef | undefined, f: (v: CellValue) => CellValue, loc = new Locator(sheets)): void {
  const p = loc.find(ref);
  if (p) set(p.sheet, p.row, p.col, f(get(p.sheet, p.row, p.col)));
}

const indent: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  for (const t of tables(book)) {
    if (t.kind === 'grid')
      for (const r of t.rows) {
        if (!r.name) continue;
        const pad = r.kind === 'func' ? (r.func?.xiang ? '　　　　' : r.func?.kuan ? '　　' : '') : r.kind === 'econ' ? '    ' : '';
        if (pad) edit(sheets, r.name.ref, (v) => (typeof v === 'string' ? pad + v : v), loc);
      }
    if (t.kind === 'lines')
      for (const l of [...t.income, ...t.expense])
        if (/^[（(]|^其中/.test(l.label.text.trim())) edit(sheets, l.label.ref, (v) => (typeof v === 'string' ? '　　' + v : v), loc);
  }
  return sheets;
};

const totalSpaced: Step = (sheets) => {
  let k = 0;
  for (const s of sheets)
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string') return;
        const t = squash(v);
        if (t === '合计' || t === '总计' || t === '小计') set(s, r + 1, c + 1, t[0] + (k++ % 2 ? '　' : ' ') + t[1]);
      }),
    );
  return sheets;
};

function zeros(to: CellValue): Step {
  return (sheets, book) => {
    const loc = new Locator(sheets);
    for (const ref of amountRefs(book)) {
      const p = loc.find(ref);
      if (p && get(p.sheet, p.row, p.col) === 0) set(p.sheet, p.row, p.col, to);
    }
    return sheets;
  };
}

/** Every amount cell the parser read (grid rows, T01/T04 lines, T08). */
function amountRefs(book: BudgetBook, only?: (t: ParsedTable) => boolean): CellRef[] {
  const out: CellRef[] = [];
  for (const t of tables(book)) {
    if (only && !only(t)) continue;
    if (t.kind === 'grid') for (const r of t.rows) for (const a of Object.values(r.amounts)) out.push(a.ref);
    if (t.kind === 'lines')
      for (const l of [...t.income, ...t.expense]) {
        if (l.amount) out.push(l.amount.ref);
        for (const a of Object.values(l.amounts ?? {})) out.push(a.ref);
      }
    if (t.kind === 't08') for (const a of Object.values(t.amounts)) out.push(a.ref);
  }
  return out;
}

/** Header words spelled with spaces and in-cell line breaks (`项 目`, `金　额`, `科目编\n码`; seed 004). */
const headerSpaced: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  let k = 0;
  for (const t of tables(book)) {
    if (t.kind !== 'grid' && t.kind !== 'lines') continue;
    for (const hr of headerRows(t)) {
      const p = loc.find({ sheet: t.sheet, cell: a1(hr, 1) });
      if (!p) continue;
      const row = p.sheet.values[p.row - 1];
      row.forEach((v, c) => {
        if (typeof v !== 'string' || /[:：]/.test(v) || v.length < 2 || v.length > 12) return;
        const chars = [...v.trim()];
        const mid = Math.ceil(chars.length / 2);
        const sep = ['\u3000', ' ', '\n'][k++ % 3];
        set(p.sheet, p.row, c + 1, chars.length <= 3 ? chars.join(sep) : chars.slice(0, mid).join('') + sep + chars.slice(mid).join(''));
      });
    }
  }
  return sheets;
};

const titleDeptYear: Step = (sheets, book) => {
  const dept = book.deptName ?? '';
  const loc = new Locator(sheets);
  for (const t of tables(book))
    edit(sheets, t.titleRef, (v) => {
      if (typeof v !== 'string') return v;
      const hasYear = /\d{4}\s*年/.test(v);
      return `${dept}${hasYear || !book.year ? '' : `${book.year}年`}${v.trim()}`;
    }, loc);
  return sheets;
};

const DEPT_LABELS = ['编制单位：', '单位名称:', '部门：', '填报单位:', '部门名称:', '编制单位:'];

const deptLabel: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  let k = 0;
  for (const t of tables(book)) {
    if (!t.deptName) continue;
    edit(sheets, t.deptName.ref, (v) => {
      if (typeof v !== 'string' || !/^\s*部门名称\s*[:：]/.test(v)) return v;
      return v.replace(/^\s*部门名称\s*[:：]\s*/, DEPT_LABELS[k++ % DEPT_LABELS.length]);
    }, loc);
  }
  return sheets;
};

const UNIT_LABELS = ['金额单位：万元', '单位:万元', '（单位：万元）', '单位：万元'];

const unitLabel: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  let k = 0;
  for (const t of tables(book)) edit(sheets, t.unitRef, (v) => (typeof v === 'string' && /^\s*单位\s*[:：]\s*万元\s*$/.test(v) ? UNIT_LABELS[k++ % UNIT_LABELS.length] : v), loc);
  return sheets;
};

/** Every other table with a unit line in 元. */
const yuan: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  const chosen = new Set<TableId>(tables(book).filter((t) => t.unitRef && t.kind !== 't11' && t.kind !== 't12').filter((_, i) => i % 2 === 1).map((t) => t.id));
  for (const ref of amountRefs(book, (t) => chosen.has(t.id))) {
    const p = loc.find(ref);
    if (!p) continue;
    const v = get(p.sheet, p.row, p.col);
    if (typeof v === 'number') set(p.sheet, p.row, p.col, Math.round(v * 10000 * 100) / 100, '#,##0.00');
    else if (typeof v === 'string' && /^-?[\d,]+(\.\d+)?$/.test(v.trim())) set(p.sheet, p.row, p.col, (Number(v.replace(/,/g, '')) * 10000).toFixed(2));
  }
  let k = 0;
  for (const id of chosen) edit(sheets, book.tables[id]!.unitRef, () => (k++ % 2 ? '单位:元' : '单位：元'), loc);
  return sheets;
};

// ---------------------------------------------------------------- structure layouts

/**
 * The unit on the department line: `部门名称：…` in A and `单位：万元` in the last column of the same
 * row (the unit row removed), or both in one cell (`部门名称：…　　单位：万元`), table by table in turn.
 */
const deptUnitRow: Step = (sheets, book) => {
  let k = 0;
  for (const t of tables(book)) {
    if (!t.deptName || !t.unitRef || t.deptName.ref.sheet !== t.unitRef.sheet) continue;
    const loc = new Locator(sheets);
    const d = loc.find(t.deptName.ref);
    const u = loc.find(t.unitRef);
    if (!d || !u || u.row !== d.row + 1 || d.sheet !== u.sheet) continue;
    const s = d.sheet;
    const unit = get(s, u.row, u.col);
    const others = (s.values[u.row - 1] ?? []).filter((v) => v !== null && v !== '').length;
    if (others !== 1) continue;
    const tags = s.tags[u.row - 1][u.col - 1];
    set(s, u.row, u.col, null);
    if (k++ % 2 === 0) {
      set(s, d.row, u.col, unit);
      s.tags[d.row - 1][u.col - 1] = tags;
      s.tags[u.row - 1][u.col - 1] = null;
    } else {
      set(s, d.row, d.col, `${String(get(s, d.row, d.col))}　　　　${String(unit)}`);
      s.tags[u.row - 1][u.col - 1] = null;
      (s.tags[d.row - 1][d.col - 1] ??= []).push(...(tags ?? []));
    }
    deleteRow(s, u.row, d.row);
  }
  return sheets;
};

const separators: Step = (sheets, book) => {
  const loc = new Locator(sheets);
  // Positions first (original rows), then edits bottom-up / right-to-left.
  const plans = new Map<Sheet, { rows: number[]; col?: number }>();
  for (const t of tables(book)) {
    const p = loc.find(t.titleRef);
    if (!p) continue;
    const plan = plans.get(p.sheet) ?? { rows: [] };
    plans.set(p.sheet, plan);
    plan.rows.push(p.row + 1);
    if (t.kind === 'grid' && t.rows.length) {
      const first = loc.find({ sheet: t.sheet, cell: a1(t.rows[0].row, 1) });
      if (first) plan.rows.push(first.row);
      // The first amount column of the table (a blank column goes just before it).
      let firstAmount = Infinity;
      for (const r of t.rows) for (const a of Object.values(r.amounts)) firstAmount = Math.min(firstAmount, parseA1(a.ref.cell).col);
      const textCols = t.columns.filter((c) => c.col < firstAmount).length;
      if (Number.isFinite(firstAmount) && textCols > 0) plan.col ??= loc.find({ sheet: t.sheet, cell: a1(t.rows[0].row, firstAmount) })?.col;
    }
  }
  for (const [s, plan] of plans) {
    for (const r of [...new Set(plan.rows)].sort((a, b) => b - a)) insertRows(s, r);
    if (plan.col) insertCols(s, plan.col);
    insertCols(s, 1);
  }
  return sheets;
};

const notes: Step = (sheets) => {
  for (const s of sheets) {
    if (s.values.length === 0) continue;
    const r = s.values.length + 1;
    set(s, r + 1, 1, '注：1.本表金额单位转换时可能存在四舍五入尾数误差。');
    set(s, r + 2, 1, '2.本表数据来源于预算管理一体化系统，按规定格式公开。');
    set(s, r + 3, 1, '单位负责人：');
    set(s, r + 3, 3, '制表人：');
  }
  return sheets;
};

const cover: Step = (sheets, book) => {
  const dept = book.deptName ?? '某部门';
  const year = book.year ?? 2025;
  const front = unpack({ name: '封面', origin: 'A1', values: [[`${dept}`], [`${year}年部门预算公开`], [], [`${year}年2月`]] });
  const ORD = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
  const toc = unpack({ name: '目录', origin: 'A1', values: [['目录'], ...tables(book).map((t, i) => [`${ORD[i] ?? i + 1}、${t.title.replace(/^\s*\d{4}\s*年度?/, '')}`, `第${i + 1}页`])] });
  for (const s of [front, toc]) for (const row of s.tags) row.fill(null);
  return [front, toc, ...sheets];
};

const stacked: Step = (sheets) => {
  const out: Sheet = { name: '部门预算公开表', values: [], formats: [], tags: [], merges: [], hidden: new Set(), state: 'visible' };
  for (const s of sheets) {
    if (s.state !== 'visible' || s.values.length === 0) continue;
    const offset = out.values.length ? out.values.length + 2 : 0;
    while (out.values.length < offset) {
      out.values.push([]);
      out.formats.push([]);
      out.tags.push([]);
    }
    for (let r = 0; r < s.values.length; r++) {
      out.values.push(s.values[r]);
      out.formats.push(s.formats[r]);
      out.tags.push(s.tags[r]);
    }
    for (const m of s.merges) out.merges.push({ top: m.top + offset, bottom: m.bottom + offset, left: m.left, right: m.right });
    for (const h of s.hidden) out.hidden.add(h + offset);
  }
  return [out, ...sheets.filter((s) => s.state !== 'visible')];
};

const hiddenCopy: Step = (sheets, book) => {
  const t = book.tables.T03;
  const i = t ? sheets.findIndex((s) => s.name === t.sheet) : -1;
  if (!t || i < 0) return sheets;
  const s = sheets[i];
  const copy: Sheet = {
    name: `${s.name.slice(0, 24)}(旧)`,
    values: s.values.map((r) => r.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 9) / 10 : v))),
    formats: s.formats.map((r) => [...r]),
    tags: s.tags.map((r) => r.map(() => null)),
    merges: s.merges.map((m) => ({ ...m })),
    hidden: new Set(s.hidden),
    state: 'hidden',
  };
  return [...sheets.slice(0, i), copy, ...sheets.slice(i)];
};

export const LAYOUTS: Layout[] = [
  { name: 'code-joined', steps: [codeJoined] },
  { name: 'econ-split', steps: [econSplit] },
  { name: 'code-numbers', steps: [codeNumbers] },
  { name: 'joined-numbers', steps: [codeJoined, codeNumbers] },
  { name: 'indent', steps: [indent] },
  { name: 'total-spaced', steps: [totalSpaced] },
  { name: 'zeros-blank', steps: [zeros(null)] },
  { name: 'zeros-dash', steps: [zeros('-')] },
  { name: 'zeros-text', steps: [zeros('0.00')] },
  { name: 'header-spaced', steps: [headerSpaced] },
  { name: 'title-dept-year', steps: [titleDeptYear] },
  { name: 'dept-label', steps: [deptLabel] },
  { name: 'unit-label', steps: [unitLabel] },
  { name: 'yuan', steps: [yuan] },
  { name: 'dept-unit-row', steps: [deptUnitRow] },
  { name: 'separators', steps: [separators] },
  { name: 'notes', steps: [notes] },
  { name: 'cover', steps: [cover] },
  { name: 'stacked', steps: [stacked] },
  { name: 'hidden-copy', steps: [hiddenCopy] },
  { name: 'mixed', steps: [codeJoined, codeNumbers, indent, totalSpaced, zeros('-'), deptLabel, unitLabel, separators, notes, cover] },
  { name: 'mixed-stacked', steps: [econSplit, codeNumbers, totalSpaced, zeros('0.00'), yuan, titleDeptYear, deptUnitRow, notes, cover, stacked] },
];

