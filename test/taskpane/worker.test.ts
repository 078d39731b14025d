/**
 * The core worker's plumbing, in Node: grids cut into slices and joined again, the preview's
 * workbook sent in parts and rebuilt, and the tasks giving what the core gives — on real fixtures.
 * (The worker itself runs in the Chromium test, test/browser/preview.test.ts.)
 */
import fs from 'fs';
import path from 'path';
import { checkWorkbook } from '../../src/core/check';
import { generateNarrative, readParams } from '../../src/core/narrative';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import { BookDecoder, encodeBook } from '../../src/preview/book-transfer';
import { coreWork } from '../../src/worker/client';
import { joinGrids, splitGrids } from '../../src/worker/protocol';
import { checkTask, narrativeTask, paramsTask } from '../../src/worker/tasks';
import { FIXTURES, loadGrids } from '../helpers/load';

const LARGE = path.join(FIXTURES, 'clean/synth-pds-large.xlsx');

describe('core worker plumbing', () => {
  test('grids cut into slices of at most 20,000 cells join back to the same grids', async () => {
    const grids = await loadGrids(LARGE);
    const parts = splitGrids(grids);
    expect(parts.length).toBeGreaterThan(grids.length); // the large tables are cut
    for (const p of parts) {
      const width = Math.max(1, ...p.grid.values.slice(0, 1).map((r) => r.length));
      expect(p.grid.values.length * width).toBeLessThanOrEqual(20_000 + width);
    }
    expect(joinGrids(parts)).toEqual(grids);
  });

  test('a workbook sent in parts is rebuilt cell for cell (values, formats, fills, merges, visibility)', async () => {
    const book = await loadFakeWorkbook(fs.readFileSync(LARGE));
    const decoder = new BookDecoder();
    let parts = 0;
    for (const part of encodeBook(book, 5_000)) {
      if (part.kind === 'cells') expect(part.rows.length).toBeLessThanOrEqual(5_000);
      decoder.apply(part);
      parts++;
    }
    const copy = decoder.book;
    expect(parts).toBeGreaterThan(30);
    expect(copy.sheets.map((s) => [s.name, s.visibility, s.merges, [...s.hiddenRows], [...s.colWidths]])).toEqual(book.sheets.map((s) => [s.name, s.visibility, s.merges, [...s.hiddenRows], [...s.colWidths]]));
    expect(copy.sheets.map((s) => s.name)[copy.sheets.findIndex((s) => s.id === copy.activeSheetId)]).toBe(book.sheets.find((s) => s.id === book.activeSheetId)!.name);
    book.sheets.forEach((s, i) => {
      const t = copy.sheets[i];
      expect(t.cells.size).toBe(s.cells.size);
      // One string per sheet: a deep comparison of 150,000 cells one by one takes a minute.
      const dump = (cells: typeof s.cells): string => JSON.stringify([...cells].map(([k, c]) => [k, c.value, c.numFmt, c.fill, !!c.bold, !!c.wrap]));
      expect(dump(t.cells)).toBe(dump(s.cells));
    });
    // Fills are copies: re-colouring one cell must not re-colour its neighbours.
    const cells = [...copy.sheets[0].cells.values()];
    cells[0].fill.color = '#123456';
    expect(cells.slice(1).some((c) => c.fill.color === '#123456')).toBe(false);
  });

  test('the tasks report what the core reports, with their stages in order', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'clean/seed-000.xlsx'));
    const stages: string[] = [];
    const { report } = checkTask(grids, 'seed-000.xlsx', (s) => stages.push(s));
    expect(stages).toEqual(['recognize', 'rules']);
    expect(report).toEqual(checkWorkbook(grids, { file: 'seed-000.xlsx' }).report);

    const seen: string[] = [];
    const n = narrativeTask(grids, (s) => seen.push(s));
    expect(seen).toEqual(['recognize', 'narrative']);
    expect(n.tables && n.result).toEqual(generateNarrative(checkWorkbook(grids).book, readParams(grids)));
    const p = paramsTask(grids);
    expect(p.tables && p.sheet).toBe('说明参数');
    expect(p.tables && p.rows.length).toBeGreaterThan(5);

    expect(narrativeTask([{ name: 'Sheet1', origin: 'A1', values: [['你好']] }])).toEqual({ tables: false });
  });

  test('without Worker (Node, jsdom) the work runs on the page and gives the same report', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const grids = await loadGrids(path.join(FIXTURES, 'clean/seed-001.xlsx'));
    const stages: string[] = [];
    const { report } = await coreWork().check(grids, 'x.xlsx', (s) => stages.push(s));
    expect(report).toEqual(checkWorkbook(grids, { file: 'x.xlsx' }).report);
    expect(stages).toEqual(['recognize', 'rules']);
  });
});
