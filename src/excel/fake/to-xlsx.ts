/**
 * Saves a FakeWorkbook as .xlsx through ExcelJS: values, number formats, fills, bold, merges,
 * sheet visibility and column widths — what "save and reopen" must keep for the marks to survive.
 * Colours are saved as plain RGB with their tint applied (ExcelJS writes a tint only next to a theme
 * index, which the fake does not keep): a saved file looks the same, but theme links are not kept.
 */
import type ExcelJS from 'exceljs';
import type { FillProps } from '../fill';
import { isNoFill, tint as applyTint } from '../fill';
import type { FakeWorkbook } from './workbook';

const OOXML_PATTERN: Record<string, string> = {
  Solid: 'solid', Gray50: 'mediumGray', Gray75: 'darkGray', Gray25: 'lightGray', Gray16: 'gray125', Gray8: 'gray0625',
  Horizontal: 'darkHorizontal', Vertical: 'darkVertical', Down: 'darkDown', Up: 'darkUp', Checker: 'darkGrid',
  SemiGray75: 'darkTrellis', LightHorizontal: 'lightHorizontal', LightVertical: 'lightVertical', LightDown: 'lightDown',
  LightUp: 'lightUp', Grid: 'lightGrid', CrissCross: 'lightTrellis',
};

export async function saveFakeWorkbook(book: FakeWorkbook): Promise<Uint8Array> {
  const mod = await import('exceljs');
  const Excel = ((mod as unknown as { default?: typeof ExcelJS }).default ?? mod) as typeof ExcelJS;
  const wb = new Excel.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible' });
    if (s.protected) (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(':').map(Number);
      const cell = ws.getCell(r, col);
      const v = c.value;
      cell.value = v === null ? null : typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      if (c.numFmt !== 'General') cell.numFmt = c.numFmt;
      const fill = toExcelFill(c.fill);
      if (fill) cell.fill = fill;
      if (c.bold) cell.font = { bold: true };
      if (c.wrap) cell.alignment = { wrapText: true };
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const [col, pt] of s.colWidths) ws.getColumn(col).width = (pt * 8.43) / 48;
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return book.customXmlParts.length ? addCustomXml(bytes, book.customXmlParts.map((p) => p.xml)) : bytes;
}

/** Custom XML parts as Excel stores them: customXml/itemN.xml, related from the workbook part. */
async function addCustomXml(bytes: Uint8Array, parts: string[]): Promise<Uint8Array> {
  const JSZip = ((await import('jszip')) as unknown as { default: typeof import('jszip') }).default;
  const zip = await JSZip.loadAsync(bytes);
  const relsPath = 'xl/_rels/workbook.xml.rels';
  let rels = await zip.file(relsPath)!.async('string');
  parts.forEach((xml, i) => {
    zip.file(`customXml/item${i + 1}.xml`, xml);
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdCustomXml${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${i + 1}.xml"/></Relationships>`);
  });
  zip.file(relsPath, rels);
  return zip.generateAsync({ type: 'uint8array' });
}

function color(hex: string | null, tint: number | null): Partial<ExcelJS.Color> {
  return { argb: 'FF' + applyTint(hex ?? '#000000', tint ?? 0).slice(1).toUpperCase() };
}

function toExcelFill(f: FillProps): ExcelJS.Fill | null {
  if (isNoFill(f)) return null;
  if (f.pattern === 'LinearGradient' || f.pattern === 'RectangularGradient') {
    return { type: 'gradient', gradient: f.pattern === 'LinearGradient' ? 'angle' : 'path', degree: 0, center: { left: 0.5, top: 0.5 }, stops: [{ position: 0, color: color(f.color, f.tintAndShade) }, { position: 1, color: color('#FFFFFF', 0) }] } as unknown as ExcelJS.Fill;
  }
  if (f.pattern === 'Solid') return { type: 'pattern', pattern: 'solid', fgColor: color(f.color, f.tintAndShade) } as ExcelJS.Fill;
  return {
    type: 'pattern',
    pattern: (OOXML_PATTERN[f.pattern ?? ''] ?? 'mediumGray') as ExcelJS.FillPatterns,
    fgColor: color(f.patternColor, f.patternTintAndShade),
    bgColor: color(f.color, f.tintAndShade),
  } as ExcelJS.Fill;
}
