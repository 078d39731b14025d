/**
 * The browser preview in real Chromium: build the pages, serve them on 127.0.0.1, open a fixture
 * with a known defect, run 校验, click the finding, see its cell selected and coloured, clear,
 * see the original fill back. `npm run screenshots` runs it with BUDGET_CHECK_SCREENSHOTS=docs to
 * refresh the README's pictures; a plain test run writes nothing into the repository.
 *
 * Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH); without it the tests are listed as not run.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
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
});
