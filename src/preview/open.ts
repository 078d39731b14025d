/**
 * Opening an .xlsx in the preview: ExcelJS parses it in the core worker and the workbook comes back
 * in parts (book-transfer.ts), each rebuilt in its own turn of the page's event loop. Without a
 * worker the file is parsed on the page.
 */
import type { FakeWorkbook } from '../excel/fake/workbook';
import { macrotask, workerLink, WorkerUnavailable } from '../worker/client';
import { BookDecoder } from './book-transfer';

export type OpenProgress = (message: string) => void;

export async function readWorkbook(bytes: ArrayBuffer, onProgress: OpenProgress = () => undefined): Promise<FakeWorkbook> {
  const link = await workerLink();
  if (link) {
    try {
      const decoder = new BookDecoder();
      await link.call<null>(
        // A copy, not a transfer: the bytes are still needed if the worker fails and the page parses them.
        { type: 'open', bytes },
        {
          onStage: (s) => onProgress(s === 'parse' ? '读取：解析工作簿…' : '读取：载入单元格…'),
          onPart: (part) => {
            decoder.apply(part);
            if (part.kind === 'cells' && decoder.expected > 0) onProgress(`读取：载入单元格 ${Math.floor((100 * decoder.received) / decoder.expected)}%…`);
          },
        },
      );
      return decoder.book;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  onProgress('读取：解析工作簿…');
  await macrotask();
  const { loadFakeWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ '../excel/fake/from-xlsx');
  return loadFakeWorkbook(bytes);
}

/** Give the page a turn whenever the fake Excel host has worked for `budgetMs` without one. */
export function pacer(budgetMs = 16): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await macrotask();
    since = now();
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
