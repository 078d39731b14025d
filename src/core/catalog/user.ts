/**
 * The user's own 科目表: a sheet titled or named 科目表 in the workbook, or every sheet of the file
 * given with `--catalog`. Columns: a code and a name, found by header text (科目编码 / 科目名称,
 * 编码 / 名称, or split 类 | 款 | 项) or, without a header, by content. Accountants export it from
 * their budget system, so its entries count as verified. Bad rows come back as rejected entries
 * with a Chinese reason; nothing here throws.
 */
import type { CellValue, SheetGrid } from '../grid';
import { a1, gridOrigin } from '../grid';
import type { CatalogEntry } from './index';
import { codeKind, codeLevel, codeText, parentCode } from './names';
import { pushAll, widthOf } from '../list';

export interface UserCatalogOptions {
  /** Read every sheet that has a code column, not only those titled 科目表 (for `--catalog` files). */
  anySheet?: boolean;
}

const TITLE = /科目表$/;
const MAX_HEADER_ROWS = 12;

export function readUserCatalog(grids: SheetGrid[], options: UserCatalogOptions = {}): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const grid of grids ?? []) {
    try {
      if (!options.anySheet && !isCatalogSheet(grid)) continue;
      pushAll(out, readSheet(grid, !!options.anySheet));
    } catch (e) {
      // A malformed snapshot must not stop the check: say so and go on.
      out.push({ code: '', name: '', rejected: `科目表“${grid?.name ?? ''}”无法读取：${(e as Error).message}`, ref: { sheet: grid?.name ?? '', cell: 'A1' } });
    }
  }
  if (options.anySheet && !out.length && grids?.length) {
    out.push({ code: '', name: '', rejected: '所附科目表文件中找不到科目编码列（表头应有“科目编码”和“科目名称”），未采用', ref: { sheet: grids[0]?.name ?? '', cell: 'A1' } });
  }
  return out;
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return '';
  return String(v).normalize('NFKC').replace(/[\s\u3000]/g, '');
}

/** The user's spelling, only trimmed (names are compared normalised later). */
function nameText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Named 科目表, or one of the first rows is a title ending in 科目表 (year prefix allowed). */
export function isCatalogSheet(grid: SheetGrid): boolean {
  if (TITLE.test(normalizeTitle(grid.name))) return true;
  for (const row of grid.values.slice(0, 5)) {
    for (const v of row) {
      const t = normalizeTitle(text(v));
      if (t && t.length <= 24 && TITLE.test(t)) return true;
    }
  }
  return false;
}

function normalizeTitle(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^\d{4}年(度)?/, '');
}

interface Layout {
  headerRow: number; // index in values; -1 when there is no header
  code?: number; // one code column
  split?: { lei: number; kuan: number; xiang?: number };
  name: number;
}

function readSheet(grid: SheetGrid, anySheet: boolean): CatalogEntry[] {
  const layout = findHeader(grid) ?? findByContent(grid);
  if (!layout) {
    if (anySheet) return []; // another sheet of the --catalog file, without codes: not an error
    return [{ code: '', name: '', rejected: `科目表“${grid.name}”中找不到科目编码列（表头应有“科目编码”和“科目名称”）`, ref: { sheet: grid.name, cell: 'A1' } }];
  }
  const origin = gridOrigin(grid);
  const ref = (r: number, c: number) => ({ sheet: grid.name, cell: a1(origin.row + r, origin.col + c) });
  const out: CatalogEntry[] = [];
  let lastLei = '';
  let lastKuan = '';
  for (let r = layout.headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const name = nameText(row[layout.name]);
    let code: string | null;
    let codeCol: number;
    let raw: CellValue | undefined;
    if (layout.split) {
      const s = layout.split;
      const lei = codeText(row[s.lei]);
      const kuan = codeText(row[s.kuan]);
      const xiang = s.xiang !== undefined ? codeText(row[s.xiang]) : null;
      if (lei) lastLei = lei.padStart(3, '0');
      if (lei && !kuan) lastKuan = ''; // a new 类 row closes the previous 款
      if (kuan) lastKuan = kuan.padStart(2, '0');
      codeCol = xiang ? s.xiang! : kuan ? s.kuan : s.lei;
      raw = row[codeCol];
      if (xiang) code = lastLei && lastKuan ? lastLei + lastKuan + xiang.padStart(2, '0') : null;
      else if (kuan) code = lastLei ? lastLei + kuan.padStart(2, '0') : null;
      else code = lei ? lei.padStart(3, '0') : null;
    } else {
      codeCol = layout.code!;
      raw = row[codeCol];
      code = codeText(raw);
    }
    const rawText = text(raw);
    if (!rawText && !name) continue; // blank row
    if (!rawText && isNote(name)) continue;
    const where = ref(r, codeCol);
    if (raw && typeof raw === 'object' && 'error' in raw) {
      out.push({ code: '', name, ref: where, rejected: `科目表 ${where.cell}：编码单元格为错误值 ${raw.error}，此行未采用` });
      continue;
    }
    if (!rawText) {
      out.push({ code: '', name, ref: ref(r, layout.name), rejected: `科目表 ${ref(r, layout.name).cell}：“${name}”缺少科目编码，此行未采用` });
      continue;
    }
    if (!code || !codeKind(code)) {
      if (isNote(rawText)) continue;
      out.push({
        code: code ?? '',
        name,
        ref: where,
        rejected: `科目表 ${where.cell}：“${rawText}”不是有效的科目编码（功能分类为 2 开头的 3/5/7 位数字，经济分类为 3 或 5 开头的 3/5 位数字），此行未采用`,
      });
      continue;
    }
    if (!name) {
      out.push({ code, name: '', ref: where, rejected: `科目表 ${where.cell}：编码 ${code} 缺少科目名称，此行未采用` });
      continue;
    }
    out.push({ code, name, kind: codeKind(code), level: codeLevel(code), parent: parentCode(code), verified: true, user: true, ref: where });
  }
  return out;
}

function isNote(s: string): boolean {
  return /^(注|说明|备注|制表|填报|单位[:：])/.test(s);
}

const CODE_HEAD = /(编码|代码|编号)$/;
const NAME_HEAD = /名称$/;

function findHeader(grid: SheetGrid): Layout | undefined {
  const rows = grid.values.slice(0, MAX_HEADER_ROWS);
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ?? []).map(text);
    const name = cells.findIndex((c) => NAME_HEAD.test(c) && c.length <= 8);
    if (name < 0) continue;
    const lei = cells.indexOf('类');
    const kuan = cells.indexOf('款');
    if (lei >= 0 && kuan >= 0) {
      const xiang = cells.indexOf('项');
      return { headerRow: r, split: { lei, kuan, xiang: xiang >= 0 ? xiang : undefined }, name };
    }
    const code = cells.findIndex((c) => CODE_HEAD.test(c) && c.length <= 8);
    if (code >= 0) {
      // a split header may sit one row below "科目编码": 类 | 款 | 项
      const below = (rows[r + 1] ?? []).map(text);
      const l2 = below.indexOf('类');
      const k2 = below.indexOf('款');
      if (l2 >= 0 && k2 >= 0) {
        const x2 = below.indexOf('项');
        return { headerRow: r + 1, split: { lei: l2, kuan: k2, xiang: x2 >= 0 ? x2 : undefined }, name };
      }
      return { headerRow: r, code, name };
    }
  }
  return undefined;
}

/** No header: the column where most cells are codes, and the text column right of it. */
function findByContent(grid: SheetGrid): Layout | undefined {
  const width = widthOf(grid.values);
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < width; c++) {
    let n = 0;
    for (const row of grid.values) {
      const code = codeText(row[c]);
      if (code && codeKind(code)) n++;
    }
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  if (best < 0 || bestCount < 2) return undefined;
  for (let c = best + 1; c < width; c++) {
    let textual = 0;
    for (const row of grid.values) {
      const t = text(row[c]);
      if (t && !/^[\d.,\-]+$/.test(t)) textual++;
    }
    if (textual >= bestCount / 2) {
      const first = grid.values.findIndex((row) => {
        const code = codeText(row[best]);
        return !!code && !!codeKind(code);
      });
      return { headerRow: first - 1, code: best, name: c };
    }
  }
  return undefined;
}
