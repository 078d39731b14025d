/** Loads an .xlsx fixture the way the command line does: ExcelJS → SheetGrid[]. */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../src/core/grid';
import { workbookToGrids } from '../../src/io/workbook-to-grids';

export const FIXTURES = `${__dirname}/../fixtures`;

export async function loadGrids(file: string): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToGrids(wb);
}
