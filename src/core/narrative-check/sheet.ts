/** The 情况说明 held in the workbook: a sheet named 情况说明 (or 情况说明(2) …), one paragraph per row in column A. */
import type { SheetGrid } from '../grid';
import { gridOrigin } from '../grid';
import { cellText } from '../narrative/params';

export const NARRATIVE_SHEET = '情况说明';

export function findNarrativeSheet(grids: SheetGrid[]): SheetGrid | undefined {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
  return grids.find((g) => norm(g.name) === NARRATIVE_SHEET) ?? grids.find((g) => norm(g.name).startsWith(NARRATIVE_SHEET));
}

/** Column A, top to bottom; rows whose A cell is empty are skipped. */
export function sheetParagraphs(grid: SheetGrid): string[] {
  const o = gridOrigin(grid);
  if (o.col !== 1) return [];
  return grid.values.map((row) => cellText(row[0] ?? null)).filter((t) => t !== '');
}
