/** The fake Excel host behaves like Office.js where it matters: loads, queued writes, null objects, counts. */
import { FakeExcelHost } from '../../src/excel/fake/context';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import { FakeWorkbook } from '../../src/excel/fake/workbook';
import { displayText } from '../../src/excel/fake/display';
import { fixtureWithFills, loadFixture, SPECIAL_FILLS } from './helpers';

function tiny(): FakeWorkbook {
  const book = new FakeWorkbook();
  const s = book.addSheet('表1');
  s.ensure(1, 1).value = '标题';
  s.ensure(2, 2).value = 12.5;
  s.ensure(2, 2).numFmt = '0.0';
  book.addSheet('表2');
  return book;
}

describe('fake Excel host', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('A1:B2');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([['标题', ''], ['', 12.5]]);
      expect(() => r.text).toThrow(/not available/);
    });
  });

  test('collection items exist only after load; round trips are counted', async () => {
    const host = new FakeExcelHost(tiny());
    const names = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      expect(() => ws.items).toThrow(/not available/);
      ws.load('items/name');
      await ctx.sync();
      expect(() => ws.items[0].id).toThrow(/not available/);
      return ws.items.map((w) => w.name);
    });
    expect(names).toEqual(['表1', '表2']);
    expect(host.roundTrips).toBe(1);
  });

  test('writes are queued until sync and run in order with loads', async () => {
    const book = tiny();
    const host = new FakeExcelHost(book);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('B2');
      r.format.fill.color = '#FF0000';
      expect(book.sheets[0].fill(2, 2).pattern).toBe('None');
      const before = r.getCellProperties({ format: { fill: { color: true } } });
      r.values = [[99]];
      r.load('values');
      await ctx.sync();
      expect(before.value[0][0]).toEqual({ format: { fill: { color: '#FF0000' } } });
      expect(r.values).toEqual([[99]]);
    });
    expect(book.sheets[0].fill(2, 2)).toMatchObject({ pattern: 'Solid', color: '#FF0000' });
  });

  test('a failing command rejects sync and drops the rest of the batch', async () => {
    const book = tiny();
    const host = new FakeExcelHost(book);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['改了']];
        ctx.workbook.worksheets.getItem('不存在').activate();
        ctx.workbook.worksheets.getItem('表1').getRange('A2').values = [['不会写']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(book.sheets[0].value(1, 1)).toBe('改了');
    expect(book.sheets[0].value(2, 1)).toBeNull();
  });

  test('OrNullObject methods report isNullObject instead of failing', async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有');
      missing.load('isNullObject');
      const empty = ctx.workbook.worksheets.getItem('表2').getUsedRangeOrNullObject(true);
      empty.load('isNullObject');
      const merged = ctx.workbook.worksheets.getItem('表1').getRange('A1:B2').getMergedAreasOrNullObject();
      merged.load('address'); // loading a null object is allowed
      const present = ctx.workbook.worksheets.getItemOrNullObject('表1');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
      expect(merged.isNullObject).toBe(true);
      expect(() => merged.address).toThrow(/not available/);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('values of the wrong shape are rejected; text-looking numbers become numbers unless "@"', async () => {
    const book = tiny();
    const host = new FakeExcelHost(book);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表2').getRange('A1:B1').values = [['只有一个']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表2').getRange('A1:B1');
      r.numberFormat = [['General', '@']];
      r.values = [['001', '001']];
      await ctx.sync();
    });
    expect(book.sheets[1].value(1, 1)).toBe(1);
    expect(book.sheets[1].value(1, 2)).toBe('001');
  });

  test('the used range, address quoting and displayed text follow Excel', async () => {
    const book = await loadFixture('mut-001.xlsx');
    const host = new FakeExcelHost(book);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(book.sheets[0].name);
      const used = ws.getUsedRange(true);
      used.load('address,rowCount');
      await ctx.sync();
      expect(used.address.startsWith(`'${book.sheets[0].name}'!`)).toBe(true);
      expect(used.rowCount).toBeGreaterThan(10);
    });
    expect(displayText(1990.5, '#,##0.00')).toBe('1,990.50');
    expect(displayText(68.7, '0.0')).toBe('68.7');
    expect(displayText(0, '#,##0.00;-#,##0.00;""')).toBe('');
    expect(displayText(-3, '0.0')).toBe('-3.0');
    expect(displayText(0.256, '0.0%')).toBe('25.6%');
  });

  test('fills come from the xlsx as Office.js reports them: solid, theme + tint, pattern, none', async () => {
    const bytes = await fixtureWithFills('clean/synth-pds-small.xlsx', [
      { sheet: 0, cell: 'B5', fill: SPECIAL_FILLS.solid },
      { sheet: 0, cell: 'B6', fill: SPECIAL_FILLS.theme },
      { sheet: 0, cell: 'B7', fill: SPECIAL_FILLS.pattern },
      { sheet: 0, cell: 'B8', fill: null },
    ]);
    const book = await loadFakeWorkbook(bytes);
    const s = book.sheets[0];
    expect(s.fill(5, 2)).toEqual({ color: '#92D050', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
    // The fixture carries the Office 2007 theme: accent1 #4F81BD, accent4 #8064A2.
    expect(s.fill(6, 2)).toEqual({ color: '#4F81BD', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0.3999755851924192, patternTintAndShade: 0 });
    expect(s.fill(7, 2)).toEqual({ color: '#8064A2', pattern: 'SemiGray75', patternColor: '#FF0000', tintAndShade: -0.25, patternTintAndShade: 0 });
    expect(s.fill(8, 2)).toMatchObject({ pattern: 'None', tintAndShade: null });
  });
});
