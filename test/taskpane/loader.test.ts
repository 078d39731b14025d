/**
 * @jest-environment jsdom
 *
 * The ES5 loader (src/loader/loader.js): it must parse as ES5 (it runs in Internet Explorer 11),
 * show the Chinese message where the bundle cannot run, and otherwise load the bundle it lists.
 * Chromium runs the built pages in test/browser/preview.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'acorn';

const SOURCE = fs.readFileSync(path.resolve(__dirname, '../../src/loader/loader.js'), 'utf8');
type Win = Record<string, unknown>;
const FEATURES = ['Worker', 'ResizeObserver', 'fetch', 'TextDecoder'];

function page(): void {
  document.body.innerHTML = '<div id="root"></div><script id="budget-loader" data-bundle="taskpane.1234.js extra.js"></script>';
}

function runLoader(): void {
  new Function(SOURCE)();
}

describe('the webview loader', () => {
  const w = window as unknown as Win;
  const saved: Win = {};
  beforeEach(() => {
    // jsdom lacks a few things every supported webview has; lend them for the "supported" case.
    for (const f of FEATURES) {
      saved[f] = w[f];
      w[f] ??= function Stub(): void {};
    }
    page();
  });
  afterEach(() => {
    for (const f of FEATURES) w[f] = saved[f];
    document.body.innerHTML = '';
  });

  test('is plain ES5 (no let/const, arrows, classes outside the probe string)', () => {
    expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  test('loads the listed bundle, in order, where the webview is current', () => {
    runLoader();
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).getAttribute('src'));
    expect(scripts).toEqual(['taskpane.1234.js', 'extra.js']);
    expect(document.getElementById('budget-unsupported')).toBeNull();
  });

  test.each(['Proxy', 'Promise', 'Symbol', 'Worker', 'fetch'])('without %s: the Chinese message, no bundle', (feature) => {
    const keep = w[feature];
    delete w[feature];
    try {
      runLoader();
    } finally {
      w[feature] = keep;
    }
    const box = document.getElementById('budget-unsupported');
    expect(box?.textContent).toContain('此版本的 Office 无法显示本加载项');
    expect(box?.textContent).toContain('Excel 2019 及更早版本不受支持');
    expect(document.querySelectorAll('script[src]').length).toBe(0);
  });

  test('Internet Explorer (document.documentMode) and Edge Legacy (EdgeHTML user agent) get the message', () => {
    Object.defineProperty(document, 'documentMode', { value: 11, configurable: true });
    runLoader();
    expect(document.getElementById('budget-unsupported')).not.toBeNull();
    delete (document as unknown as Win).documentMode;

    page();
    const ua = jest.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041');
    runLoader();
    ua.mockRestore();
    expect(document.getElementById('budget-unsupported')?.textContent).toContain('旧版');
    expect(document.querySelectorAll('script[src]').length).toBe(0);
  });

  test('a bundle that fails to load gives a message instead of a blank pane', () => {
    runLoader();
    const first = document.querySelector('script[src]') as HTMLScriptElement;
    first.dispatchEvent(new Event('error'));
    expect(document.getElementById('budget-unsupported')?.textContent).toContain('加载项没有加载成功');
  });
});
