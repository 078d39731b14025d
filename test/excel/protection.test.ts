/**
 * The adapter against the strict fake where real workbooks differ from the happy path: protected
 * sheets, a protected structure, the very hidden marks sheet of earlier versions, a workbook too large
 * for one response, a cell being edited. Every finding is still returned; the user is told what was
 * not coloured and why.
 */
import { checkWorkbook } from '../../src/core/check';
import { ExcelAdapter, PROTECTED_SHEET_REASON } from '../../src/excel/adapter';
import { FakeExcelHost } from '../../src/excel/fake/context';
import type { FakeWorkbook } from '../../src/excel/fake/workbook';
import type { MarkRequest } from '../../src/excel/highlight';
import type { Mark } from '../../src/excel/marks';
import { encodeLegacyMarks, LEGACY_MARK_SHEET, MARK_COLORS } from '../../src/excel/marks';
import { UNDO_NOTICE } from '../../src/excel/undo-notice';
import { loadFixture, snapshotBook } from './helpers';

const FIXTURE = 'clean/synth-pds-small.xlsx';

function requestsOn(book: FakeWorkbook): MarkRequest[] {
  return [
    { sheet: book.sheets[1].name, cell: 'C6', severity: 'error' },
    { sheet: book.sheets[1].name, cell: 'D6', severity: 'warning' },
    { sheet: book.sheets[2].name, cell: 'C6', severity: 'error' },
  ];
}

describe('protection', () => {
  test('a protected sheet: findings still returned, its cells not coloured, the pane told which sheet and why', async () => {
    const book = await loadFixture(FIXTURE);
    book.sheets[1].protected = true;
    const before = snapshotBook(book);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const out = await adapter.validate((g) => checkWorkbook(g, { file: FIXTURE }), () => requestsOn(book));
    expect(out.result.report.tables.length).toBeGreaterThan(0);
    expect(out.marked).toBe(1);
    expect(out.blocked).toEqual([{ sheet: book.sheets[1].name, cells: 2, reason: PROTECTED_SHEET_REASON }]);
    expect(out.blocked[0].reason).toMatch(/受保护/);
    expect(snapshotBook(book)[`${book.sheets[1].name}|Visible`]).toEqual(before[`${book.sheets[1].name}|Visible`]);
    expect(book.sheets[2].fill(6, 3)).toMatchObject({ color: MARK_COLORS.error });
  });

  test('marks on a sheet protected after marking stay recorded, and are restored once it is unprotected', async () => {
    const book = await loadFixture(FIXTURE);
    const before = snapshotBook(book);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    await adapter.validate((g) => g, () => requestsOn(book));
    book.sheets[1].protected = true;
    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(cleared.blocked).toEqual([{ sheet: book.sheets[1].name, cells: 2, reason: PROTECTED_SHEET_REASON }]);
    expect(book.customXmlParts).toHaveLength(1);
    book.sheets[1].protected = false;
    const again = await adapter.clearMarks();
    expect(again.restored).toBe(2);
    expect(book.customXmlParts).toHaveLength(0);
    book.sheets[1].protected = false;
    expect(snapshotBook(book)).toEqual(before);
  });

  test('a protected workbook structure does not stop marking (no sheet is added) and is detected in the first trip', async () => {
    const book = await loadFixture(FIXTURE);
    book.structureProtected = true;
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const out = await adapter.validate((g) => g, () => requestsOn(book));
    expect(out.marked).toBe(3);
    expect(host.roundTrips).toBe(3);
    const before = snapshotBook(book);
    expect(before).toBeDefined();
    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(3);
    await expect(adapter.writeSheet('情况说明', { rows: [['x']] })).rejects.toThrow(/工作簿结构受保护/);
  });
});

/** An old workbook: marks painted by the earlier version and recorded on its very hidden sheet. */
function oldWorkbook(book: FakeWorkbook): Mark[] {
  const s = book.sheets[1];
  const marks: Mark[] = ['C6', 'D6'].map((cell) => ({ sheetId: s.id, sheet: s.name, cell, color: MARK_COLORS.error, original: { ...s.fill(6, cell === 'C6' ? 3 : 4) } }));
  for (const m of marks) {
    const col = m.cell === 'C6' ? 3 : 4;
    s.ensure(6, col).fill = { color: MARK_COLORS.error, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
  }
  const legacy = book.addSheet(LEGACY_MARK_SHEET);
  encodeLegacyMarks(marks).forEach((row, r) => row.forEach((v, c) => (legacy.ensure(r + 1, c + 1).value = v === '' ? null : v)));
  legacy.visibility = 'VeryHidden';
  return marks;
}

describe('the very hidden marks sheet of earlier versions', () => {
  test('清除标记 restores its marks and deletes it (made Hidden first: a VeryHidden sheet cannot be deleted)', async () => {
    const book = await loadFixture(FIXTURE);
    const reference = snapshotBook(book);
    oldWorkbook(book);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    expect(await adapter.sheetNames()).not.toContain(LEGACY_MARK_SHEET);
    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(2);
    expect(book.sheetByName(LEGACY_MARK_SHEET)).toBeUndefined();
    expect(cleared.notices.join('')).toMatch(/旧版本.*撤销记录/);
    expect(snapshotBook(book)).toEqual(reference);
  });

  test('校验 takes its marks over into the store and removes the sheet', async () => {
    const book = await loadFixture(FIXTURE);
    oldWorkbook(book);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const out = await adapter.validate((g) => g, () => [{ sheet: book.sheets[1].name, cell: 'C6', severity: 'warning' }]);
    expect(out.grids.map((g) => g.name)).not.toContain(LEGACY_MARK_SHEET);
    expect(out.restored).toBe(1); // D6 back to its original; C6 repainted as a warning over its true original
    expect(book.sheetByName(LEGACY_MARK_SHEET)).toBeUndefined();
    expect(book.sheets[1].fill(6, 3)).toMatchObject({ color: MARK_COLORS.warning });
  });

  test('with the structure protected it stays, the user is told, and the marks are still restored', async () => {
    const book = await loadFixture(FIXTURE);
    oldWorkbook(book);
    book.structureProtected = true;
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(2);
    expect(book.sheetByName(LEGACY_MARK_SHEET)!.visibility).toBe('VeryHidden');
    expect(cleared.notices.join('')).toMatch(/工作簿结构受保护.*暂时无法删除/);
  });
});

describe('size, edit mode, undo', () => {
  test('a workbook whose one-trip snapshot exceeds 5 MB is read in trips under 4,000,000 bytes', async () => {
    const book = await loadFixture(FIXTURE);
    const s = book.sheets[book.sheets.length - 1];
    for (let r = 20; r < 45000; r++) for (let c = 1; c <= 6; c++) s.ensure(r, c).value = c === 1 ? `项目${r}号说明文字` : r * c + 0.25;
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const grids = await adapter.readGrids();
    expect(grids[grids.length - 1].values.length).toBeGreaterThan(44980);
    expect(host.maxPayload()).toBeLessThan(4_000_000);
    expect(host.trips.reduce((n, t) => n + t.response, 0)).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('a cell being edited gives one Chinese sentence, not an Office message', async () => {
    const book = await loadFixture(FIXTURE);
    const host = new FakeExcelHost(book);
    host.cellEditMode = true;
    await expect(new ExcelAdapter(host.run).validate((g) => g, () => [])).rejects.toThrow(/正在编辑.*Enter/);
  });

  test('validate reports whether it wrote, for the undo notice', async () => {
    const book = await loadFixture(FIXTURE);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    expect((await adapter.validate((g) => g, () => [])).wrote).toBe(false);
    expect((await adapter.validate((g) => g, () => requestsOn(book))).wrote).toBe(true);
    expect(UNDO_NOTICE).toMatch(/撤销/);
  });
});

describe('awkward sheets', () => {
  test('a sheet used only near its last row, and a sheet with more than 512 merged areas, are still read', async () => {
    const book = await loadFixture(FIXTURE);
    const low = book.addSheet('末行');
    low.ensure(1048570, 2).value = 7;
    const merged = book.addSheet('合并多');
    for (let i = 0; i < 600; i++) {
      merged.ensure(i * 2 + 1, 1).value = `行${i}`;
      merged.merges.push(`A${i * 2 + 1}:B${i * 2 + 1}`);
    }
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run, { mergedAreas: true });
    const out = await adapter.validate((g) => g, () => []);
    const g = out.result.find((x) => x.name === '末行')!;
    expect([g.origin, g.values]).toEqual(['B1048570', [[7]]]);
    expect(out.result.find((x) => x.name === '合并多')!.values.length).toBe(1199);
    expect(out.notices).toEqual([expect.stringMatching(/合并单元格太多.*：合并多。$/)]);
    expect(out.result.find((x) => x.name === book.sheets[1].name)!.merges?.length ?? 0).toBeGreaterThan(0);
  });
});
