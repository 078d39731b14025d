/**
 * The browser preview in real Chromium: build the pages, serve them on 127.0.0.1, open a fixture
 * with a known defect, run 校验, click the finding, see its cell selected and coloured, clear,
 * see the original fill back. `npm run screenshots` runs it with BUDGET_CHECK_SCREENSHOTS=docs to
 * refresh the README's pictures; a plain test run writes nothing into the repository.
 *
 * Also: the ES5 loader's message where the webview lacks what the bundle needs; the large fixture
 * opened and checked with no main-thread task over 100 ms (the core runs in a Web Worker); a
 * workbook with an extra 200,000-row sheet opened and checked; the narrative copied as rich text.
 *
 * Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH); without it the tests are listed as not run.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumTool, describeWith } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.resolve(ROOT, 'test/fixtures');
const CHROMIUM = chromiumTool.path!;
/** Where to save the README's screenshots; unset in test runs, so no tracked file changes. */
const SCREENSHOTS = process.env.BUDGET_CHECK_SCREENSHOTS;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Mutant {
  file: string;
  old: number | string | null;
  expect: string;
  kind: string;
  sheet: string;
  cell: string;
  implicated: { sheet: string; cell: string }[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as { mutants: Mutant[] };
/** The first defect of the visible set that changes one amount (so its cell is the one to look at). */
const mutant = manifest.mutants.find((m) => m.expect === 'error' && m.kind === 'detail-amount')!;

describeWith(chromiumTool, 'the preview and the task pane in Chromium', () => {
  let outDir: string;
  let server: ChildProcess;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  /** Temp folders made by the tests (the 200,000-row workbook). */
  const temps: string[] = [];

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-preview-'));
    const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outDir=${outDir}`], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`webpack build failed:\n${build.stdout}\n${build.stderr}`);

    server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), outDir, '0'], { cwd: ROOT });
    baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.on('exit', (code) => reject(new Error(`static server exited (${code})`)));
    });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  /** Computed background colour of a cell of the grid on the active sheet. */
  async function cellBackground(cell: string): Promise<string> {
    const loc = page.locator(`[data-testid=grid] .cell[data-addr="${cell}"]`);
    if ((await loc.count()) === 0) return 'rgba(0, 0, 0, 0)'; // not drawn: an empty, unformatted cell
    return loc.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  async function showSheet(name: string): Promise<void> {
    await page.locator('[data-testid=sheet-tab]', { hasText: name }).first().click();
    await page.locator(`[data-testid=grid][data-sheet="${name}"]`).waitFor();
  }

  test(`校验 ${mutant.file} in the preview: finding, go to cell, highlight, clear`, async () => {
    await page.goto(baseUrl);
    // The bundled sample opens by default.
    await page.getByTestId('file-name').filter({ hasText: '.xlsx' }).waitFor();
    await page.getByTestId('validate').waitFor();

    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, mutant.file));
    await page.getByTestId('file-name').filter({ hasText: mutant.file }).waitFor();
    await page.getByTestId('validate').waitFor();

    // Each candidate cell's fill before anything is marked.
    const candidates = [{ sheet: mutant.sheet, cell: mutant.cell }, ...mutant.implicated];
    await showSheet(mutant.sheet);
    const before = new Map<string, string>();
    for (const c of candidates.filter((c) => c.sheet === mutant.sheet)) before.set(c.cell, await cellBackground(c.cell));

    await page.getByTestId('validate').click();
    await page.getByTestId('summary').waitFor({ timeout: 60_000 });
    const errors = Number(await page.getByTestId('count-error').locator('span').first().innerText());
    expect(errors).toBeGreaterThan(0);

    // The finding at the mutated cell (or, failing that, at a cell the change implicates).
    const findings = page.locator(`[data-testid=finding][data-sheet="${mutant.sheet}"]`);
    let target = findings.and(page.locator(`[data-cell="${mutant.cell}"]`)).first();
    if ((await target.count()) === 0) {
      const cells = mutant.implicated.filter((c) => c.sheet === mutant.sheet).map((c) => `[data-cell="${c.cell}"]`).join(',');
      target = findings.and(page.locator(cells)).first();
    }
    await expect(target.count()).resolves.toBeGreaterThan(0);
    const cell = (await target.getAttribute('data-cell'))!;
    const severity = (await target.getAttribute('data-severity'))!;
    expect(['error', 'warning']).toContain(severity);
    await expect(target.innerText()).resolves.toMatch(/\S/);

    // Start from another sheet, so the click must switch sheets.
    const otherTab = page.locator('[data-testid=sheet-tab]').filter({ hasNotText: mutant.sheet }).first();
    await otherTab.click();
    await target.click();
    await page.locator(`[data-testid=grid][data-sheet="${mutant.sheet}"]`).waitFor();
    await page.locator(`[data-testid=selection][data-addr="${cell}"]`).waitFor();
    const marked = await cellBackground(cell);
    expect(marked).toBe(severity === 'error' ? 'rgb(255, 199, 206)' : 'rgb(255, 235, 156)');

    if (SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, SCREENSHOTS, 'screenshot.png') });

    await page.getByTestId('clear-marks').click();
    await page.getByText(/已清除 \d+ 处标记/).waitFor();
    const restored = await cellBackground(cell);
    expect(restored).not.toBe(marked);
    if (before.has(cell)) expect(restored).toBe(before.get(cell));

    // The user puts the original amount back in the preview grid and checks again: that finding is gone.
    if (cell === mutant.cell && typeof mutant.old === 'number') {
      await page.locator(`[data-testid=grid] .cell[data-addr="${cell}"]`).dblclick();
      const editor = page.getByRole('textbox', { name: `编辑 ${cell}` });
      await editor.fill(String(mutant.old));
      await editor.press('Enter');
      await expect(page.locator(`[data-testid=grid] .cell[data-addr="${cell}"]`).innerText()).resolves.toContain(String(mutant.old));
      const run = Number(await page.getByTestId('summary').getAttribute('data-run'));
      await page.getByTestId('validate').click();
      await page.locator(`[data-testid=summary][data-run="${run + 1}"]`).waitFor();
      const still = page.locator(`[data-testid=finding][data-sheet="${mutant.sheet}"][data-cell="${cell}"][data-severity="${severity}"]`);
      await expect(still.count()).resolves.toBe(0);
    }
  }, 300_000);

  test('a file that is not an .xlsx gets a clear message', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('validate').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: '预算.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是工作簿') });
    await expect(page.getByRole('alert').innerText()).resolves.toContain('「预算.xlsx」不是 .xlsx 工作簿');
  }, 60_000);

  test('the task pane page renders a clear notice when Office is not available', async () => {
    // Block Microsoft's CDN as an offline machine would: office.js never loads.
    await page.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
    await page.goto(`${baseUrl}taskpane.html`);
    await page.getByText('未连接到 Excel').waitFor();
    await expect(page.getByRole('tab', { name: '校验' }).count()).resolves.toBe(1);
    await page.unroute('**/*');
  }, 60_000);
  /** Block Microsoft's CDN as an offline machine would (office.js never loads). */
  async function offline(p: Page): Promise<void> {
    await p.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
  }

  test('the loader shows a Chinese message, not a blank pane, where Promise/Proxy are missing or the webview is Internet Explorer', async () => {
    const cases: [string, string][] = [
      ['delete window.Proxy; delete window.Promise;', 'taskpane.html'],
      ['delete window.Proxy; delete window.Promise;', ''],
      ["Object.defineProperty(document, 'documentMode', { value: 11 });", 'taskpane.html'],
    ];
    for (const [init, url] of cases) {
      const p = await browser.newPage({ locale: 'zh-CN' });
      const scripts: string[] = [];
      p.on('request', (r) => scripts.push(r.url()));
      await offline(p);
      await p.addInitScript({ content: init });
      await p.goto(`${baseUrl}${url}`);
      const box = p.locator('#budget-unsupported');
      await box.waitFor();
      await expect(box.innerText()).resolves.toContain('此版本的 Office 无法显示本加载项');
      await expect(box.innerText()).resolves.toContain('Excel 2019 及更早版本不受支持');
      expect(await p.locator('#root').innerHTML()).toBe('');
      expect(scripts.filter((u) => /\/(taskpane|preview)\.[0-9a-f]+\.js$/.test(u))).toEqual([]);
      await p.close();
    }
    // Where everything is there the loader starts the pane and says nothing.
    const p = await browser.newPage({ locale: 'zh-CN' });
    await offline(p);
    await p.goto(`${baseUrl}taskpane.html`);
    await p.getByText('未连接到 Excel').waitFor();
    await expect(p.locator('#budget-unsupported').count()).resolves.toBe(0);
    await p.close();
  }, 120_000);

  /** Thread time (CPU) of every task of the page's main thread while `f` runs, in ms, and the wall-clock long tasks. */
  async function mainThreadTasks(p: Page, f: () => Promise<void>): Promise<{ cpu: number[]; wall: number[] }> {
    await browser.startTracing(p, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
    await f();
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[];
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
    return { cpu: tasks.map((e) => (e.tdur ?? 0) / 1000), wall: tasks.map((e) => (e.dur ?? 0) / 1000) };
  }

  test('synth-pds-large opens and validates with no main-thread task over 100 ms; the core runs in the worker; progress by stage', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.goto(baseUrl);
    await p.getByTestId('validate').waitFor();
    // Every stage label shown during the run, sampled each frame.
    await p.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { stages: Set<string> }).stages = seen;
      const look = (): void => {
        for (const el of document.querySelectorAll('[data-testid=stage], [data-testid=opening]')) seen.add(el.textContent ?? '');
        requestAnimationFrame(look);
      };
      look();
    });
    const file = path.join(FIXTURES, 'clean/synth-pds-large.xlsx');
    const open = await mainThreadTasks(p, async () => {
      await p.getByTestId('file-input').setInputFiles(file);
      await p.getByTestId('file-name').filter({ hasText: 'synth-pds-large.xlsx' }).waitFor({ timeout: 300_000 });
      await p.locator('[data-testid=grid][data-sheet^="表1"]').waitFor();
    });
    const check = await mainThreadTasks(p, async () => {
      await p.getByTestId('validate').click();
      await p.getByTestId('summary').waitFor({ timeout: 300_000 });
    });
    // CPU time, not wall-clock: on a busy machine the OS pauses the page between slices of work,
    // which stretches wall-clock tasks without the page doing more. On an idle machine they agree.
    console.log(`synth-pds-large: longest main-thread task ${Math.max(...open.cpu).toFixed(0)} ms (open), ${Math.max(...check.cpu).toFixed(0)} ms (校验) of thread time; wall-clock ${Math.max(...open.wall).toFixed(0)} / ${Math.max(...check.wall).toFixed(0)} ms`);
    expect(open.cpu.length).toBeGreaterThan(20);
    expect(check.cpu.length).toBeGreaterThan(20);
    expect(Math.max(...open.cpu)).toBeLessThanOrEqual(100);
    expect(Math.max(...check.cpu)).toBeLessThanOrEqual(100);
    expect(errors).toEqual([]);

    // The core ran in the worker: its script was fetched, the in-page fallback chunk never was.
    expect(requested.some((u) => /budget-check-core\.[0-9a-f]+\.chunk\.js$/.test(u))).toBe(true);
    expect(requested.some((u) => /\/core\.[0-9a-f]+\.chunk\.js$/.test(u))).toBe(false);
    const stages = await p.evaluate(() => [...(window as unknown as { stages: Set<string> }).stages].join('\n'));
    expect(stages).toMatch(/读取：/);
    expect(stages).toMatch(/识别：/);
    expect(stages).toMatch(/校验：/);
    await p.close();
  }, 900_000);

  test('a workbook with an extra 200,000-row sheet opens and validates in the preview', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-200k-'));
    temps.push(dir);
    const file = path.join(dir, '大工作簿-200000行.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, 'clean/synth-pds-large.xlsx'));
    const ws = wb.addWorksheet('明细数据');
    ws.addRow(['序号', '摘要', '科目编码', '金额']);
    for (let i = 1; i <= 200_000; i++) ws.addRow([i, `第${i}笔支出`, String(2010000 + (i % 997)), Math.round(i * 13.7) / 100]);
    await wb.xlsx.writeFile(file);

    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    let crashed = false;
    p.on('crash', () => (crashed = true));
    await p.goto(baseUrl);
    await p.getByTestId('validate').waitFor();
    await p.getByTestId('file-input').setInputFiles(file);
    await p.getByTestId('file-name').filter({ hasText: '大工作簿-200000行.xlsx' }).waitFor({ timeout: 600_000 });
    await p.locator('[data-testid=sheet-tab]', { hasText: '明细数据' }).waitFor();
    await p.getByTestId('validate').click();
    await p.getByTestId('summary').waitFor({ timeout: 600_000 });
    // The budget tables were found and checked as in the file without the extra sheet.
    await expect(p.getByText('出错了').count()).resolves.toBe(0);
    await expect(p.getByTestId('summary').innerText()).resolves.toMatch(/\S/);
    expect(crashed).toBe(false);
    expect(errors).toEqual([]);
    await p.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 1_200_000);

  test('情况说明 copies as rich text (h1/h2/p for Word) and plain text; the preview also offers the .docx download', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await p.goto(baseUrl);
    await p.getByTestId('validate').waitFor();
    await p.getByRole('tab', { name: '情况说明' }).click();
    await p.getByTestId('generate').click();
    await p.getByTestId('narrative').waitFor({ timeout: 120_000 });
    // What the copy put on the clipboard, read from the copy event after the pane set it.
    await p.evaluate(() => {
      window.addEventListener('copy', (e) => {
        (window as unknown as { copied: string[] }).copied = [e.clipboardData!.getData('text/html'), e.clipboardData!.getData('text/plain')];
      });
    });
    await p.getByTestId('copy-rich').click();
    await p.getByText('已复制到剪贴板（保留标题格式）').waitFor();
    const [html, text] = await p.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const headings = await p.locator('[data-testid=narrative] h3').allInnerTexts();
    expect(headings.length).toBeGreaterThan(3);
    for (const h of headings) expect(html).toContain(`<h1>${h}</h1>`);
    expect(html).toMatch(/<h2>[^<]+<\/h2>/);
    expect(html).toMatch(/<p style="text-indent:2em">[^<]+<\/p>/);
    expect(text).toContain(headings[0]);
    expect(text).not.toContain('<h1>');
    await expect(p.getByTestId('export-docx').count()).resolves.toBe(1);
    await p.close();
  }, 300_000);
});
