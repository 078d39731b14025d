/**
 * @jest-environment jsdom
 *
 * The task pane in jsdom over the real adapter and the fake Excel host: states (no Office, no
 * tables, unreadable), 校验 → summary → findings → go to cell, filters, 清除标记, and the
 * 情况说明 tab writing sheets without overwriting.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import { App } from '../../src/taskpane/App';
import { createPaneHost, type PaneHost } from '../../src/taskpane/host';
import { ExcelAdapter } from '../../src/excel/adapter';
import { FakeExcelHost } from '../../src/excel/fake/context';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import { FakeWorkbook } from '../../src/excel/fake/workbook';
import { MARK_COLORS, MARK_SHEET } from '../../src/excel/marks';
import { TABLE_NAMES } from '../../src/core/tables/names';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as { mutants: { file: string; expect: string; kind: string; sheet: string; cell: string }[] };
const mutant = manifest.mutants.find((m) => m.expect === 'error' && m.kind === 'detail-amount')!;

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (every real browser has it).
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoopResizeObserver;

async function bookOf(file: string): Promise<FakeWorkbook> {
  return loadFakeWorkbook(fs.readFileSync(path.join(FIXTURES, file)));
}

function hostOf(book: FakeWorkbook): { host: PaneHost; fake: FakeExcelHost } {
  const fake = new FakeExcelHost(book);
  return { host: createPaneHost(new ExcelAdapter(fake.run, { mergedAreas: true }), 'preview', () => 'test.xlsx'), fake };
}

async function validate(): Promise<void> {
  fireEvent.click(screen.getByTestId('validate'));
  await screen.findByTestId('summary', undefined, { timeout: 30_000 });
}

describe('task pane', () => {
  test('the real entry renders a notice, not a blank page, when Office is undefined', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    await act(async () => {
      require('../../src/taskpane/index');
    });
    expect(await screen.findByText('未连接到 Excel')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '校验' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '情况说明' })).toBeTruthy();
    document.body.innerHTML = '';
  });

  test(`校验 on ${mutant.file}: counts, the finding with 应为/实为, go to cell, clear`, async () => {
    const book = await bookOf(mutant.file);
    const { host } = hostOf(book);
    render(<App host={host} status="ready" />);
    await validate();

    const errors = Number(within(screen.getByTestId('count-error')).getAllByText(/^\d+$/)[0].textContent);
    expect(errors).toBeGreaterThan(0);
    const items = screen.getAllByTestId('finding');
    const item = items.find((el) => el.dataset.sheet === mutant.sheet && el.dataset.cell === mutant.cell && el.dataset.severity === 'error');
    expect(item).toBeDefined();
    expect(item!.textContent).toMatch(/应为 .+实为 /);

    const sheet = book.sheetByName(mutant.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(mutant.cell)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(sheet.fill(Number(m[2]), col)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.error });

    book.activate(book.sheets[0].id);
    fireEvent.click(item!);
    await waitFor(() => expect(book.selection).toEqual({ sheetId: sheet.id, address: mutant.cell }));
    expect(book.activeSheetId).toBe(sheet.id);
    expect(item!.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('clear-marks'));
    expect(await screen.findByText(/已清除 \d+ 处标记/)).toBeTruthy();
    expect(sheet.fill(Number(m[2]), col).color).not.toBe(MARK_COLORS.error);
    expect(book.sheetByName(MARK_SHEET)).toBeUndefined();
    expect(screen.getByTestId('validate').textContent).toBe('重新校验');
  });

  test('count tiles filter the list; errors come first across all tables, then warnings, then 尾差/提示', async () => {
    const { host } = hostOf(await bookOf(mutant.file));
    render(<App host={host} status="ready" />);
    await validate();
    const count = (sev: string): number => screen.queryAllByTestId('finding').filter((el) => el.dataset.severity === sev).length;
    const tile = (sev: string): HTMLElement => screen.getByTestId(`count-${sev}`);
    expect(count('error')).toBeGreaterThan(0);
    // 尾差/提示 start hidden when there are errors; the tile says so and shows them on a click.
    expect(tile('info').getAttribute('aria-pressed')).toBe('false');
    expect(count('info') + screen.queryAllByTestId('finding-fold').length).toBe(0);
    fireEvent.click(tile('error'));
    expect(count('error')).toBe(0);
    expect(tile('error').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(tile('error'));
    fireEvent.click(tile('info'));
    expect(count('error')).toBeGreaterThan(0);
    const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
    const order = [...document.querySelectorAll<HTMLElement>('[data-testid=finding],[data-testid=finding-fold]')].map((el) => rank[el.dataset.severity ?? 'info']);
    expect(order.length).toBeGreaterThan(1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('尾差 of one rule in one table are folded with a count and open on a click', async () => {
    const { host } = hostOf(await bookOf(mutant.file));
    render(<App host={host} status="ready" />);
    await validate();
    fireEvent.click(screen.getByTestId('count-info'));
    const fold = screen.getAllByTestId('finding-fold')[0];
    const n = Number(fold.dataset.count);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(fold.textContent).toMatch(new RegExp(`：${n} 处$`));
    expect(within(fold).queryAllByTestId('finding')).toHaveLength(0);
    fireEvent.click(within(fold).getByRole('button', { expanded: false }));
    const items = within(fold).getAllByTestId('finding');
    expect(items).toHaveLength(n);
    for (const el of items) expect(el.textContent).toMatch(/尾差 [\d.]+，在四舍五入允许范围内，无需修改/);
  });

  test('search narrows the list; 详情 shows the relations and the related cells', async () => {
    const { host } = hostOf(await bookOf(mutant.file));
    render(<App host={host} status="ready" />);
    await validate();
    fireEvent.click(screen.getByTestId('count-info'));
    const before = screen.getAllByTestId('finding').length + screen.queryAllByTestId('finding-fold').length;
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索问题' }), { target: { value: '基本工资' } });
    const left = screen.getAllByTestId('finding');
    expect(left.length).toBeLessThan(before);
    for (const el of left) expect(el.textContent).toContain('基本工资');
    const error = left.find((el) => el.dataset.severity === 'error')!;
    expect(error.textContent).toContain(`${mutant.cell} 基本工资·人员经费：应为 68.7，实为 61.8，差 6.9`);
    const item = error.parentElement!;
    fireEvent.click(within(item).getByRole('button', { name: '详情' }));
    expect(item.textContent).toMatch(/≠/);
    expect(item.textContent).toMatch(/相关单元格：.*E7/);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索问题' }), { target: { value: '没有这样的问题' } });
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByText(/没有符合条件的问题/)).toBeTruthy();
  });

  test('the pane tells the truth: one message replaced, summary after 清除标记, focus kept, no pointer without a cell', async () => {
    const { host } = hostOf(await bookOf('mut-002.xlsx'));
    render(<App host={host} status="ready" />);
    const button = screen.getByTestId('validate');
    button.focus();
    fireEvent.click(button);
    const summary = await screen.findByTestId('summary', undefined, { timeout: 30_000 });
    // Focus stays on 校验; the result is announced in the one live message area.
    expect(document.activeElement).toBe(button);
    const area = screen.getByTestId('message-area');
    expect(area.getAttribute('aria-live')).toBe('polite');
    expect(area.textContent).toMatch(/^校验完成：错误 \d+ 项，警告 \d+ 项，尾差\/提示 \d+ 项；已标记 \d+ 个单元格。$/);
    expect(summary.textContent).toMatch(/已标记 \d+ 个单元格/);
    // A 济源 workbook: its own names for the missing table.
    expect(screen.getByTestId('missing').textContent).toBe('未找到：14-政府采购汇总表');

    fireEvent.click(screen.getByTestId('clear-marks'));
    await waitFor(() => expect(area.textContent).toMatch(/^已清除 \d+ 处标记/));
    expect(area.querySelectorAll('[role=alert], .fui-MessageBar')).toHaveLength(1);
    expect(screen.getByTestId('summary').textContent).not.toMatch(/已标记/);

    // The missing table has no cell: no button, no click target.
    fireEvent.click(screen.getByTestId('count-info'));
    const cellless = screen.getAllByTestId('finding').filter((el) => !el.dataset.cell);
    expect(cellless.length).toBeGreaterThan(0);
    for (const el of cellless) {
      expect(el.tagName).not.toBe('BUTTON');
      expect(el.getAttribute('title')).toBeNull();
    }
  });

  test('an English host error is shown in Chinese', async () => {
    const broken: PaneHost = {
      ...hostOf(new FakeWorkbook()).host,
      validate: () => Promise.reject(Object.assign(new Error('The operation failed because of an internal error.'), { code: 'GeneralException' })),
    };
    render(<App host={broken} status="ready" />);
    fireEvent.click(screen.getByTestId('validate'));
    const area = screen.getByTestId('message-area');
    await waitFor(() => expect(area.textContent).toContain('无法读取工作簿：Excel 未能完成这一操作（错误代码 GeneralException）'));
    expect(area.textContent).not.toMatch(/internal error/);
  });

  test('a workbook without budget tables lists the titles the tool looks for', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Sheet1');
    s.ensure(1, 1).value = '员工通讯录';
    s.ensure(2, 1).value = '张三';
    const { host } = hostOf(book);
    render(<App host={host} status="ready" />);
    fireEvent.click(screen.getByTestId('validate'));
    const empty = await screen.findByTestId('no-tables', undefined, { timeout: 30_000 });
    for (const name of Object.values(TABLE_NAMES)) expect(empty.textContent).toContain(name);
  });

  test('an unreadable workbook gives a clear error, and 校验 can be tried again', async () => {
    const broken: PaneHost = {
      ...hostOf(new FakeWorkbook()).host,
      validate: () => Promise.reject(new Error('Excel 返回错误：文件已损坏')),
    };
    render(<App host={broken} status="ready" />);
    fireEvent.click(screen.getByTestId('validate'));
    expect(await screen.findByText(/无法读取工作簿：Excel 返回错误：文件已损坏/)).toBeTruthy();
    const button = screen.getByTestId('validate') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).not.toBe('true');
  });

  test('情况说明: generate, write to a sheet, never overwrite without asking, create 说明参数', async () => {
    const book = await bookOf('clean/seed-000.xlsx');
    const { host } = hostOf(book);
    const sheetsBefore = book.sheets.map((s) => s.name);
    render(<App host={host} status="ready" />);
    fireEvent.click(screen.getByRole('tab', { name: '情况说明' }));
    fireEvent.click(await screen.findByTestId('generate', undefined, { timeout: 10_000 }));
    const doc = await screen.findByTestId('narrative', undefined, { timeout: 30_000 });
    expect(doc.textContent).toMatch(/收入/);
    expect(doc.querySelectorAll('p').length).toBeGreaterThan(3);

    fireEvent.click(screen.getByRole('button', { name: '写入工作表' }));
    expect(await screen.findByText('已写入工作表「情况说明」。')).toBeTruthy();
    const first = book.sheetByName('情况说明')!;
    const firstValues = [...first.cells.values()].map((c) => c.value);
    expect(firstValues.length).toBeGreaterThan(3);

    fireEvent.click(screen.getByRole('button', { name: '写入工作表' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('情况说明(2)');
    // Asked inside the pane: no backdrop greys out the page, and the safe choice has the focus.
    expect(document.querySelector('.fui-DialogSurface__backdrop')).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByTestId('write-new-sheet'));
    fireEvent.click(within(dialog).getByTestId('write-new-sheet'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByText('已写入工作表「情况说明(2)」。')).toBeTruthy();
    expect([...book.sheetByName('情况说明')!.cells.values()].map((c) => c.value)).toEqual(firstValues);
    expect(book.sheetByName('情况说明(2)')).toBeDefined();

    // seed-000 has no 说明参数: the pane says so until the sheet is created, then no longer.
    expect(screen.getByText('没有「说明参数」工作表')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '创建说明参数表' }));
    expect(await screen.findByText(/已创建「说明参数」工作表/)).toBeTruthy();
    expect(screen.queryByText('没有「说明参数」工作表')).toBeNull();
    const params = book.sheetByName('说明参数')!;
    expect(params.value(1, 1)).toBeTruthy();
    expect(book.sheets.map((s) => s.name)).toEqual([...sheetsBefore, '情况说明', '情况说明(2)', '说明参数']);
  });
});
