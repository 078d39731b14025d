/** Reads an .xlsx from disk into SheetGrid[]; turns every way a file can be unreadable into one Chinese sentence. */
import fs from 'fs';
import zlib from 'zlib';
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/grid';
import { workbookToGrids } from '../io/workbook-to-grids';
import { guardXlsx, XlsxRejected, type Inflate } from '../io/xlsx-guard';

export class UnreadableFileError extends Error {}

/** Node's zlib, stopped at the declared size (a part that inflates beyond it is refused). */
const nodeInflate: Inflate = (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });

export async function readXlsxFile(file: string): Promise<SheetGrid[]> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError(`找不到文件：${file}`);
    if (code === 'EISDIR') throw new UnreadableFileError(`${file} 是一个文件夹，不是 Excel 工作簿`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new UnreadableFileError(`${file} 太大（超过 2 GB），不是可校验的预算公开工作簿`);
    throw new UnreadableFileError(`无法打开文件 ${file}：${(e as Error).message}`);
  }
  return readXlsxBytes(bytes, file);
}

export async function readXlsxBytes(bytes: Uint8Array, label = '文件'): Promise<SheetGrid[]> {
  let guarded;
  try {
    guarded = await guardXlsx(bytes, label, nodeInflate);
  } catch (e) {
    if (e instanceof XlsxRejected) throw new UnreadableFileError(e.message);
    throw new UnreadableFileError(`${label} 无法读取（${String((e as Error).message).slice(0, 80)}）`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(guarded.bytes.buffer, guarded.bytes.byteOffset, guarded.bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`${label} 已损坏或不是有效的 .xlsx 工作簿（${String((e as Error).message).slice(0, 80)}）`);
  }
  let grids: SheetGrid[];
  try {
    grids = workbookToGrids(wb);
  } catch (e) {
    throw new UnreadableFileError(`${label} 的内容无法读取（${String((e as Error).message).slice(0, 80)}）`);
  }
  // What the guard cut before ExcelJS saw the file, reported with the sheet's own notes.
  for (const g of grids) {
    const cut = guarded.notes.get(g.name);
    if (cut) g.readNotes = [...cut, ...(g.readNotes ?? [])];
  }
  return grids;
}
