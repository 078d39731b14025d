/**
 * Reads the user's 情况说明 for checking — .docx (with mammoth, text only), .md or .txt (UTF-8,
 * UTF-16 or GB18030 as Windows Notepad saves it) — into paragraphs. Read only: the document is
 * never written. Works in Node (the command line) and in the browser (the task pane).
 */
export class NarrativeReadError extends Error {}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

export async function readNarrativeBytes(bytes: Uint8Array, name: string): Promise<string[]> {
  const ext = (/\.([^.\\/]+)$/.exec(name)?.[1] ?? '').toLowerCase();
  if (bytes.length === 0) throw new NarrativeReadError(`${name} 是空文件`);
  if (startsWith(bytes, OLE)) throw new NarrativeReadError(`${name} 是旧版 .doc（或已加密）：请在 Word 中另存为 .docx 后再校对`);
  if (ext === 'docx' || startsWith(bytes, ZIP)) {
    if (!startsWith(bytes, ZIP)) throw new NarrativeReadError(`${name} 不是有效的 .docx 文件`);
    return docxParagraphs(bytes, name);
  }
  if (ext && !['md', 'txt', 'markdown', 'text'].includes(ext)) {
    throw new NarrativeReadError(`${name}：只能校对 .docx、.md 或 .txt 格式的情况说明`);
  }
  return splitParagraphs(decodeText(bytes));
}

async function docxParagraphs(bytes: Uint8Array, name: string): Promise<string[]> {
  const mammoth = await import('mammoth');
  const lib = (mammoth as unknown as { default?: typeof mammoth }).default ?? mammoth;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Node reads `buffer`, the browser build `arrayBuffer`.
  const input = { arrayBuffer, buffer: typeof Buffer !== 'undefined' ? Buffer.from(arrayBuffer) : undefined } as unknown as Parameters<typeof lib.extractRawText>[0];
  let text: string;
  try {
    text = (await lib.extractRawText(input)).value;
  } catch (e) {
    throw new NarrativeReadError(`${name} 已损坏或不是 Word 文档（${String((e as Error).message).slice(0, 80)}）`);
  }
  const paras = splitParagraphs(text);
  if (!paras.length) throw new NarrativeReadError(`${name} 中没有文字`);
  return paras;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Chinese Windows' “ANSI”). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
