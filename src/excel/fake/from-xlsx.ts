/**
 * Builds a FakeWorkbook from an .xlsx through ExcelJS, keeping what the add-in reads and writes:
 * values (formulas by cached result, merged areas' values only in the top-left cell), number
 * formats, fills (solid, theme + tint, patterns, none; read the way Office.js reports them),
 * merges, hidden rows, sheet visibility and column widths.
 * ExcelJS is imported lazily so that the preview's first bundle stays small.
 */
import type ExcelJS from 'exceljs';
import { toValue, valueOf } from '../../io/workbook-to-grids';
import { browserInflate, guardXlsx } from '../../io/xlsx-guard';
import type { FillPattern, FillProps } from '../fill';
import { NO_FILL } from '../fill';
import type { FakeValue } from './display';
import type { Visibility } from './workbook';
import { FakeWorkbook } from './workbook';

/**
 * The zip guard runs first (src/io/xlsx-guard.ts): a file that is no workbook is refused with its
 * XlsxRejected sentence, and rows, columns and merges are bounded before ExcelJS expands them.
 */
export async function loadFakeWorkbook(bytes: ArrayBuffer | Uint8Array, label = '文件'): Promise<FakeWorkbook> {
  const guarded = await guardXlsx(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), label, browserInflate());
  const mod = await import('exceljs');
  const Excel = ((mod as unknown as { default?: typeof ExcelJS }).default ?? mod) as typeof ExcelJS;
  const wb = new Excel.Workbook();
  await wb.xlsx.load(guarded.bytes as unknown as ArrayBuffer);
  const book = fakeFromExcelJS(wb);
  for (const xml of await readCustomXml(bytes)) book.addXmlPart(xml);
  return book;
}

/**
 * The custom XML parts of the package (customXml/itemN.xml), which ExcelJS does not keep. JSZip
 * comes with ExcelJS. Parts that are not readable XML are skipped (Excel would not list them either).
 */
async function readCustomXml(bytes: ArrayBuffer | Uint8Array): Promise<string[]> {
  const JSZip = ((await import('jszip')) as unknown as { default: typeof import('jszip') }).default;
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const out: string[] = [];
  for (const n of names) {
    const xml = await zip.file(n)!.async('string');
    if (/<[A-Za-z_]/.test(xml)) out.push(xml);
  }
  return out;
}

export function fakeFromExcelJS(wb: ExcelJS.Workbook): FakeWorkbook {
  const book = new FakeWorkbook();
  const theme = themePalette(wb);
  wb.eachSheet((ws) => {
    const sheet = book.addSheet(ws.name);
    const state = (ws.state ?? 'visible') as string;
    sheet.visibility = (state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible') as Visibility;
    sheet.protected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    sheet.merges = merges;
    const slaves = slaveCells(merges);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.add(r);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value: FakeValue = slaves.has(`${r}:${c}`) ? null : cellValue(valueOf(cell));
        const fill = toFill(cell.fill as ExcelJS.Fill | undefined, theme);
        const numFmt = cell.numFmt || 'General';
        const bold = !!cell.font?.bold;
        if (value === null && fill.pattern === 'None' && numFmt === 'General' && !bold) return;
        const fc = sheet.ensure(r, c);
        fc.value = value;
        fc.fill = fill;
        fc.numFmt = numFmt;
        fc.bold = bold;
        fc.wrap = !!cell.alignment?.wrapText;
      });
    });
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === 'number') sheet.colWidths.set(i + 1, Math.round((col.width * 48) / 8.43));
    });
  });
  const first = book.sheets.find((s) => s.visibility === 'Visible');
  book.activeSheetId = first ? first.id : null;
  return book;
}

function slaveCells(merges: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of merges) {
    const [a, b = a] = m.split(':');
    const p = decode(a);
    const q = decode(b);
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) out.add(`${r}:${c}`);
  }
  return out;
}

function decode(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(addr.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Excel keeps dates as serial numbers; everything else as the CLI reads it. */
function cellValue(v: ExcelJS.CellValue | undefined): FakeValue {
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  const o = v as unknown as { result?: unknown } | null;
  if (o && typeof o === 'object' && o.result instanceof Date) return o.result.getTime() / 86400000 + 25569;
  return toValue(v);
}

// ---------------------------------------------------------------- fills

/** OOXML pattern names → Office.js Excel.FillPattern. */
const PATTERN: Record<string, FillPattern> = {
  solid: 'Solid', mediumGray: 'Gray50', darkGray: 'Gray75', lightGray: 'Gray25', gray125: 'Gray16', gray0625: 'Gray8',
  darkHorizontal: 'Horizontal', darkVertical: 'Vertical', darkDown: 'Down', darkUp: 'Up', darkGrid: 'Checker',
  darkTrellis: 'SemiGray75', lightHorizontal: 'LightHorizontal', lightVertical: 'LightVertical', lightDown: 'LightDown',
  lightUp: 'LightUp', lightGrid: 'Grid', lightTrellis: 'CrissCross',
};

type Color = Partial<{ argb: string; theme: number; tint: number; indexed: number }>;

export function toFill(fill: ExcelJS.Fill | undefined, theme: string[]): FillProps {
  if (!fill) return { ...NO_FILL };
  if (fill.type === 'gradient') {
    const g = fill as ExcelJS.FillGradientAngle | ExcelJS.FillGradientPath;
    const stop = g.stops?.[0]?.color as Color | undefined;
    return {
      color: resolve(stop, theme, '#FFFFFF'),
      pattern: g.gradient === 'path' ? 'RectangularGradient' : 'LinearGradient',
      patternColor: '#000000',
      tintAndShade: stop?.tint ?? 0,
      patternTintAndShade: 0,
    };
  }
  const p = fill as ExcelJS.FillPattern;
  if (!p.pattern || p.pattern === 'none') return { ...NO_FILL };
  const fg = p.fgColor as Color | undefined;
  const bg = p.bgColor as Color | undefined;
  if (p.pattern === 'solid') {
    return { color: resolve(fg, theme, '#000000'), pattern: 'Solid', patternColor: '#000000', tintAndShade: fg?.tint ?? 0, patternTintAndShade: 0 };
  }
  // Pattern fills: the cell background is bgColor, the pattern's ink is fgColor.
  return {
    color: resolve(bg, theme, '#FFFFFF'),
    pattern: PATTERN[p.pattern] ?? 'Gray50',
    patternColor: resolve(fg, theme, '#000000'),
    tintAndShade: bg?.tint ?? 0,
    patternTintAndShade: fg?.tint ?? 0,
  };
}

function resolve(c: Color | undefined, theme: string[], fallback: string): string {
  if (!c) return fallback;
  if (c.argb) return '#' + c.argb.slice(-6).toUpperCase();
  if (typeof c.theme === 'number') return theme[c.theme] ?? fallback;
  if (typeof c.indexed === 'number') return INDEXED[c.indexed] ?? fallback;
  return fallback;
}

/** The Office theme (2013+) in theme-index order: lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink. */
const OFFICE_THEME = ['#FFFFFF', '#000000', '#E7E6E6', '#44546A', '#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#0563C1', '#954F72'];

/** Theme colours of the workbook's own theme part when ExcelJS kept it, else Office's default. */
export function themePalette(wb: ExcelJS.Workbook): string[] {
  const xml = (wb as unknown as { _themes?: Record<string, string> })._themes?.theme1;
  if (!xml) return OFFICE_THEME;
  const slot = (name: string): string | undefined => {
    const m = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(xml);
    if (!m) return undefined;
    const rgb = /srgbClr val="([0-9A-Fa-f]{6})"/.exec(m[1]) ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(m[1]);
    return rgb ? '#' + rgb[1].toUpperCase() : undefined;
  };
  const order = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];
  return order.map((n, i) => slot(n) ?? OFFICE_THEME[i]);
}

/** Legacy indexed palette (BIFF8 default); 64/65 are the system foreground/background. */
const INDEXED: Record<number, string> = Object.fromEntries(
  [
    '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
    '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
    '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
    '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
    '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
    '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
    '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
    '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
    '000000', 'FFFFFF',
  ].map((hex, i) => [i, '#' + hex]),
);
