/** Editing sheet snapshots in tests: a copy whose cells can be changed without touching the original. */
import type { CellRef, CellValue, SheetGrid } from '../../src/core/grid';
import { gridOrigin, parseA1 } from '../../src/core/grid';

export function copyGrids(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({ ...g, values: g.values.map((row) => [...row]) }));
}

export function setCell(grids: SheetGrid[], ref: CellRef, value: CellValue): void {
  const g = grids.find((x) => x.name === ref.sheet)!;
  const o = gridOrigin(g);
  const p = parseA1(ref.cell);
  g.values[p.row - o.row][p.col - o.col] = value;
}
