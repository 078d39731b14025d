/**
 * The "formulas" layout, at the ExcelJS level (a SheetGrid only holds values): every total cell of
 * the grid tables and every total line of T01/T04 becomes a SUM formula carrying its cached value,
 * as Excel saves it. The workbook is converted with workbookToGrids and then restored; no cell moves.
 */
import type ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../src/core/grid';
import type { Amount } from '../../src/core/amount';
import type { BudgetBook } from '../../src/core/model';
import { TABLE_IDS } from '../../src/core/model';
import { workbookToGrids } from '../../src/io/workbook-to-grids';
import type { Variant } from './generate';

const TOTAL_LINE = /合计|总计/;

export function formulaVariant(wb: ExcelJS.Workbook, book: BudgetBook): Variant {
  const totals: Amount[] = [];
  for (const id of TABLE_IDS) {
    const t = book.tables[id];
    if (t?.kind === 'grid') for (const r of t.rows) if (r.kind === 'total' || r.kind === 'dept') totals.push(...Object.values(r.amounts));
    if (t?.kind === 'lines')
      for (const l of [...t.income, ...t.expense])
        if (TOTAL_LINE.test(l.label.text)) {
          if (l.amount) totals.push(l.amount);
          totals.push(...Object.values(l.amounts ?? {}));
        }
    if (t?.kind === 't08') totals.push(...Object.values(t.amounts));
  }
  const saved: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  for (const a of totals) {
    const cell = wb.getWorksheet(a.ref.sheet)?.getCell(a.ref.cell);
    if (!cell || typeof cell.value !== 'number') continue;
    const p = parseA1(a.ref.cell);
    saved.push([cell, cell.value]);
    cell.value = { formula: `SUM(${a1(p.row + 1, p.col)}:${a1(p.row + 40, p.col)})`, result: cell.value } as ExcelJS.CellFormulaValue;
  }
  try {
    return { grids: workbookToGrids(wb), map: (ref) => ref };
  } finally {
    for (const [cell, v] of saved) cell.value = v;
  }
}
