/**
 * @jest-environment jsdom
 *
 * The narrative as rich text for Word (headings survive a paste), and the undo notice shown once.
 */
import * as React from 'react';
import path from 'path';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider } from '@fluentui/react-components';
import { checkWorkbook } from '../../src/core/check';
import { generateNarrative } from '../../src/core/narrative';
import { narrativeHtml, plainText } from '../../src/taskpane/NarrativeTab';
import { UNDO_NOTICE, UNDO_NOTICE_KEY, UndoNotice } from '../../src/taskpane/UndoNotice';
import { FIXTURES, loadGrids } from '../helpers/load';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoopResizeObserver;

test('the clipboard HTML has the title, h1/h2 headings and one <p> per paragraph, escaped', async () => {
  const grids = await loadGrids(path.join(FIXTURES, 'clean/seed-000.xlsx'));
  const result = generateNarrative(checkWorkbook(grids).book, undefined);
  result.sections[0].paragraphs.push('金额 <5> & “引号”');
  const html = narrativeHtml(result);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const h1 = [...doc.querySelectorAll('h1')].map((e) => e.textContent);
  const h2 = [...doc.querySelectorAll('h2')].map((e) => e.textContent);
  expect(h1).toEqual(result.sections.filter((s) => s.level === 1).map((s) => s.heading));
  expect(h2).toEqual(result.sections.filter((s) => s.level === 2).map((s) => s.heading));
  expect(h1.length).toBeGreaterThan(3);
  const paragraphs = result.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  expect(doc.querySelectorAll('p:not(.MsoTitle)').length).toBe(paragraphs);
  expect(doc.querySelector('.MsoTitle')?.textContent).toBe(result.title);
  expect(html).toContain('金额 &lt;5&gt; &amp; “引号”');
  // The plain-text flavour carries the same words.
  expect(plainText(result)).toContain(result.sections[1].heading);
});

test('the undo notice says what 校验 and 清除标记 do, and once dismissed stays away', () => {
  window.localStorage.removeItem(UNDO_NOTICE_KEY);
  const view = render(
    <FluentProvider>
      <UndoNotice />
    </FluentProvider>,
  );
  expect(screen.getByTestId('undo-notice').textContent).toContain(UNDO_NOTICE);
  expect(UNDO_NOTICE).toMatch(/校验.*清除标记.*撤销/);
  fireEvent.click(screen.getByRole('button', { name: '知道了' }));
  expect(screen.queryByTestId('undo-notice')).toBeNull();
  expect(window.localStorage.getItem(UNDO_NOTICE_KEY)).toBe('1');
  view.unmount();
  render(
    <FluentProvider>
      <UndoNotice />
    </FluentProvider>,
  );
  expect(screen.queryByTestId('undo-notice')).toBeNull();
});

test('inside Excel the Word export is the rich-text copy (no browser download offered); the preview keeps the download', async () => {
  const { App } = await import('../../src/taskpane/App');
  const { createPaneHost } = await import('../../src/taskpane/host');
  const { ExcelAdapter } = await import('../../src/excel/adapter');
  const { FakeExcelHost } = await import('../../src/excel/fake/context');
  const { loadFakeWorkbook } = await import('../../src/excel/fake/from-xlsx');
  const fs = await import('fs');
  for (const [kind, downloads, offered] of [['excel', 'no', false], ['excel', 'maybe', true], ['preview', 'yes', true]] as const) {
    const book = await loadFakeWorkbook(fs.readFileSync(path.join(FIXTURES, 'clean/seed-000.xlsx')));
    const host = createPaneHost(new ExcelAdapter(new FakeExcelHost(book).run, { mergedAreas: true }), kind, () => 'a.xlsx', { downloads });
    const view = render(<App host={host} status="ready" />);
    fireEvent.click(screen.getByRole('tab', { name: '情况说明' }));
    fireEvent.click(await screen.findByTestId('generate'));
    await screen.findByTestId('narrative', undefined, { timeout: 30_000 });
    expect(screen.getByTestId('copy-rich').textContent).toBe('复制到剪贴板（保留标题格式）');
    expect(screen.queryByTestId('export-docx') !== null).toBe(offered);
    view.unmount();
  }
}, 120_000);
