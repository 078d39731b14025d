/** Small helpers to edit SheetGrid snapshots in memory (they are plain data) and summarise books. */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { a1, parseRange } from '../../src/core/grid';
import type { BudgetBook } from '../../src/core/model';

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

/** Shifts an A1 range by rows. */
function shiftRange(range: string, rows: number): string {
  const r = parseRange(range);
  return `${a1(r.top + rows, r.left)}:${a1(r.bottom + rows, r.right)}`;
}

/** All sheets stacked into one (an exported PDF): `before` rows first, a blank row between tables. */
export function stackSheets(grids: SheetGrid[], name: string, before: CellValue[][] = []): SheetGrid {
  const values: CellValue[][] = [...before.map((r) => [...r])];
  const formats: (string | null)[][] = before.map((r) => r.map(() => null));
  const merges: string[] = [];
  for (const g of grids) {
    if (values.length) {
      values.push([]);
      formats.push([]);
    }
    const offset = values.length; // grids in fixtures start at A1
    values.push(...g.values.map((r) => [...r]));
    formats.push(...(g.formats ?? g.values.map((r) => r.map(() => null))).map((r) => [...r]));
    for (const m of g.merges ?? []) merges.push(shiftRange(m, offset));
  }
  return { name, origin: 'A1', values, formats, merges, hiddenRows: [] };
}

/** Inserts rows (copies) before absolute row `at` (1-based, grid at A1), shifting merges below. */
export function insertRows(g: SheetGrid, at: number, rows: CellValue[][], formats?: (string | null)[][]): SheetGrid {
  const out = clone(g);
  out.values.splice(at - 1, 0, ...rows.map((r) => [...r]));
  out.formats?.splice(at - 1, 0, ...(formats ?? rows.map((r) => r.map(() => null))));
  out.merges = (g.merges ?? []).map((m) => (parseRange(m).top >= at ? shiftRange(m, rows.length) : m));
  return out;
}

/** Every amount of every table as plain values (no cell references), to compare two readings. */
export function amountSummary(book: BudgetBook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const v = (a?: { scaled: number; blank: boolean }) => (a ? (a.blank ? 'blank' : a.scaled) : undefined);
  const map = (rec?: Record<string, { scaled: number; blank: boolean }>) =>
    Object.fromEntries(Object.entries(rec ?? {}).map(([k, a]) => [k, v(a)]));
  for (const [id, t] of Object.entries(book.tables)) {
    if (!t) continue;
    if (t.kind === 'grid') out[id] = t.rows.map((r) => [r.kind, r.code?.text, r.func?.code, r.econ?.dept, r.econ?.gov, r.unitCode, map(r.amounts)]);
    else if (t.kind === 'lines') out[id] = [...t.income, ...t.expense].map((l) => [l.key, v(l.amount), map(l.amounts)]);
    else if (t.kind === 't08') out[id] = map(t.amounts);
    else if (t.kind === 't11') out[id] = map(t.fields);
    else out[id] = [t.rows.map((r) => [r.kind, r.code?.text, map(r.amounts)]), t.projects.map((p) => [p.code?.text, p.name.text, map(p.amounts), p.indicators.length])];
  }
  return out;
}
