/** Worker side of opening an .xlsx in the preview: parse with ExcelJS, then send the workbook in parts. */
import { loadFakeWorkbook } from '../excel/fake/from-xlsx';
import type { OpenStage } from '../worker/protocol';
import type { BookPart } from './book-transfer';
import { encodeBook } from './book-transfer';

export async function openTask(bytes: ArrayBuffer, onStage: (s: OpenStage) => void, send: (part: BookPart) => void): Promise<void> {
  onStage('parse');
  const book = await loadFakeWorkbook(bytes);
  onStage('transfer');
  for (const part of encodeBook(book)) send(part);
}
