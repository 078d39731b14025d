/**
 * The core worker: recognition, rules, narrative and (in the preview) reading an .xlsx run here, so
 * the task pane stays responsive on large workbooks. Office.js is never touched here: the page reads
 * Excel and sends the snapshot.
 */
import type { SheetGrid } from '../core/grid';
import { transferables } from '../preview/book-transfer';
import type { GridPart, WorkReply, WorkRequest } from './protocol';
import { joinGrids } from './protocol';
import { checkTask, narrativeCheckTask, narrativeTask, paramsTask } from './tasks';
import type { WorkStage } from './tasks';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkRequest>) => void) | null;
  postMessage(message: WorkReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
/** Grid slices received for a request, until its command arrives. */
const received = new Map<number, GridPart[]>();

function reply(m: WorkReply): void {
  scope.postMessage(m);
}

function takeGrids(id: number): SheetGrid[] {
  const parts = received.get(id) ?? [];
  received.delete(id);
  return joinGrids(parts);
}

async function handle(req: WorkRequest): Promise<void> {
  const stage = (s: WorkStage): void => reply({ id: req.id, type: 'stage', stage: s });
  switch (req.type) {
    case 'grids': {
      const list = received.get(req.id) ?? [];
      list.push(req.part);
      received.set(req.id, list);
      return;
    }
    case 'check':
      reply({ id: req.id, type: 'done', result: checkTask(takeGrids(req.id), req.file, stage) });
      return;
    case 'narrative':
      reply({ id: req.id, type: 'done', result: narrativeTask(takeGrids(req.id), stage) });
      return;
    case 'params':
      reply({ id: req.id, type: 'done', result: paramsTask(takeGrids(req.id), stage) });
      return;
    case 'narrative-check':
      reply({ id: req.id, type: 'done', result: narrativeCheckTask(takeGrids(req.id), req.source, stage) });
      return;
    case 'open': {
      const { openTask } = await import(/* webpackChunkName: "xlsx-reader" */ '../preview/open-task');
      await openTask(req.bytes, (s) => reply({ id: req.id, type: 'stage', stage: s }), (part) => scope.postMessage({ id: req.id, type: 'part', part }, transferables(part)));
      reply({ id: req.id, type: 'done', result: null });
      return;
    }
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  handle(req).catch((err: unknown) => {
    received.delete(req.id);
    const message = err instanceof Error ? err.message : String(err);
    reply({ id: req.id, type: 'error', message: /call stack|out of memory|allocation failed/i.test(message) ? `工作簿太大，无法在本机处理（${message}）` : message });
  });
};
