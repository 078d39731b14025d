/**
 * Looks inside an .xlsx before ExcelJS does, and bounds what ExcelJS will be asked to expand.
 *
 * ExcelJS trusts the file: it inflates every part whatever its size, expands a merge cell by cell
 * (A20:XFD1048576 is 17 billion cells), and keeps a row numbered 200,000,000 in an array of that
 * length. So, on the raw bytes and before anything is expanded:
 *  - the file is identified (empty, .xls / encrypted, .ods, .xlsb, .docx, a zip without a workbook)
 *    and refused with one Chinese sentence;
 *  - the zip central directory is read and the declared sizes are capped (total and per-part ratio);
 *    every part is then inflated against its declared size, so a size that lies is caught too;
 *  - XML with a DOCTYPE (entity expansion, "billion laughs") is refused: Excel never writes one;
 *  - each worksheet's rows, columns and merges are bounded: rows past the limits are cut, merges are
 *    clipped to the cells that hold data, column ranges to Excel's 16,384 columns. What was cut is
 *    returned as ReadNotes, so the check says so (never silently).
 * Pure (Uint8Array in, Uint8Array out; no Node or DOM API): the command line and the browser preview
 * share it, each giving its own inflater (Node's zlib, or DecompressionStream in the browser).
 */
import type { ReadNote } from '../core/grid';
import { a1, columnLetter } from '../core/grid';

/** Refusal of a file, with the sentence to show the user. */
export class XlsxRejected extends Error {}

/** Inflates raw deflate data; must fail (throw) rather than produce more than `size` bytes. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array | Promise<Uint8Array>;

export const LIMITS = {
  /** Sum of the declared sizes of all parts once decompressed. */
  totalBytes: 200 * 1024 * 1024,
  /** A part above `ratioFrom` bytes may not expand more than `ratio` times (a zip bomb does ~1000×). */
  ratio: 200,
  ratioFrom: 8 * 1024 * 1024,
  /** Excel's own sheet size. */
  excelRows: 1_048_576,
  excelCols: 16_384,
  /** Rows read per sheet; the rest is cut (and reported). */
  rows: 300_000,
  /** Cells handed to ExcelJS for the whole workbook (about 300 bytes each in ExcelJS). */
  cells: 3_000_000,
  /** Cells covered by merges per sheet, after clipping (ExcelJS creates each one). */
  mergeCells: 1_000_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface GuardResult {
  /** The workbook to hand to ExcelJS: the input itself when nothing had to be cut. */
  bytes: Uint8Array;
  /** What was cut or clipped, by sheet name. */
  notes: Map<string, ReadNote[]>;
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** UTF-8 → string; TextDecoder where there is one (not in every test DOM), else by hand. */
const utf8 = {
  decode(b: Uint8Array): string {
    if (typeof TextDecoder === 'function') return new TextDecoder('utf-8').decode(b);
    let s = '';
    for (let i = 0; i < b.length; ) {
      const x = b[i];
      const n = x < 0x80 ? 1 : x < 0xe0 ? 2 : x < 0xf0 ? 3 : 4;
      let cp = n === 1 ? x : x & (0xff >> (n + 1));
      for (let k = 1; k < n; k++) cp = (cp << 6) | (b[i + k] & 0x3f);
      s += String.fromCodePoint(cp);
      i += n;
    }
    return s;
  },
};
const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** First refusal: what the bytes are, before any zip parsing. */
function identify(bytes: Uint8Array, label: string): void {
  if (bytes.length === 0) throw new XlsxRejected(`${label} 是空文件（0 字节），不是 Excel 工作簿`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (containsUtf16(bytes, 'EncryptedPackage'))
      throw new XlsxRejected(`${label} 设置了打开密码（已加密）：请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，保存后再校验`);
    throw new XlsxRejected(`${label} 是旧版 Excel 97-2003 格式（.xls）：请在 Excel 中“另存为 → Excel 工作簿 (*.xlsx)”后再校验`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)))
    throw new XlsxRejected(`${label} 不是 .xlsx 工作簿（文件内容不是 Excel 格式${looksLikeText(bytes) ? '，像是文本或 CSV 文件' : ''}）：请在 Excel 中另存为 .xlsx 后再校验`);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  const end = Math.min(bytes.length, 1 << 20) - word.length * 2;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < word.length; k++) if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return true;
}

/** The zip's central directory; refuses truncated or inconsistent archives. */
export function readZipDirectory(bytes: Uint8Array, label = '文件'): ZipEntry[] {
  const damaged = (why: string): XlsxRejected => new XlsxRejected(`${label} 已损坏或不完整（${why}）：请重新导出或从原处重新复制该工作簿`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('找不到压缩包目录，文件可能在下载或复制时被截断');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new XlsxRejected(`${label} 过大（ZIP64 格式），超出本工具可读取的大小`);
  if (dirOffset + dirSize > eocd) throw damaged('压缩包目录越界');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw damaged('压缩包目录项无效');
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const e: ZipEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff)
      throw new XlsxRejected(`${label} 过大（ZIP64 格式），超出本工具可读取的大小`);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's data starts (after its local header), checked against the file's end. */
function dataOf(bytes: Uint8Array, e: ZipEntry, label: string): Uint8Array {
  const h = e.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50)
    throw new XlsxRejected(`${label} 已损坏或不完整（部件 ${e.name} 的位置无效）：请重新导出或从原处重新复制该工作簿`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressedSize > bytes.length)
    throw new XlsxRejected(`${label} 已损坏或不完整（部件 ${e.name} 被截断），文件可能在下载或复制时被截断：请重新导出或复制`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** The kind of file a zip is, by its parts: refuses everything that is not an .xlsx / .xlsm workbook. */
function checkParts(entries: ZipEntry[], label: string): void {
  const names = new Set(entries.map((e) => e.name));
  const saveAs = '请在 Excel 或 WPS 中打开并“另存为 → Excel 工作簿 (*.xlsx)”后再校验';
  if (names.has('mimetype') && (names.has('content.xml') || names.has('META-INF/manifest.xml')))
    throw new XlsxRejected(`${label} 是 OpenDocument 表格（.ods），不是 .xlsx 工作簿：${saveAs}`);
  if (names.has('xl/workbook.bin')) throw new XlsxRejected(`${label} 是 Excel 二进制工作簿（.xlsb），本工具只读 .xlsx / .xlsm：${saveAs}`);
  if (names.has('word/document.xml')) throw new XlsxRejected(`${label} 是 Word 文档（.docx），不是 Excel 工作簿：请选择预算公开表所在的 .xlsx 文件`);
  if (names.has('ppt/presentation.xml')) throw new XlsxRejected(`${label} 是 PowerPoint 演示文稿，不是 Excel 工作簿：请选择预算公开表所在的 .xlsx 文件`);
  if (!names.has('xl/workbook.xml'))
    throw new XlsxRejected(`${label} 是一个压缩包，但缺少工作簿主体 xl/workbook.xml，不是有效的 .xlsx 工作簿：${saveAs}`);
  if (entries.some((e) => e.flags & 1 || e.method === 99)) throw new XlsxRejected(`${label} 的压缩包设置了密码（已加密），无法读取：请去掉密码后另存为 .xlsx`);
  const odd = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (odd) throw new XlsxRejected(`${label} 的部件 ${odd.name} 使用了不支持的压缩方式（${odd.method}）：${saveAs}`);
}

/** Declared sizes, before anything is inflated. */
function checkSizes(entries: ZipEntry[], label: string): void {
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > LIMITS.totalBytes)
    throw new XlsxRejected(`${label} 解压后有 ${mb(total)}，超过本工具的上限 ${mb(LIMITS.totalBytes)}：请删去与预算公开表无关的工作表后再校验`);
  for (const e of entries) {
    if (e.size > LIMITS.ratioFrom && e.size > e.compressedSize * LIMITS.ratio)
      throw new XlsxRejected(`${label} 的部件 ${e.name} 解压后有 ${mb(e.size)}，是压缩大小的 ${Math.round(e.size / Math.max(1, e.compressedSize))} 倍，不像正常的工作簿（疑似“压缩炸弹”），已拒绝读取`);
  }
}

/** Inflates one part against its declared size. */
async function inflateEntry(bytes: Uint8Array, e: ZipEntry, label: string, inflate: Inflate): Promise<Uint8Array> {
  const data = dataOf(bytes, e, label);
  let out: Uint8Array;
  try {
    out = e.method === 0 ? data : await inflate(data, e.size);
  } catch {
    out = new Uint8Array(0);
    if (e.size === 0 && e.method === 8) return out;
    throw new XlsxRejected(`${label} 已损坏（部件 ${e.name} 无法解压或比声明的 ${e.size} 字节更大）：请重新导出或从原处重新复制该工作簿`);
  }
  if (out.length !== e.size) throw new XlsxRejected(`${label} 已损坏（部件 ${e.name} 解压后的大小与声明不符）：请重新导出或从原处重新复制该工作簿`);
  return out;
}

/**
 * Refuses what is not a workbook (XlsxRejected), and bounds the rest. Without an inflater (a browser
 * without DecompressionStream) only the zip directory is checked: kind of file and declared sizes.
 */
export async function guardXlsx(bytes: Uint8Array, label: string, inflate?: Inflate): Promise<GuardResult> {
  identify(bytes, label);
  const entries = readZipDirectory(bytes, label);
  checkParts(entries, label);
  checkSizes(entries, label);
  if (!inflate) return { bytes, notes: new Map() };

  const texts = new Map<string, string>();
  let cellBudget = LIMITS.cells;
  const notes = new Map<string, ReadNote[]>();
  const replaced = new Map<string, Uint8Array>();
  const sheetNames = new Map<string, string>();
  let sharedStrings = false;
  let needsShared: string | undefined;
  const encoder = new TextEncoder();
  // Workbook and relationships first: they name the sheet parts.
  const order = [...entries].sort((a, b) => rank(a.name) - rank(b.name));
  for (const e of order) {
    const raw = await inflateEntry(bytes, e, label, inflate);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const text = utf8.decode(raw);
    if (/<!DOCTYPE|<!ENTITY/i.test(text))
      throw new XlsxRejected(`${label} 的部件 ${e.name} 含有 XML 实体声明（DOCTYPE），Excel 不会写出这样的文件，出于安全原因拒绝读取`);
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels') texts.set(e.name, text);
    if (e.name === 'xl/sharedStrings.xml') sharedStrings = true;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      if (sheetNames.size === 0) for (const [part, name] of namesOfSheets(texts)) sheetNames.set(part, name);
      const sheet = sheetNames.get(e.name) ?? e.name;
      const r = boundSheet(text, cellBudget);
      cellBudget -= r.cells;
      if (r.sharedStringCell && !needsShared) needsShared = `${sheet}!${r.sharedStringCell}`;
      if (r.notes.length) notes.set(sheet, r.notes);
      if (r.text !== text) replaced.set(e.name, encoder.encode(r.text));
    }
  }
  if (needsShared && !sharedStrings)
    throw new XlsxRejected(`${label} 缺少共享字符串表 xl/sharedStrings.xml，但 ${needsShared} 等单元格引用了它：文字无法读取，文件已损坏。请在 Excel 中打开并另存为 .xlsx 后再校验`);
  return { bytes: replaced.size ? rebuildZip(bytes, entries, replaced, label) : bytes, notes };
}

function rank(name: string): number {
  if (name === 'xl/workbook.xml') return 0;
  if (name === 'xl/_rels/workbook.xml.rels') return 1;
  return 2;
}

/** Sheet part ("xl/worksheets/sheet1.xml") → sheet name, from workbook.xml and its relationships. */
function namesOfSheets(texts: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const rels = new Map<string, string>();
  for (const m of (texts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of (texts.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? rels.get(id) : undefined;
    if (name !== undefined && part) out.set(part, unescapeXml(name));
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const map: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return map[e.toLowerCase()];
  });
}

interface Bounded {
  text: string;
  notes: ReadNote[];
  /** Cells kept. */
  cells: number;
  /** A cell of type "s" (shared string), if any. */
  sharedStringCell?: string;
}

/**
 * One worksheet's XML, bounded: rows past Excel's limit or past the read limits are cut, merges
 * clipped to the data, <col> ranges to 16,384 columns. Linear in the text; rebuilt only if cut.
 */
export function boundSheet(xml: string, cellBudget: number): Bounded {
  const notes: ReadNote[] = [];
  const parts: string[] = [];
  let copied = 0;
  const cut = (from: number, to: number): void => {
    parts.push(xml.slice(copied, from));
    copied = to;
  };
  let cells = 0;
  let dataBottom = 0;
  let dataRight = 0;
  let sharedStringCell: string | undefined;
  let invalid = 0;
  let firstInvalid = 0;
  let over = 0;
  let firstOver = 0;
  let lastRow = 0;

  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf('</sheetData>', dataStart);
  // <cols> before <sheetData>: clamp column ranges.
  const colsEnd = dataStart < 0 ? xml.length : dataStart;
  for (let p = xml.indexOf('<col ', 0); p >= 0 && p < colsEnd; p = xml.indexOf('<col ', p + 1)) {
    const end = xml.indexOf('>', p);
    if (end < 0) break;
    const tag = xml.slice(p, end + 1);
    const min = Number(/\bmin="(\d+)"/.exec(tag)?.[1] ?? 1);
    const max = Number(/\bmax="(\d+)"/.exec(tag)?.[1] ?? min);
    if (max > LIMITS.excelCols) {
      cut(p, end + 1);
      if (min <= LIMITS.excelCols) parts.push(tag.replace(/\bmax="\d+"/, `max="${LIMITS.excelCols}"`));
    }
  }

  if (dataEnd > 0) {
    let p = xml.indexOf('<row', dataStart);
    while (p >= 0 && p < dataEnd) {
      const tagEnd = xml.indexOf('>', p);
      if (tagEnd < 0) break;
      const selfClosing = xml[tagEnd - 1] === '/';
      const end = selfClosing ? tagEnd + 1 : rowEnd(xml, tagEnd, dataEnd);
      const rAttr = /\br="(\d+)"/.exec(xml.slice(p, tagEnd));
      const r = rAttr ? Number(rAttr[1]) : lastRow + 1;
      lastRow = r;
      const body = selfClosing ? '' : xml.slice(tagEnd + 1, end);
      const n = countCells(body);
      if (r > LIMITS.excelRows) {
        invalid++;
        if (!firstInvalid) firstInvalid = r;
        cut(p, end);
      } else if (over || r > LIMITS.rows || cells + n > cellBudget) {
        // Past the limits every row is cut; the first one with cells starts the count.
        if (n > 0 || over) {
          over++;
          if (!firstOver) firstOver = r;
        }
        cut(p, end);
      } else {
        cells += n;
        if (n > 0) {
          const c = scanCells(body);
          if (c.right > 0) {
            dataBottom = Math.max(dataBottom, r);
            dataRight = Math.max(dataRight, c.right);
          }
          if (c.shared && !sharedStringCell) sharedStringCell = c.shared;
        }
      }
      p = xml.indexOf('<row', end);
    }
  }
  if (invalid) notes.push({ kind: 'rows-invalid', cell: `A${LIMITS.excelRows}`, count: invalid, detail: String(firstInvalid) });
  if (over) notes.push({ kind: 'rows-cut', cell: `A${firstOver}`, count: over, detail: String(firstOver) });

  // Merges: clipped to the rows and columns that hold data; dropped when nothing of them is left.
  const mergeStart = xml.indexOf('<mergeCells', dataEnd < 0 ? 0 : dataEnd);
  if (mergeStart >= 0) {
    const mergeEnd = xml.indexOf('</mergeCells>', mergeStart);
    let clipped = 0;
    let first = '';
    let area = 0;
    const limit = mergeEnd < 0 ? xml.length : mergeEnd;
    for (let p = xml.indexOf('<mergeCell ', mergeStart); p >= 0 && p < limit; p = xml.indexOf('<mergeCell ', p + 1)) {
      const end = xml.indexOf('>', p);
      if (end < 0) break;
      const ref = /\bref="([^"]*)"/.exec(xml.slice(p, end))?.[1] ?? '';
      const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
      if (!m) continue;
      const top = Number(m[2]);
      const left = colNumber(m[1]);
      const bottom = Math.min(Number(m[4] ?? m[2]), Math.max(dataBottom, top));
      const right = Math.min(m[3] ? colNumber(m[3]) : left, Math.max(dataRight, left));
      const keep = top <= dataBottom && left <= dataRight && (bottom > top || right > left) && area + (bottom - top + 1) * (right - left + 1) <= LIMITS.mergeCells;
      const same = keep && bottom === Number(m[4] ?? m[2]) && right === (m[3] ? colNumber(m[3]) : left);
      if (same) {
        area += (bottom - top + 1) * (right - left + 1);
        continue;
      }
      clipped++;
      if (!first) first = ref;
      cut(p, end + 1);
      if (keep) {
        area += (bottom - top + 1) * (right - left + 1);
        parts.push(`<mergeCell ref="${a1(top, left)}:${a1(bottom, right)}"/>`);
      }
    }
    if (clipped) notes.push({ kind: 'merges-clipped', cell: first.split(':')[0], count: clipped, detail: first });
  }
  if (!parts.length) return { text: xml, notes, cells, sharedStringCell };
  parts.push(xml.slice(copied));
  return { text: parts.join(''), notes, cells, sharedStringCell };
}

/** End (exclusive) of the row whose start tag ends at `tagEnd`. */
function rowEnd(xml: string, tagEnd: number, limit: number): number {
  const close = xml.indexOf('</row>', tagEnd);
  return close < 0 || close > limit ? limit : close + 6;
}

function countCells(body: string): number {
  let n = 0;
  for (let p = body.indexOf('<c'); p >= 0; p = body.indexOf('<c', p + 2)) {
    const ch = body[p + 2];
    if (ch === ' ' || ch === '>' || ch === '/' || ch === '\t' || ch === '\n' || ch === '\r') n++;
  }
  return n;
}

/** The last column holding content in a row, and a shared-string cell if any. */
function scanCells(body: string): { right: number; shared?: string } {
  let right = 0;
  let shared: string | undefined;
  const re = /<c\b([^>]*?)(\/?)>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2] === '/') continue;
    const ref = /\br="([A-Z]{1,3})(\d+)"/.exec(m[1]);
    const col = ref ? colNumber(ref[1]) : right + 1;
    if (col > right) right = Math.min(col, LIMITS.excelCols);
    if (!shared && /\bt="s"/.test(m[1])) shared = ref ? ref[1] + ref[2] : `${columnLetter(col)}?`;
  }
  return { right, shared };
}

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

// ---------------------------------------------------------------- zip writing

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
  offset: number;
}

/** A new zip: the replaced parts stored uncompressed, the others copied as they were compressed. */
export function rebuildZip(bytes: Uint8Array, entries: ZipEntry[], replaced: Map<string, Uint8Array>, label = '文件'): Uint8Array {
  const enc = new TextEncoder();
  const written: Written[] = [];
  let offset = 0;
  for (const e of entries) {
    const fresh = replaced.get(e.name);
    const data = fresh ?? dataOf(bytes, e, label);
    const w: Written = {
      name: enc.encode(e.name),
      method: fresh ? 0 : e.method,
      crc: fresh ? crc32(fresh) : e.crc,
      compressedSize: data.length,
      size: fresh ? fresh.length : e.size,
      data,
      offset,
    };
    written.push(w);
    offset += 30 + w.name.length + data.length;
  }
  const dirSize = written.reduce((n, w) => n + 46 + w.name.length, 0);
  const out = new Uint8Array(offset + dirSize + 22);
  const v = new DataView(out.buffer);
  let p = 0;
  for (const w of written) {
    v.setUint32(p, 0x04034b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 0x0800, true);
    v.setUint16(p + 8, w.method, true);
    v.setUint32(p + 14, w.crc, true);
    v.setUint32(p + 18, w.compressedSize, true);
    v.setUint32(p + 22, w.size, true);
    v.setUint16(p + 26, w.name.length, true);
    out.set(w.name, p + 30);
    out.set(w.data, p + 30 + w.name.length);
    p += 30 + w.name.length + w.data.length;
  }
  const dirOffset = p;
  for (const w of written) {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, 0x0800, true);
    v.setUint16(p + 10, w.method, true);
    v.setUint32(p + 16, w.crc, true);
    v.setUint32(p + 20, w.compressedSize, true);
    v.setUint32(p + 24, w.size, true);
    v.setUint16(p + 28, w.name.length, true);
    v.setUint32(p + 42, w.offset, true);
    out.set(w.name, p + 46);
    p += 46 + w.name.length;
  }
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, written.length, true);
  v.setUint16(p + 10, written.length, true);
  v.setUint32(p + 12, dirSize, true);
  v.setUint32(p + 16, dirOffset, true);
  return out;
}

/** DecompressionStream when this browser has it (Chromium 103+, Safari 16.4+), else undefined. */
export function browserInflate(): Inflate | undefined {
  return typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream === 'function' ? streamInflate : undefined;
}

/** Inflater for browsers (and Node ≥ 18): DecompressionStream, stopped as soon as it passes `size`. */
export const streamInflate: Inflate = async (data, size) => {
  const DS = (globalThis as unknown as { DecompressionStream?: new (f: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!DS) throw new Error('DecompressionStream unavailable');
  const stream = new Blob([data] as unknown as ConstructorParameters<typeof Blob>[0]).stream().pipeThrough(new DS('deflate-raw'));
  const reader = stream.getReader();
  const out = new Uint8Array(size);
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > size) {
      await reader.cancel();
      throw new Error('larger than declared');
    }
    out.set(value, n);
    n += value.length;
  }
  return n === size ? out : out.subarray(0, n);
};
