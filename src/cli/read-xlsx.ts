/** Reads an .xlsx from disk into SheetGrid[]; turns every way a file can be unreadable into one Chinese sentence. */
import fs from 'fs';
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/grid';
import { workbookToGrids } from '../io/workbook-to-grids';

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function readXlsxFile(file: string): Promise<SheetGrid[]> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError(`找不到文件：${file}`);
    if (code === 'EISDIR') throw new UnreadableFileError(`${file} 是一个文件夹，不是 Excel 工作簿`);
    throw new UnreadableFileError(`无法打开文件 ${file}：${(e as Error).message}`);
  }
  return readXlsxBytes(bytes, file);
}

export async function readXlsxBytes(bytes: Buffer, label = '文件'): Promise<SheetGrid[]> {
  if (bytes.length === 0) throw new UnreadableFileError(`${label} 是空文件，不是 Excel 工作簿`);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnreadableFileError(`${label} 已加密或是旧版 .xls 格式：请在 Excel 中取消密码保护并另存为 .xlsx 后再校验`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new UnreadableFileError(`${label} 不是 .xlsx 工作簿（文件内容不是 Excel 格式）`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`${label} 已损坏或不是有效的 .xlsx 工作簿（${String((e as Error).message).slice(0, 80)}）`);
  }
  try {
    return workbookToGrids(wb);
  } catch (e) {
    throw new UnreadableFileError(`${label} 的内容无法读取（${String((e as Error).message).slice(0, 80)}）`);
  }
}

function startsWith(b: Buffer, magic: number[]): boolean {
  return magic.every((m, i) => b[i] === m);
}
