/**
 * The Excel adapter against the fake host: round-trip budget, exact restore of every kind of fill,
 * values untouched, marks remembered in the workbook across "reopen", go-to-cell, safe sheet writes.
 */
import fs from 'fs';
import { checkWorkbook } from '../../src/core/check';
import type { SheetGrid } from '../../src/core/grid';
import { ExcelAdapter } from '../../src/excel/adapter';
import { FakeExcelHost } from '../../src/excel/fake/context';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import type { FakeWorkbook } from '../../src/excel/fake/workbook';
import type { MarkRequest } from '../../src/excel/highlight';
import { MARK_COLORS, MARK_SHEET, MARKS_NAMESPACE } from '../../src/excel/marks';
import { freeSheetName } from '../../src/excel/write-sheet';
import { fixture, fixtureWithFills, loadFixture, snapshotBook, SPECIAL_FILLS, valuesOf } from './helpers';

const SMALL = ['clean/synth-pds-small.xlsx', 'clean/synth-jy-small.xlsx'];
const LARGE = ['clean/synth-pds-large.xlsx', 'clean/synth-jy-large.xlsx'];

/** Every numeric cell of every sheet as a mark request: the worst case for the highlighter. */
function everyNumber(grids: SheetGrid[]): MarkRequest[] {
  const out: MarkRequest[] = [];
  for (const g of grids) {
    const m = /^([A-Z]+)(\d+)$/.exec(g.origin)!;
    const col0 = m[1].charCodeAt(0) - 64;
    const row0 = Number(m[2]);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'number' && col0 + c <= 26) out.push({ sheet: g.name, cell: `${String.fromCharCode(64 + col0 + c)}${row0 + r}`, severity: (r + c) % 2 ? 'error' : 'warning' });
      }),
    );
  }
  return out;
}

function errorsAndWarnings(report: ReturnType<typeof checkWorkbook>['report']): MarkRequest[] {
  return report.findings.filter((f) => f.severity !== 'info' && f.sheet && f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity as 'error' | 'warning' }));
}

describe('round trips: 3 for ordinary workbooks, more only with size, none above 4,000,000 bytes', () => {
  test.each(SMALL)('%s — real check, then every number marked, then re-validated: 3 trips each', async (rel) => {
    const book = await loadFixture(rel);
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const sheetCount = book.sheets.length;

    const checked = await adapter.validate((g) => checkWorkbook(g, { file: rel }), (r) => errorsAndWarnings(r.report));
    expect(host.roundTrips).toBeLessThanOrEqual(3);
    expect(checked.grids.length).toBe(sheetCount);
    expect(checked.result.report.tables.length).toBeGreaterThan(0);

    host.resetCount();
    const heavy = await adapter.validate((g) => g, everyNumber);
    expect(heavy.marked).toBeGreaterThan(100);
    expect(host.roundTrips).toBe(3);

    host.resetCount();
    const again = await adapter.validate((g) => g, (g) => everyNumber(g).slice(0, 10));
    expect(again.restored).toBe(heavy.marked - 10);
    expect(host.roundTrips).toBe(3);
    expect(book.sheets).toHaveLength(sheetCount);
  });

  test.each(LARGE)('%s — the same grids as one unlimited read, every trip under 4,000,000 bytes', async (rel) => {
    const book = await loadFixture(rel);
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const grids = await adapter.readGrids();
    expect(host.maxPayload()).toBeLessThan(4_000_000);
    // Reference: everything in one trip on a host without the web's limit.
    const reference = await readAllAtOnce(book);
    expect(grids.map((g) => [g.name, g.origin, g.values.length])).toEqual(reference.map((g) => [g.name, g.origin, g.values.length]));
    expect(grids).toEqual(reference);

    host.resetCount();
    const heavy = await adapter.validate((g) => g, everyNumber);
    expect(heavy.marked).toBeGreaterThan(10000);
    expect(host.maxPayload()).toBeLessThan(4_000_000);
    expect(host.roundTrips).toBeGreaterThan(3);
    expect(host.roundTrips).toBeLessThan(12);

    host.resetCount();
    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(heavy.marked);
    expect(host.maxPayload()).toBeLessThan(4_000_000);
  });
});

/** All sheets read in one unbounded trip (the old single-sync reader), as the reference for chunked reads. */
async function readAllAtOnce(book: FakeWorkbook): Promise<SheetGrid[]> {
  const host = new FakeExcelHost(book);
  host.payloadLimit = null;
  const out: SheetGrid[] = [];
  await host.run(async (ctx) => {
    const ranges = book.sheets.map((s) => {
      const r = ctx.workbook.worksheets.getItem(s.name).getUsedRange(true);
      r.load('address,values,valueTypes,text,numberFormat');
      const m = r.getMergedAreasOrNullObject();
      m.load('address');
      return { s, r, m };
    });
    await ctx.sync();
    for (const { s, r, m } of ranges) {
      const origin = r.address.slice(r.address.lastIndexOf('!') + 1).split(':')[0];
      out.push({
        name: s.name,
        origin,
        values: r.values.map((row, i) => row.map((v, j) => (r.valueTypes[i][j] === 'Empty' ? null : r.valueTypes[i][j] === 'Error' ? { error: String(v) } : v))),
        text: r.text.map((row) => row.map((t) => (t === '' ? null : t))),
        formats: r.numberFormat.map((row) => row.map((f) => (f === '' ? null : String(f)))),
        merges: m.isNullObject ? [] : m.address.split(',').map((a) => a.slice(a.lastIndexOf('!') + 1)),
        state: 'visible',
      });
    }
  });
  return out;
}

describe('highlight and clear', () => {
  const targets = [
    { sheet: 0, cell: 'B5', fill: SPECIAL_FILLS.solid },
    { sheet: 0, cell: 'B6', fill: SPECIAL_FILLS.theme },
    { sheet: 0, cell: 'B7', fill: SPECIAL_FILLS.pattern },
    { sheet: 0, cell: 'B8', fill: null },
    { sheet: 0, cell: 'D5', fill: SPECIAL_FILLS.white },
  ];
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await fixtureWithFills('clean/synth-pds-small.xlsx', targets);
  });

  /** The requests: our special cells, plus a header cell with the fixture's own grey fill, on two sheets. */
  function requests(book: FakeWorkbook): MarkRequest[] {
    const s0 = book.sheets[0].name;
    const s2 = book.sheets[2].name;
    return [
      ...targets.map((t, i) => ({ sheet: s0, cell: t.cell, severity: (i % 2 ? 'warning' : 'error') as 'error' | 'warning' })),
      { sheet: s2, cell: greyCell(book, 2), severity: 'error' },
    ];
  }

  test('marks are painted, values untouched, and 清除标记 restores every fill exactly', async () => {
    const book = await loadFakeWorkbook(bytes);
    const before = snapshotBook(book);
    const values = valuesOf(book);
    expect(book.sheets[0].fill(7, 2).pattern).toBe('SemiGray75');
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);

    const out = await adapter.validate((g) => g, () => requests(book));
    expect(out.marked).toBe(6);
    expect(book.sheets[0].fill(5, 2)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.error });
    expect(book.sheets[0].fill(6, 2)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.warning, tintAndShade: 0 });
    expect(book.sheets[0].fill(8, 2)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.warning });
    expect(valuesOf(book)).toEqual(values);
    // The store is one custom XML part; no sheet is added (structure and undo are left alone).
    expect(book.sheetByName(MARK_SHEET)).toBeUndefined();
    expect(book.customXmlParts.map((p) => p.namespaceUri)).toEqual([MARKS_NAMESPACE]);
    expect(book.sheets.map((s) => s.name)).toEqual(Object.keys(before).map((k) => k.split('|')[0]));

    const cleared = await adapter.clearMarks();
    expect(cleared.restored).toBe(6);
    expect(book.customXmlParts).toHaveLength(0);
    expect(snapshotBook(book)).toEqual(before);
  });

  test('marks survive a reopen: a new adapter on the same workbook restores them', async () => {
    const book = await loadFakeWorkbook(bytes);
    const before = snapshotBook(book);
    await new ExcelAdapter(new FakeExcelHost(book).run).validate((g) => g, () => requests(book));
    expect(snapshotBook(book)).not.toEqual(before);

    // A fresh host and context over the same workbook: only the stored part tells what to restore.
    const reopened = new ExcelAdapter(new FakeExcelHost(book).run);
    await reopened.clearMarks();
    expect(snapshotBook(book)).toEqual(before);
  });

  test('re-validating first restores the previous marks, and keeps the true originals of cells marked twice', async () => {
    const book = await loadFakeWorkbook(bytes);
    const before = snapshotBook(book);
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const all = requests(book);
    await adapter.validate((g) => g, () => all.slice(0, 4));
    const second = await adapter.validate((g) => g, () => all.slice(2));
    expect(second.restored).toBe(2);
    expect(book.sheets[0].fill(5, 2)).toEqual(before[`${book.sheets[0].name}|Visible`]['5:2'] && (before[`${book.sheets[0].name}|Visible`]['5:2'] as { fill: unknown }).fill);
    expect(book.sheets[0].fill(7, 2)).toMatchObject({ color: MARK_COLORS.error });

    await adapter.validate((g) => g, () => []);
    expect(book.customXmlParts).toHaveLength(0);
    expect(snapshotBook(book)).toEqual(before);
  });

  test('a cell the user recoloured after marking is left as the user made it', async () => {
    const book = await loadFakeWorkbook(bytes);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    await adapter.validate((g) => g, () => requests(book));
    const cell = book.sheets[0].cell(5, 2)!;
    cell.fill = { color: '#00B0F0', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    const res = await adapter.clearMarks();
    expect(res.skipped).toBe(1);
    expect(book.sheets[0].fill(5, 2).color).toBe('#00B0F0');
    expect(book.sheets[0].fill(7, 2).pattern).toBe('SemiGray75');
  });

  test('a renamed sheet keeps its marks (found by id)', async () => {
    const book = await loadFakeWorkbook(bytes);
    const before = book.sheets[0].fill(7, 2);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    await adapter.validate((g) => g, () => requests(book));
    book.sheets[0].name = '改名后';
    await adapter.clearMarks();
    expect(book.sheets[0].fill(7, 2)).toEqual(before);
  });

  test('cells outside what was read, and gradient fills, are never painted', async () => {
    const book = await loadFakeWorkbook(bytes);
    book.sheets[0].ensure(3, 3).fill = { color: '#FF0000', pattern: 'LinearGradient', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const s0 = book.sheets[0].name;
    const out = await adapter.validate((g) => g, () => [
      { sheet: s0, cell: 'Z999', severity: 'error' },
      { sheet: s0, cell: 'C3', severity: 'error' },
      { sheet: '没有这个表', cell: 'A1', severity: 'error' },
    ]);
    expect(out.marked).toBe(0);
    expect(out.unmarkable).toHaveLength(3);
    expect(book.sheets[0].cell(999, 26)).toBeUndefined();
    expect(book.sheets[0].fill(3, 3).pattern).toBe('LinearGradient');
  });
});

describe('go to cell and sheet writes', () => {
  test('goTo activates the sheet and selects the cell; a missing sheet gives a Chinese message', async () => {
    const book = await loadFixture('mut-001.xlsx');
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const target = book.sheets[5];
    await adapter.goTo(target.name, 'F7');
    expect(book.activeSheetId).toBe(target.id);
    expect(book.selection).toEqual({ sheetId: target.id, address: 'F7' });
    await expect(adapter.goTo('不存在的表', 'A1')).rejects.toThrow(/找不到工作表「不存在的表」/);
  });

  test('writing a sheet never overwrites an existing one unless asked; values land as written', async () => {
    const book = await loadFixture('mut-001.xlsx');
    const host = new FakeExcelHost(book);
    const adapter = new ExcelAdapter(host.run);
    const existing = book.sheets[0].name;
    const values = valuesOf(book);
    await expect(adapter.writeSheet(existing, { rows: [['x']] })).rejects.toThrow(/已存在/);
    expect(valuesOf(book)).toEqual(values);

    const names = await adapter.sheetNames();
    expect(freeSheetName('情况说明', [...names, '情况说明'])).toBe('情况说明(2)');
    host.resetCount();
    await adapter.writeSheet('情况说明', { rows: [['一、收入支出预算总体情况'], ['收入合计 149.7 万元。'], ['001'], ['=SUM(A1)'], [12.5]], boldRows: [1], widths: [480], wrap: true });
    expect(host.roundTrips).toBe(1);
    const s = book.sheetByName('情况说明')!;
    expect([s.value(1, 1), s.value(2, 1), s.value(3, 1), s.value(4, 1), s.value(5, 1)]).toEqual(['一、收入支出预算总体情况', '收入合计 149.7 万元。', '001', '=SUM(A1)', 12.5]);
    expect(s.cell(1, 1)!.bold).toBe(true);
    expect(book.activeSheetId).toBe(s.id);

    await adapter.writeSheet('情况说明', { rows: [['新内容']] }, true);
    expect(book.sheets.filter((x) => x.name === '情况说明')).toHaveLength(1);
    expect(book.sheetByName('情况说明')!.value(1, 1)).toBe('新内容');
    expect(book.sheetByName('情况说明')!.value(2, 1)).toBeNull();
    expect(valuesOf(book, ['情况说明'])).toEqual(values);
  });
});

describe('a real defect from the fixtures is painted where the check points', () => {
  const manifest = JSON.parse(fs.readFileSync(fixture('manifest.json'), 'utf8')) as { mutants: { file: string; expect: string; sheet: string; cell: string }[] };
  const mutant = manifest.mutants.find((m) => m.expect === 'error')!;

  test(`${mutant.file}: error findings are painted red, the marks stored, and clear restores`, async () => {
    const book = await loadFixture(mutant.file);
    const before = snapshotBook(book);
    const adapter = new ExcelAdapter(new FakeExcelHost(book).run);
    const out = await adapter.validate((g) => checkWorkbook(g, { file: mutant.file }), (r) => errorsAndWarnings(r.report));
    const errors = out.result.report.findings.filter((f) => f.severity === 'error' && f.sheet && f.cell);
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      const s = book.sheetByName(f.sheet)!;
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      expect(s.fill(Number(m[2]), col)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.error });
    }
    expect(errors.some((f) => f.sheet === mutant.sheet)).toBe(true);
    await adapter.clearMarks();
    expect(snapshotBook(book)).toEqual(before);
  });
});

/** A cell with the fixture's own solid grey header fill on sheet `i`. */
function greyCell(book: FakeWorkbook, i: number): string {
  for (const [k, c] of book.sheets[i].cells) {
    if (c.fill.pattern === 'Solid' && c.value !== null) {
      const [r, col] = k.split(':').map(Number);
      return `${String.fromCharCode(64 + col)}${r}`;
    }
  }
  throw new Error('no grey cell in fixture sheet');
}

describe('marks survive saving the workbook', () => {
  test('highlight, save as .xlsx, reopen (new sheet ids), clear: every fill restored, values untouched', async () => {
    const { saveFakeWorkbook } = await import('../../src/excel/fake/to-xlsx');
    const bytes = await fixtureWithFills('clean/synth-jy-small.xlsx', [
      { sheet: 1, cell: 'B8', fill: SPECIAL_FILLS.theme },
      { sheet: 1, cell: 'C8', fill: SPECIAL_FILLS.pattern },
      { sheet: 1, cell: 'D8', fill: SPECIAL_FILLS.solid },
    ]);
    const original = await loadFakeWorkbook(bytes);
    // The reference goes through the same save + reopen, so only our marks can make a difference.
    const before = snapshotBook(await loadFakeWorkbook(await saveFakeWorkbook(original)));

    const s1 = original.sheets[1].name;
    const requests: MarkRequest[] = ['A8', 'B8', 'C8', 'D8', 'E8'].map((cell, i) => ({ sheet: s1, cell, severity: i % 2 ? 'warning' : 'error' }));
    const out = await new ExcelAdapter(new FakeExcelHost(original).run).validate((g) => g, () => requests);
    expect(out.marked).toBe(5);

    const reopened = await loadFakeWorkbook(await saveFakeWorkbook(original));
    expect(reopened.customXmlParts.map((p) => p.namespaceUri)).toEqual([MARKS_NAMESPACE]);
    expect(reopened.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    expect(reopened.sheets[1].id).not.toBe(original.sheets[1].id);
    expect(reopened.sheets[1].fill(8, 2)).toMatchObject({ color: MARK_COLORS.warning }); // B8
    expect(reopened.sheets[1].fill(8, 3)).toMatchObject({ color: MARK_COLORS.error }); // C8
    const res = await new ExcelAdapter(new FakeExcelHost(reopened).run).clearMarks();
    expect(res.restored).toBe(5);
    // Saved once more, like the reference: a lost tint or pattern would show as a different colour.
    expect(snapshotBook(await loadFakeWorkbook(await saveFakeWorkbook(reopened)))).toEqual(before);
  });
});
