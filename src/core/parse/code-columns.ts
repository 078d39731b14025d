/**
 * Code columns found by the pattern of the body cells (tables.md §4.4): extracted or hand-made
 * headers put 类/款/项 or the economic code columns in the wrong place, the digits never lie.
 * When the body shows the pattern more often at other columns than the header says, the body wins.
 */
import type { Block } from '../recognize';
import { CODE, type RowFamily, type TableSpec } from '../tables/spec';
import { codeOf } from './context';
import type { Header } from './header';
import { matches } from './header';
import type { SheetView } from './sheet';

/** How many body rows are sampled. */
const SAMPLE = 300;

type Test = (view: SheetView, row: number, col: number) => boolean;

const digits = (view: SheetView, row: number, col: number, re: RegExp): boolean => {
  // Width 0: a number keeps its digits (the patterns begin with 2, 3 or 5, never with a lost zero).
  const c = codeOf(view.get(row, col), 0);
  if (!c) return false;
  return re.test(c.text);
};

// Module-level patterns: a regex literal inside a function is a new object on every call.
const LEI_2 = /^2\d\d$/;
const LEI_3 = /^3\d\d$/;
const LEI_5 = /^5\d\d$/;
const ECON_3 = /^3\d{4}$/;
const ECON_5 = /^5\d{4}$/;

/** 类 (2xx) + 款 (2 digits) + 项 (2 digits) in three adjacent cells. */
const funcAt: Test = (v, r, c) => digits(v, r, c, LEI_2) && pad2(v, r, c + 1) && pad2(v, r, c + 2);
/** 部门 类 (3xx) + 款, name, 政府 类 (5xx) + 款. */
const econSplitAt: Test = (v, r, c) => digits(v, r, c, LEI_3) && pad2(v, r, c + 1) && digits(v, r, c + 3, LEI_5) && pad2(v, r, c + 4);
/** 部门 code 3xxxx, name, 政府 code 5xxxx. */
const econAt: Test = (v, r, c) => digits(v, r, c, ECON_3) && digits(v, r, c + 2, ECON_5);

/** Per column, how many sampled body rows pass the test there. */
function countTest(view: SheetView, header: Header, block: Block, test: Test): Map<number, number> {
  const counts = new Map<number, number>();
  const end = Math.min(block.bottom, header.bodyStart + SAMPLE);
  for (let row = header.bodyStart; row <= end; row++) {
    const { count, first, last } = view.scan(row);
    if (count === 0) continue;
    // An empty cell never passes a test, so the whole filled span can be tried.
    for (let col = first; col <= last; col++) if (test(view, row, col)) counts.set(col, (counts.get(col) ?? 0) + 1);
  }
  return counts;
}

function maxCount(counts: Map<number, number>): number {
  let best = 0;
  for (const n of counts.values()) if (n > best) best = n;
  return best;
}

/** A whole function code in one cell: 2080505 (项), 20805 (款 subtotal). */
const FUNC_JOINED = /^2\d{4}(\d\d)?$/;

/**
 * Function codes written in one cell (2080505) instead of 类 | 款 | 项: when the body shows more
 * joined codes in one column than split codes anywhere, that column is the 类 column (funcCode
 * splits the digits). Returns whether the joined layout was taken.
 */
function joinedFuncColumn(view: SheetView, header: Header, block: Block): boolean {
  const joined = new Map<number, number>();
  let split = 0;
  const end = Math.min(block.bottom, header.bodyStart + SAMPLE);
  for (let row = header.bodyStart; row <= end; row++) {
    const { count, first, last } = view.scan(row);
    if (count === 0) continue;
    for (let col = first; col <= last; col++) {
      if (digits(view, row, col, FUNC_JOINED)) joined.set(col, (joined.get(col) ?? 0) + 1);
      else if (funcAt(view, row, col)) split++;
    }
  }
  let best = -1;
  let bestCount = 0;
  for (const [c, n] of joined) if (n > bestCount) [best, bestCount] = [c, n];
  if (bestCount === 0 || bestCount <= split) return false;
  const old = header.col.get(CODE.lei);
  if (old !== best) {
    for (const [k, c] of header.col) if (c === best) header.col.delete(k);
    header.col.set(CODE.lei, best);
    header.kind.set(CODE.lei, 'code');
    for (const ci of header.columns) if (ci.key === CODE.lei) ci.key = '';
    const info = header.columns.find((ci) => ci.col === best);
    if (info) info.key = CODE.lei;
    else header.columns.push({ key: CODE.lei, path: [], col: best });
  }
  // No 款 / 项 column in this layout: whatever the header called so is no code column.
  for (const key of [CODE.kuan, CODE.xiang]) header.col.delete(key);
  return true;
}

function pad2(view: SheetView, row: number, col: number): boolean {
  const c = codeOf(view.get(row, col), 2);
  return !!c && c.text.length === 2;
}

const LAYOUTS: Partial<Record<RowFamily, { test: Test; keys: [string, number][] }>> = {
  expense: { test: funcAt, keys: [[CODE.lei, 0], [CODE.kuan, 1], [CODE.xiang, 2]] },
  t14: { test: funcAt, keys: [[CODE.lei, 0], [CODE.kuan, 1], [CODE.xiang, 2]] },
  t07: {
    test: econSplitAt,
    keys: [[CODE.econLei, 0], [CODE.econKuan, 1], [CODE.econName, 2], [CODE.govLei, 3], [CODE.govKuan, 4], [CODE.govName, 5]],
  },
  t06: { test: econAt, keys: [[CODE.econ, 0], [CODE.econName, 1], [CODE.gov, 2], [CODE.govName, 3]] },
};

/** T07 with each economic code in one cell (30101 | name | 50101 | name), as T06 writes them. */
const T07_JOINED = { test: econAt, keys: [[CODE.econLei, 0], [CODE.econName, 1], [CODE.govLei, 2], [CODE.govName, 3]] as [string, number][] };

/**
 * Returns 'joined-over-split' when the header shows 类 | 款 | 项 columns but the body writes each
 * function code in one cell: the reading taken is said in an info finding (parse/grid.ts).
 */
export function findCodeColumns(view: SheetView, header: Header, spec: TableSpec, block: Block): 'joined-over-split' | undefined {
  let layout = LAYOUTS[spec.family!];
  if (!layout) return undefined;
  if (layout.test === funcAt) {
    const hadSplit = header.col.has(CODE.kuan) || header.col.has(CODE.xiang);
    if (joinedFuncColumn(view, header, block)) return hadSplit ? 'joined-over-split' : undefined;
  }
  let counts = countTest(view, header, block, layout.test);
  if (spec.family === 't07') {
    const joined = countTest(view, header, block, T07_JOINED.test);
    if (maxCount(joined) > maxCount(counts)) [layout, counts] = [T07_JOINED, joined];
  }
  if (counts.size === 0) return undefined;
  const [firstKey] = layout.keys[0];
  const headerCol = header.col.get(firstKey);
  // The header counts only where it names every code column of the pattern where the body has them.
  const consistent = headerCol !== undefined && layout.keys.every(([k, off]) => header.col.get(k) === headerCol + off);
  const atHeader = consistent ? counts.get(headerCol) ?? 0 : 0;
  let best = -1;
  let bestCount = 0;
  for (const [c, n] of counts) if (n > bestCount) [best, bestCount] = [c, n];
  if (bestCount <= atHeader) return undefined;
  const dropped: string[] = [];
  const codeCols = new Set(layout.keys.map(([, offset]) => best + offset));
  for (const [key, offset] of layout.keys) {
    const col = best + offset;
    // Whatever key the header gave this column is dropped: the body says what it holds.
    for (const [k, c] of header.col)
      if (c === col && k !== key) {
        header.col.delete(k);
        dropped.push(k);
      }
    const old = header.col.get(key);
    if (old !== undefined && old !== col && !codeCols.has(old)) {
      const info = header.columns.find((ci) => ci.col === old);
      if (info) info.key = '';
    }
    header.col.set(key, col);
    header.kind.set(key, key === CODE.econName || key === CODE.govName ? 'text' : 'code');
    const info = header.columns.find((ci) => ci.col === col);
    if (info) info.key = key;
    else header.columns.push({ key, path: [], col });
  }
  // A key the scrambled header had put on a code column goes to the next column its header matches.
  for (const key of dropped) {
    if (header.col.has(key)) continue;
    const rules = spec.columns.filter((r) => r.key === key);
    const free = header.columns.find((ci) => !ci.key && !codeCols.has(ci.col) && rules.some((r) => matches(r, ci.path)));
    if (!free) continue;
    free.key = key;
    header.col.set(key, free.col);
    header.kind.set(key, rules[0].kind);
  }
  return undefined;
}
