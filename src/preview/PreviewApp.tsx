/**
 * The browser preview: the real task pane beside a rendering of a workbook held by the fake Excel
 * host. Opens the bundled sample by default, or an .xlsx the user picks; nothing leaves the page.
 */
import * as React from 'react';
import { App } from '../taskpane/App';
import { createPaneHost } from '../taskpane/host';
import { ExcelAdapter } from '../excel/adapter';
import { FakeExcelHost } from '../excel/fake/context';
import type { FakeWorkbook } from '../excel/fake/workbook';
import type { OpenProgress } from './open';
import { pacer, readWorkbook } from './open';
import { SheetView } from './SheetView';

export const SAMPLE_URL = 'sample.xlsx';
export const SAMPLE_NAME = '示例-部门预算.xlsx';

type Loaded = { book: FakeWorkbook; name: string; id: number };

let loads = 0;

async function openBytes(bytes: ArrayBuffer, name: string, onProgress: OpenProgress): Promise<Loaded> {
  const head = new Uint8Array(bytes.slice(0, 4));
  if (bytes.byteLength === 0) throw new Error(`「${name}」是空文件，不是 Excel 工作簿。`);
  if (head[0] === 0xd0 && head[1] === 0xcf) throw new Error(`「${name}」已加密或是旧版 .xls 格式：请在 Excel 中取消密码保护并另存为 .xlsx。`);
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new Error(`「${name}」不是 .xlsx 工作簿。`);
  try {
    return { book: await readWorkbook(bytes, onProgress), name, id: ++loads };
  } catch (e) {
    throw new Error(`「${name}」已损坏或不是有效的 .xlsx 工作簿（${String((e as Error).message).slice(0, 80)}）。`);
  }
}

export function PreviewApp(): React.ReactElement {
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [loading, setLoading] = React.useState<string | null>(SAMPLE_NAME);
  const [progress, setProgress] = React.useState<string>('');
  const [error, setError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);

  const open = async (get: () => Promise<ArrayBuffer>, name: string): Promise<void> => {
    setLoading(name);
    setProgress('');
    setError(null);
    try {
      setLoaded(await openBytes(await get(), name, setProgress));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(null);
    }
  };

  const openSample = (): Promise<void> =>
    open(async () => {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(`找不到示例工作簿（${res.status}）。`);
      return res.arrayBuffer();
    }, SAMPLE_NAME);

  React.useEffect(() => {
    void openSample();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const host = React.useMemo(() => {
    if (!loaded) return null;
    const fake = new FakeExcelHost(loaded.book);
    fake.pace = pacer();
    return createPaneHost(new ExcelAdapter(fake.run, { mergedAreas: true }), 'preview', () => loaded.name);
  }, [loaded]);

  return (
    <div className="preview">
      <header className="bar">
        <strong className="bar-title">预算公开表校验助手</strong>
        <span className="bar-sub">浏览器预览 · 数据只在本页面中处理，不会上传</span>
        <span className="bar-file" data-testid="file-name">{loaded ? loaded.name : ''}</span>
        <button type="button" className="bar-btn" onClick={() => input.current?.click()}>
          打开 .xlsx…
        </button>
        <button type="button" className="bar-btn" onClick={() => void openSample()}>
          示例工作簿
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void open(() => f.arrayBuffer(), f.name);
          }}
        />
      </header>
      <div className="split">
        <section className="book" aria-label="工作簿">
          {error && <div className="notice notice-error" role="alert">{error}</div>}
          {loading && (
            <div className="notice" role="status" data-testid="opening">
              正在打开「{loading}」… {progress}
            </div>
          )}
          {loaded && <SheetView book={loaded.book} />}
          <div className="hint">双击单元格可修改数值，修改后在右侧点「重新校验」。</div>
        </section>
        <aside className="pane" aria-label="任务窗格">
          <App key={loaded?.id ?? 0} host={host} status={host ? 'ready' : 'connecting'} detail={host ? undefined : error ? '请打开一个 .xlsx 工作簿。' : '正在打开工作簿…'} />
        </aside>
      </div>
    </div>
  );
}
