/**
 * Minimal .xlsx / zip builder for hostile-file tests: parts by name, deflated or stored, with the
 * declared sizes optionally forged (to test a size that lies). No dependency beyond Node's zlib.
 */
import zlib from 'zlib';
import { crc32, readZipDirectory } from '../../src/io/xlsx-guard';

export interface Part {
  name: string;
  data: string | Uint8Array;
  /** Store uncompressed (default: deflate). */
  stored?: boolean;
  /** Uncompressed size to declare instead of the real one. */
  declaredSize?: number;
}

export function makeZip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const data = p.stored ? raw : zlib.deflateRawSync(raw);
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(p.stored ? 0 : 8, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    locals.push(h, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(p.stored ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    dir.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const dirBuf = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows). */
  rows: string;
  /** Extra XML after </sheetData> (e.g. <mergeCells>), and before <sheetData> (e.g. <dimension>, <cols>). */
  after?: string;
  before?: string;
  state?: 'hidden';
}

/** The parts of a small valid workbook, one per sheet; sharedStrings only when given. */
export function workbookParts(sheets: SheetSpec[], sharedStrings?: string[]): Part[] {
  const parts: Part[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${REL_NS}><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        (sharedStrings ? `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${REL_NS}>${s.before ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    })),
  ];
  if (sharedStrings)
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    });
  return parts;
}

/** An inline-string cell and a number cell. */
export const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, n: number): string => `<c r="${ref}"><v>${n}</v></c>`;

/** All parts of a zip, inflated (for editing a real workbook at the part level). */
export function readParts(bytes: Buffer): Part[] {
  return readZipDirectory(new Uint8Array(bytes)).map((e) => {
    const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
    const raw = bytes.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? raw : zlib.inflateRawSync(raw) };
  });
}

/** A real workbook's parts with one more worksheet (last), whose <sheetData> is `rows`. */
export function withExtraSheet(parts: Part[], name: string, rows: string): Part[] {
  const text = (p: Part): string => (typeof p.data === 'string' ? p.data : Buffer.from(p.data).toString('utf8'));
  const edit = (part: string, f: (s: string) => string): void => {
    const p = parts.find((x) => x.name === part)!;
    p.data = f(text(p));
  };
  const file = 'xl/worksheets/extra-sheet.xml';
  edit('xl/workbook.xml', (s) => s.replace('</sheets>', `<sheet name="${name}" sheetId="999" r:id="rIdExtra"/></sheets>`));
  edit('xl/_rels/workbook.xml.rels', (s) => s.replace('</Relationships>', `<Relationship Id="rIdExtra" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/extra-sheet.xml"/></Relationships>`));
  edit('[Content_Types].xml', (s) => s.replace('</Types>', `<Override PartName="/${file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`));
  return [...parts, { name: file, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${REL_NS}><sheetData>${rows}</sheetData></worksheet>` }];
}
