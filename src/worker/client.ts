/**
 * The page's side of the core worker. `coreWork()` runs recognition, rules and narrative in the
 * worker; where Worker is missing (jsdom tests) or fails to start, the same tasks run on the page
 * (loaded as the "core" chunk), so the pane works either way — only less smoothly.
 */
import type { SheetGrid } from '../core/grid';
import { loadCore } from '../taskpane/core';
import type { BookPart } from '../preview/book-transfer';
import type { OpenStage, WorkReply, WorkRequest } from './protocol';
import { splitGrids } from './protocol';
import type { CheckTaskResult, NarrativeCheckTaskResult, NarrativeSource, NarrativeTaskResult, ParamsTaskResult, WorkStage } from './tasks';

export interface CoreWork {
  check(grids: SheetGrid[], file: string, onStage?: (s: WorkStage) => void): Promise<CheckTaskResult>;
  narrative(grids: SheetGrid[], onStage?: (s: WorkStage) => void): Promise<NarrativeTaskResult>;
  params(grids: SheetGrid[], onStage?: (s: WorkStage) => void): Promise<ParamsTaskResult>;
  narrativeCheck(grids: SheetGrid[], source: NarrativeSource, onStage?: (s: WorkStage) => void): Promise<NarrativeCheckTaskResult>;
}

/** The worker could not be started or died; the caller runs the task on the page instead. */
export class WorkerUnavailable extends Error {}

/** A request without its id (distributes over the union, unlike Omit). */
type Command = WorkRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

type Listener = { onStage?: (s: WorkStage | OpenStage) => void; onPart?: (p: BookPart) => void; resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One worker per page, started on first use. */
export class WorkerLink {
  private next = 1;
  private pending = new Map<number, Listener>();
  private broken = false;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkReply>) => this.receive(e.data);
    // A failed script load or a crash (e.g. out of memory) arrives here, without a request id.
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.fail(new WorkerUnavailable(e.message || '后台计算线程无法启动'));
    };
  }

  get usable(): boolean {
    return !this.broken;
  }

  /** Send grid slices (yielding to the page between them), then the command. */
  async call<T>(req: Command, opts: { grids?: SheetGrid[]; onStage?: Listener['onStage']; onPart?: Listener['onPart']; transfer?: Transferable[] } = {}): Promise<T> {
    if (this.broken) throw new WorkerUnavailable('后台计算线程不可用');
    const id = this.next++;
    const done = new Promise<T>((resolve, reject) => this.pending.set(id, { onStage: opts.onStage, onPart: opts.onPart, resolve: resolve as (v: unknown) => void, reject }));
    if (opts.grids) {
      let sent = 0;
      for (const part of splitGrids(opts.grids)) {
        this.worker.postMessage({ id, type: 'grids', part } satisfies WorkRequest);
        sent += part.grid.values.length * (part.grid.values[0]?.length ?? 1);
        if (sent > 50_000) {
          sent = 0;
          await macrotask();
        }
      }
    }
    this.worker.postMessage({ ...req, id } as WorkRequest, opts.transfer ?? []);
    return done;
  }

  private receive(m: WorkReply): void {
    const l = this.pending.get(m.id);
    if (!l) return;
    if (m.type === 'stage') l.onStage?.(m.stage);
    else if (m.type === 'part') l.onPart?.(m.part);
    else {
      this.pending.delete(m.id);
      if (m.type === 'done') l.resolve(m.result);
      else l.reject(new Error(m.message));
    }
  }

  private fail(e: Error): void {
    this.broken = true;
    for (const l of this.pending.values()) l.reject(e);
    this.pending.clear();
    this.worker.terminate();
  }
}

/** A turn of the event loop: lets the page paint and handle input between slices of work. */
export function macrotask(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

let link: Promise<WorkerLink | null> | null = null;

/** The page's worker, or null where workers are not available. */
export function workerLink(): Promise<WorkerLink | null> {
  link ??= (async () => {
    if (typeof Worker === 'undefined') return null;
    try {
      const { spawnCoreWorker } = await import(/* webpackMode: "eager" */ './spawn');
      return new WorkerLink(spawnCoreWorker());
    } catch {
      return null;
    }
  })();
  return link.then((l) => (l && l.usable ? l : null));
}

/** Run in the worker when there is one; on the page otherwise (or when the worker fails to start). */
async function either<T>(inWorker: (l: WorkerLink) => Promise<T>, onPage: () => Promise<T>): Promise<T> {
  const l = await workerLink();
  if (l) {
    try {
      return await inWorker(l);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  return onPage();
}

export function coreWork(): CoreWork {
  return {
    check: (grids, file, onStage) =>
      either(
        (l) => l.call<CheckTaskResult>({ type: 'check', file }, { grids, onStage: onStage as Listener['onStage'] }),
        async () => (await loadCore()).checkTask(grids, file, onStage),
      ),
    narrative: (grids, onStage) =>
      either(
        (l) => l.call<NarrativeTaskResult>({ type: 'narrative' }, { grids, onStage: onStage as Listener['onStage'] }),
        async () => (await loadCore()).narrativeTask(grids, onStage),
      ),
    params: (grids, onStage) =>
      either(
        (l) => l.call<ParamsTaskResult>({ type: 'params' }, { grids, onStage: onStage as Listener['onStage'] }),
        async () => (await loadCore()).paramsTask(grids, onStage),
      ),
    narrativeCheck: (grids, source, onStage) =>
      either(
        (l) => l.call<NarrativeCheckTaskResult>({ type: 'narrative-check', source }, { grids, onStage: onStage as Listener['onStage'] }),
        async () => (await loadCore()).narrativeCheckTask(grids, source, onStage),
      ),
  };
}
