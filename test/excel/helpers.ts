/** Shared helpers for the Excel adapter tests: fixtures into the fake host, whole-workbook snapshots. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import type { FakeWorkbook } from '../../src/excel/fake/workbook';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export function fixture(rel: string): string {
  const p = path.join(FIXTURES, rel);
  if (!fs.existsSync(p)) throw new Error(`fixture missing: ${p}`);
  return p;
}

export async function loadFixture(rel: string): Promise<FakeWorkbook> {
  return loadFakeWorkbook(fs.readFileSync(fixture(rel)));
}

/** The fills the restore tests need, written into a real .xlsx and read back through ExcelJS. */
export const SPECIAL_FILLS: Record<string, ExcelJS.Fill> = {
  solid: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } },
  theme: { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.3999755851924192 } as unknown as ExcelJS.Color },
  pattern: { type: 'pattern', pattern: 'darkTrellis', fgColor: { argb: 'FFFF0000' }, bgColor: { theme: 7, tint: -0.25 } as unknown as ExcelJS.Color },
  white: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } },
};

/**
 * A fixture with extra fills on given cells (sheet index 0-based, A1) and returned as bytes, so
 * the fills go through a real xlsx write + read like a user's file.
 */
export async function fixtureWithFills(rel: string, fills: { sheet: number; cell: string; fill: ExcelJS.Fill | null }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture(rel));
  for (const f of fills) {
    const ws = wb.worksheets[f.sheet];
    const cell = ws.getCell(f.cell);
    // ExcelJS shares style objects between cells: give this cell its own before changing the fill.
    cell.style = { ...cell.style, fill: (f.fill ?? { type: 'pattern', pattern: 'none' }) as ExcelJS.Fill };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Everything a user could lose, per sheet (not counting our marks sheet). */
export function snapshotBook(book: FakeWorkbook, except: string[] = []): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of book.sheets) {
    if (except.includes(s.name)) continue;
    const cells: Record<string, unknown> = {};
    for (const [k, c] of s.cells) {
      if (c.value === null && c.fill.pattern === 'None' && c.numFmt === 'General' && !c.bold) continue;
      cells[k] = { value: c.value, numFmt: c.numFmt, fill: { ...c.fill }, bold: !!c.bold };
    }
    out[`${s.name}|${s.visibility}`] = cells;
  }
  return out;
}

export function valuesOf(book: FakeWorkbook, except: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets) {
    if (except.includes(s.name)) continue;
    for (const [k, c] of s.cells) if (c.value !== null) out[`${s.name}!${k}`] = c.value;
  }
  return out;
}
