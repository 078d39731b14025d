/**
 * A grid table's amounts (scaled; 0 when absent) in one array, row by row. Row identities and child
 * sums add the same cells up several times over; reading a cell (a keyed property of its row, an
 * object of its own) costs far more than reading a number from an array.
 *
 * The parser records them while it creates the amounts (still fresh in memory); the rules build
 * them on first use for any other table (rules/table/kit.ts tableCells). A parsed book's amounts are
 * therefore never edited in place: a test that edits one works on a structuredClone, which drops the record.
 */
import type { GridTable } from './model';

export interface TableCells {
  /** Column key → position in a row of `scaled`; other keys are read from the rows. */
  cols: Map<string, number>;
  width: number;
  scaled: Float64Array;
  /** Amount keys some row has besides `cols`. */
  others: Set<string>;
}

const cellsOf = new WeakMap<GridTable, TableCells>();

/** The cells recorded for this table, if any. */
export function recordedCells(t: GridTable): TableCells | undefined {
  return cellsOf.get(t);
}

export function recordCells(t: GridTable, cells: TableCells): void {
  cellsOf.set(t, cells);
}
