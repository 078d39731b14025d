/**
 * Task pane entry. Renders at once — also when office.js is missing (opened outside Office or
 * offline) — and switches to the Excel host when Office.onReady reports Excel.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ExcelAdapter } from '../excel/adapter';
import type { AppProps } from './App';
import { App } from './App';
import { createPaneHost } from './host';

const root = createRoot(document.getElementById('root')!);
const render = (props: AppProps): void => root.render(<App {...props} />);

function fileName(): string {
  const url = typeof Office !== 'undefined' ? Office.context?.document?.url ?? '' : '';
  const base = url.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

function start(): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    render({ host: null, status: 'no-office' });
    return;
  }
  render({ host: null, status: 'connecting' });
  // Outside an Office host onReady still resolves (host null); if it never does, say so after a while.
  const timer = window.setTimeout(() => render({ host: null, status: 'no-office', detail: 'Office 没有响应。' }), 15000);
  void Office.onReady((info) => {
    window.clearTimeout(timer);
    if (info.host !== Office.HostType.Excel) {
      render({ host: null, status: 'no-office' });
      return;
    }
    const req = Office.context.requirements;
    if (!req.isSetSupported('ExcelApi', '1.9')) {
      render({ host: null, status: 'unsupported', detail: '缺少 ExcelApi 1.9' });
      return;
    }
    const adapter = new ExcelAdapter((batch) => Excel.run(batch), { mergedAreas: req.isSetSupported('ExcelApi', '1.13') });
    // Only Excel on the web is a real browser that may let the pane download the .docx (see download.ts).
    const downloads = Office.context.platform === Office.PlatformType.OfficeOnline ? 'maybe' : 'no';
    render({ host: createPaneHost(adapter, 'excel', fileName, { downloads }), status: 'ready' });
  });
}

start();
