/**
 * readBook keeps per-call caches (row scans, the last format, column letters) and module-level ones
 * (squashed texts, format decimals): a second read of the same grids must give exactly the same
 * book, and reading must never change the grids.
 */
import path from 'path';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';

describe.each([
  ['clean/synth-jy-medium.xlsx'],
  ['clean/seed-003.xlsx'],
  ['mut-001.xlsx'],
])('%s', (file) => {
  test('a second read gives the same book, and the grids are left as they were', async () => {
    const grids = await loadGrids(path.join(FIXTURES, file));
    const before = JSON.stringify(grids);
    const first = JSON.stringify(readBook(grids));
    const second = JSON.stringify(readBook(grids));
    expect(second).toBe(first);
    expect(JSON.stringify(grids)).toBe(before);
    expect(first).toContain('"scaled"');
  });
});

test('two different books read one after the other do not leak into each other', async () => {
  const a = await loadGrids(path.join(FIXTURES, 'clean/seed-000.xlsx'));
  const b = await loadGrids(path.join(FIXTURES, 'clean/synth-jy-small.xlsx'));
  const bAlone = JSON.stringify(readBook(b));
  readBook(a);
  expect(JSON.stringify(readBook(b))).toBe(bAlone);
});
