/**
 * Highlight marks and where they are remembered: a custom XML part of the workbook (ExcelApi 1.5),
 * so 清除标记 can restore every original fill after the pane was closed or the file saved and
 * reopened — without adding or deleting a worksheet, which workbook-structure protection forbids
 * and which clears Excel's undo history.
 *
 * Part layout (compact: one list of cells per sheet, original fill and mark colour):
 *   <marks xmlns="urn:budget-check:marks:v2">
 *     <sheet id="{…}" name="表3"><fill mark="#FFC7CE" color="#FFFFFF" pattern="None">B5 C7</fill></sheet>
 *   </marks>
 * Earlier versions kept the marks on a very hidden sheet (LEGACY_MARK_SHEET); those are still read
 * so that old workbooks can be cleaned.
 */
import type { FillPattern, FillProps } from './fill';
import { fillKey } from './fill';

export const MARKS_NAMESPACE = 'urn:budget-check:marks:v2';
/** The very hidden sheet of earlier versions. Read and removed, never written. */
export const LEGACY_MARK_SHEET = '_预算校验_标记';
/** @deprecated name kept for callers that hide the legacy sheet from sheet lists. */
export const MARK_SHEET = LEGACY_MARK_SHEET;
const LEGACY_HEADER = 'budget-check-marks-v1';

/** Fill colours of the marks: Excel's own "light red" and "neutral yellow" cell styles. */
export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;
export type MarkSeverity = keyof typeof MARK_COLORS;

export interface Mark {
  sheetId: string;
  sheet: string;
  cell: string;
  /** The colour we painted (to notice when the user recoloured the cell since). */
  color: string;
  original: FillProps;
}

const ATTR: [keyof FillProps, string][] = [
  ['color', 'color'],
  ['pattern', 'pattern'],
  ['patternColor', 'patternColor'],
  ['tintAndShade', 'tint'],
  ['patternTintAndShade', 'patternTint'],
];

/** The XML of the marks part. */
export function encodeMarksXml(marks: Mark[]): string {
  const sheets = new Map<string, { sheetId: string; sheet: string; groups: Map<string, { color: string; original: FillProps; cells: string[] }> }>();
  for (const m of marks) {
    let s = sheets.get(m.sheetId);
    if (!s) {
      s = { sheetId: m.sheetId, sheet: m.sheet, groups: new Map() };
      sheets.set(m.sheetId, s);
    }
    const k = `${m.color}|${fillKey(m.original)}`;
    let g = s.groups.get(k);
    if (!g) {
      g = { color: m.color, original: m.original, cells: [] };
      s.groups.set(k, g);
    }
    g.cells.push(m.cell);
  }
  let xml = `<marks xmlns="${MARKS_NAMESPACE}">`;
  for (const s of sheets.values()) {
    xml += `<sheet id="${esc(s.sheetId)}" name="${esc(s.sheet)}">`;
    for (const g of s.groups.values()) {
      let attrs = ` mark="${esc(g.color)}"`;
      for (const [prop, name] of ATTR) {
        const v = g.original[prop];
        if (v !== null) attrs += ` ${name}="${esc(String(v))}"`;
      }
      xml += `<fill${attrs}>${g.cells.join(' ')}</fill>`;
    }
    xml += '</sheet>';
  }
  return xml + '</marks>';
}

/** Marks read back from a part; anything that does not parse is ignored (never guessed at). */
export function decodeMarksXml(xml: string): Mark[] {
  const marks: Mark[] = [];
  for (const sm of xml.matchAll(/<sheet\b([^>]*)>([\s\S]*?)<\/sheet>/g)) {
    const sa = attrs(sm[1]);
    if (!sa.name) continue;
    for (const fm of sm[2].matchAll(/<fill\b([^>]*)>([^<]*)<\/fill>/g)) {
      const fa = attrs(fm[1]);
      if (!fa.mark) continue;
      const original: FillProps = {
        color: fa.color ?? null,
        pattern: (fa.pattern ?? null) as FillPattern | null,
        patternColor: fa.patternColor ?? null,
        tintAndShade: num(fa.tint),
        patternTintAndShade: num(fa.patternTint),
      };
      for (const cell of fm[2].split(/\s+/)) {
        if (/^[A-Z]{1,3}\d+$/.test(cell)) marks.push({ sheetId: sa.id ?? '', sheet: sa.name, cell, color: fa.mark, original: { ...original } });
      }
    }
  }
  return marks;
}

/** Marks from the values of the legacy sheet (one row per cell, header first). */
export function decodeLegacyMarks(values: unknown[][]): Mark[] {
  if (!values.length || values[0][0] !== LEGACY_HEADER) return [];
  const marks: Mark[] = [];
  for (let i = 1; i < values.length; i++) {
    const [sheetId, sheet, cell, color, oc, op, opc, ot, opt] = values[i].map((v) => (v === undefined ? '' : v));
    if (typeof sheet !== 'string' || !sheet || typeof cell !== 'string' || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    marks.push({
      sheetId: String(sheetId),
      sheet,
      cell,
      color: String(color),
      original: {
        color: oc === '' ? null : String(oc),
        pattern: op === '' ? null : (String(op) as FillPattern),
        patternColor: opc === '' ? null : String(opc),
        tintAndShade: num(ot),
        patternTintAndShade: num(opt),
      },
    });
  }
  return marks;
}

/** The legacy sheet's rows for a list of marks (only tests write it: to make an "old" workbook). */
export function encodeLegacyMarks(marks: Mark[]): (string | number)[][] {
  const rows: (string | number)[][] = [[LEGACY_HEADER, '工作表', '单元格', '标记色', '原填充色', '原图案', '原图案色', '原色调', '原图案色调']];
  for (const m of marks) {
    const o = m.original;
    rows.push([m.sheetId, m.sheet, m.cell, m.color, o.color ?? '', o.pattern ?? '', o.patternColor ?? '', o.tintAndShade ?? '', o.patternTintAndShade ?? '']);
  }
  return rows;
}

/** One mark per cell: the first list wins (the current store over the legacy sheet). */
export function mergeMarks(first: Mark[], second: Mark[]): Mark[] {
  const seen = new Set(first.map((m) => `${m.sheetId}\u0000${m.sheet}\u0000${m.cell}`));
  const out = first.slice();
  for (const m of second) if (!seen.has(`${m.sheetId}\u0000${m.sheet}\u0000${m.cell}`)) out.push(m);
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) {
    out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return out;
}

function num(v: unknown): number | null {
  if (v === '' || v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
