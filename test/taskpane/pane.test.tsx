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

  test('severity filters hide and show findings', async () => {
    const { host } = hostOf(await bookOf(mutant.file));
    render(<App host={host} status="ready" />);
    await validate();
    const count = (sev: string): number => screen.queryAllByTestId('finding').filter((el) => el.dataset.severity === sev).length;
    expect(count('error')).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('filter-error'));
    expect(count('error')).toBe(0);
    fireEvent.click(screen.getByTestId('filter-error'));
    expect(count('error')).toBeGreaterThan(0);
    const info = screen.getByTestId('filter-info');
    if (!(info as HTMLButtonElement).disabled) {
      const before = count('info');
      fireEvent.click(info);
      expect(count('info')).not.toBe(before);
    }
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
    expect((screen.getByTestId('validate') as HTMLButtonElement).disabled).toBe(false);
  });

  test('情况说明: generate, write to a sheet, never overwrite without asking, create 说明参数', async () => {
    const book = await bookOf('clean/seed-000.xlsx');
    const { host } = hostOf(book);
    const sheetsBefore = book.sheets.map((s) => s.name);
    render(<App host={host} status="ready" />);
    fireEvent.click(screen.getByRole('tab', { name: '情况说明' }));
    fireEvent.click(await screen.findByTestId('generate'));
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
    fireEvent.click(within(dialog).getByTestId('write-new-sheet'));
    expect(await screen.findByText('已写入工作表「情况说明(2)」。')).toBeTruthy();
    expect([...book.sheetByName('情况说明')!.cells.values()].map((c) => c.value)).toEqual(firstValues);
    expect(book.sheetByName('情况说明(2)')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: '创建说明参数表' }));
    expect(await screen.findByText(/已创建「说明参数」工作表/)).toBeTruthy();
    const params = book.sheetByName('说明参数')!;
    expect(params.value(1, 1)).toBeTruthy();
    expect(book.sheets.map((s) => s.name)).toEqual([...sheetsBefore, '情况说明', '情况说明(2)', '说明参数']);
  });
});
