/**
 * @jest-environment jsdom
 *
 * 校对情况说明 in the pane, over the real adapter and the fake Excel: pasted text and the workbook's
 * 情况说明 sheet are checked against the tables; the finding shows its sentence with the number in
 * <mark>, and its link selects the table cell. Nothing is written to the workbook.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import { NarrativeCheck } from '../../src/taskpane/NarrativeCheck';
import { createPaneHost } from '../../src/taskpane/host';
import { ExcelAdapter } from '../../src/excel/adapter';
import { FakeExcelHost } from '../../src/excel/fake/context';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import type { FakeWorkbook } from '../../src/excel/fake/workbook';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoopResizeObserver;

const DIR = path.resolve(__dirname, '../fixtures/narrative');
const text003 = fs.readFileSync(path.join(DIR, 'seed-003.expected.md'), 'utf8');

async function setup(): Promise<FakeWorkbook> {
  const book = await loadFakeWorkbook(fs.readFileSync(path.join(DIR, 'seed-003.xlsx')));
  const host = createPaneHost(new ExcelAdapter(new FakeExcelHost(book).run, { mergedAreas: true }), 'preview', () => 'seed-003.xlsx');
  render(<NarrativeCheck host={host} />);
  return book;
}

const snapshot = (book: FakeWorkbook) => book.sheets.map((s) => [s.name, [...s.cells.entries()].map(([k, c]) => `${k}=${String(c.value)}`).join('|')]);

test('pasted text with a changed share: the sentence with the number marked, the cell one click away', async () => {
  const book = await setup();
  const before = snapshot(book);
  fireEvent.change(screen.getByTestId('narrative-text').querySelector('textarea') ?? screen.getByTestId('narrative-text'), {
    target: { value: text003.replace('基本支出68.7万元，占38.3%', '基本支出68.7万元，占36.1%') },
  });
  fireEvent.click(screen.getByTestId('check-text'));
  const summary = await screen.findByTestId('narrative-check-summary', undefined, { timeout: 30_000 });
  expect(summary.textContent).toMatch(/粘贴的文字：48 段，96 个数字/);
  const items = screen.getAllByTestId('narrative-finding');
  const share = items.find((el) => el.dataset.rule === 'N.text.share')!;
  expect(share.dataset.paragraph).toBe('8');
  expect(share.querySelector('mark')!.textContent).toBe('36.1%');
  expect(share.textContent).toMatch(/应为 38\.3/);
  // The two genuine G2 warnings of seed-003 are listed as well.
  expect(items.filter((el) => el.dataset.rule === 'N.text.procurement-split')).toHaveLength(2);
  fireEvent.click(within(share).getByRole('button', { name: /查看「表3/ }));
  const t3 = book.sheets.find((s) => s.name.startsWith('表3'))!;
  await waitFor(() => expect(book.selection?.sheetId).toBe(t3.id));
  expect(snapshot(book)).toEqual(before);
});

test('the workbook’s 情况说明 sheet, one paragraph per row in column A', async () => {
  const book = await setup();
  const sheet = book.addSheet('情况说明');
  text003
    .split('\n')
    .filter((l) => l.trim())
    .forEach((line, i) => {
      sheet.ensure(i + 1, 1).value = line.replace('2024年政府采购预算安排3.3万元', '2023年政府采购预算安排3.3万元');
    });
  fireEvent.click(screen.getByTestId('check-sheet'));
  const summary = await screen.findByTestId('narrative-check-summary', undefined, { timeout: 30_000 });
  expect(summary.textContent).toMatch(/工作表「情况说明」：48 段/);
  const year = screen.getAllByTestId('narrative-finding').find((el) => el.dataset.rule === 'N.text.year')!;
  expect(year.dataset.paragraph).toBe('40');
  expect(year.querySelector('mark')!.textContent).toBe('2023年');
});

test('no 情况说明 sheet: a clear message', async () => {
  await setup();
  fireEvent.click(screen.getByTestId('check-sheet'));
  expect(await screen.findByText(/工作簿中没有名为「情况说明」的工作表/, undefined, { timeout: 30_000 })).toBeTruthy();
});
