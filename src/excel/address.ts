/** Address strings as Office.js reads and writes them: sheet quoting, area lists, chunking. */
import { a1, parseA1 } from '../core/grid';

/** Excel quotes a sheet name unless it is letters/digits/underscore/dot and does not start with a digit. */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'表1 x'!A1:D1, 表2!B3" → ["A1:D1", "B3"] (sheet prefixes dropped, quotes respected). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if ((ch === ',' || ch === ';') && !quoted) {
      if (cur.trim()) out.push(stripSheet(cur.trim()));
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(stripSheet(cur.trim()));
  return out;
}

function stripSheet(area: string): string {
  const bang = area.lastIndexOf('!');
  return (bang < 0 ? area : area.slice(bang + 1)).replace(/\$/g, '');
}

/** Top-left corner of an area ("B3:D9" → row 3, col 2). */
export function areaStart(area: string): { row: number; col: number } {
  return parseA1(area.split(':')[0]);
}

/**
 * Join cell addresses into comma lists for worksheet.getRanges, each at most `limit` characters
 * (Excel rejects very long address strings; several RangeAreas in one batch cost no extra round trip).
 */
export function chunkAddresses(cells: string[], limit = 2000): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const c of cells) {
    if (cur && cur.length + 1 + c.length > limit) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** "A1:C3" for a rows × cols block starting at A1. */
export function blockAddress(rows: number, cols: number, top = 1, left = 1): string {
  const start = a1(top, left);
  const end = a1(top + rows - 1, left + cols - 1);
  return start === end ? start : `${start}:${end}`;
}
