// PLACEHOLDER — replaced by the parser (recognise + parse). Returns an empty book.
import type { SheetGrid } from '../grid';
import type { BudgetBook } from '../model';
export function readBook(grids: SheetGrid[]): BudgetBook {
  return { tables: {}, layout: 'pds', unit: '万元', issues: [], otherSheets: grids.map((g) => g.name) };
}
