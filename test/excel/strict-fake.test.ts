/**
 * The fake throws where Excel throws (docs/office-js-behaviour.md lists each behaviour and its source):
 * payload limits, the 5-million-cell read, VeryHidden delete, protection, PropertyNotLoaded after a
 * failed sync, the 512 merged areas, cell-edit mode, custom XML parts.
 */
import { FakeExcelHost, PAYLOAD_LIMIT } from '../../src/excel/fake/context';
import { loadFakeWorkbook } from '../../src/excel/fake/from-xlsx';
import { saveFakeWorkbook } from '../../src/excel/fake/to-xlsx';
import { FakeWorkbook } from '../../src/excel/fake/workbook';

function book(rows = 3, text = 'x'): FakeWorkbook {
  const b = new FakeWorkbook();
  const s = b.addSheet('表1');
  for (let r = 1; r <= rows; r++) s.ensure(r, 1).value = text;
  b.addSheet('表2');
  return b;
}

const run = (b: FakeWorkbook, f: (ctx: Excel.RequestContext) => Promise<void>) => new FakeExcelHost(b).run(f);

describe('payload accounting (Excel on the web: 5 MB per request and response)', () => {
  test('each round trip is counted with its request and response bytes', async () => {
    const host = new FakeExcelHost(book(100, '预算'));
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('A1:A100');
      r.load('values');
      await ctx.sync();
    });
    expect(host.trips).toHaveLength(1);
    // 100 cells of ["预算"] = 100 × (6 UTF-8 bytes + quotes, brackets, commas) plus the object key.
    expect(host.trips[0].response).toBeGreaterThan(100 * 10);
    expect(host.trips[0].response).toBeLessThan(100 * 14);
    expect(host.trips[0].request).toBeGreaterThan(0);
  });

  test('a response above 5 MB is refused with ResponsePayloadSizeLimitExceeded and nothing is loaded', async () => {
    const b = book(80000, '一二三四五六七八九十一二三四五六七八九十一二三四五');
    const host = new FakeExcelHost(b);
    let range: Excel.Range | null = null;
    await expect(
      host.run(async (ctx) => {
        range = ctx.workbook.worksheets.getItem('表1').getRange('A1:A80000');
        range.load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(host.trips[0].response).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(() => range!.values).toThrow(/not available/);
    // The same read in halves fits.
    host.resetCount();
    await host.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('表1').getRange('A1:A40000');
      a.load('values');
      await ctx.sync();
      const c = ctx.workbook.worksheets.getItem('表1').getRange('A40001:A80000');
      c.load('values');
      await ctx.sync();
    });
    expect(host.maxPayload()).toBeLessThan(PAYLOAD_LIMIT);
    // Excel on Windows has no such limit.
    host.payloadLimit = null;
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表1').getRange('A1:A80000').load('values');
      await ctx.sync();
    });
  });

  test('a request above 5 MB is refused with RequestPayloadSizeLimitExceeded before anything runs', async () => {
    const b = book(1);
    const big = Array.from({ length: 40000 }, () => ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五']);
    await expect(
      run(b, async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('B1').values = [['写了']];
        ctx.workbook.worksheets.getItem('表1').getRange('A1:A40000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(b.sheets[0].value(1, 2)).toBeNull();
  });

  test('reading more than 5,000,000 cells of one range fails with RangeExceedsLimit', async () => {
    await expect(
      run(book(1), async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });
});

describe('documented failures', () => {
  test('deleting a VeryHidden sheet fails with InvalidOperation; Hidden first, then delete works', async () => {
    const b = book();
    b.addSheet('_旧标记').visibility = 'VeryHidden';
    await expect(
      run(b, async (ctx) => {
        ctx.workbook.worksheets.getItem('_旧标记').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(b.sheetByName('_旧标记')).toBeDefined();
    await run(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('_旧标记');
      ws.visibility = 'Hidden' as Excel.SheetVisibility;
      ws.delete();
      await ctx.sync();
    });
    expect(b.sheetByName('_旧标记')).toBeUndefined();
  });

  test('a protected sheet refuses values and formats (AccessDenied) but can be read; protection is loadable', async () => {
    const b = book();
    b.sheets[0].protected = true;
    await expect(
      run(b, async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      run(b, async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1').values = [['改']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(b.sheets[0].fill(1, 1).pattern).toBe('None');
    await run(b, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      const r = sheets.getItem('表1').getRange('A1');
      r.load('values');
      await ctx.sync();
      expect(sheets.items.map((s) => s.protection.protected)).toEqual([true, false]);
      expect(r.values).toEqual([['x']]);
    });
  });

  test('a protected workbook structure refuses adding, deleting, renaming and hiding sheets', async () => {
    const b = book();
    b.structureProtected = true;
    for (const change of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.add('新表'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('表2').delete(),
      (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getItem('表2').name = '改名'),
      (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getItem('表2').visibility = 'Hidden' as Excel.SheetVisibility),
    ]) {
      await expect(
        run(b, async (ctx) => {
          change(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(b.sheets.map((s) => `${s.name}|${s.visibility}`)).toEqual(['表1|Visible', '表2|Visible']);
    await run(b, async (ctx) => {
      const p = ctx.workbook.protection;
      p.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
      // Cells of an unprotected sheet can still be coloured.
      ctx.workbook.worksheets.getItem('表1').getRange('A1').format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    expect(b.sheets[0].fill(1, 1).color).toBe('#FFC7CE');
  });

  test('in cell-edit mode every batch fails with InvalidOperationInCellEditMode and changes nothing', async () => {
    const b = book();
    const host = new FakeExcelHost(b);
    host.cellEditMode = true;
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(b.sheets[0].fill(1, 1).pattern).toBe('None');
  });

  test('getMergedAreasOrNullObject fails on more than 512 merged areas, works on 512', async () => {
    const b = book(1);
    b.sheets[0].merges = Array.from({ length: 513 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    const host = new FakeExcelHost(b);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表1').getRange('A1:B2000').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    await host.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('表1').getRange('A1:B1024').getMergedAreasOrNullObject();
      m.load('areaCount');
      await ctx.sync();
      expect(m.areaCount).toBe(512);
    });
  });

  test('after a failed sync the loads of that batch stay unreadable (PropertyNotLoaded)', async () => {
    const b = book();
    let r: Excel.Range | null = null;
    await expect(
      run(b, async (ctx) => {
        r = ctx.workbook.worksheets.getItem('表1').getRange('A1');
        ctx.workbook.worksheets.getItem('没有').getRange('A1').load('values');
        r.load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(() => r!.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
});

describe('custom XML parts', () => {
  const NS = 'urn:test:a';
  test('add, getByNamespace, getXml, setXml, delete; malformed XML is refused', async () => {
    const b = book();
    await run(b, async (ctx) => {
      ctx.workbook.customXmlParts.add(`<a xmlns="${NS}"><x/></a>`);
      ctx.workbook.customXmlParts.add('<b xmlns="urn:other"/>');
      await ctx.sync();
      const mine = ctx.workbook.customXmlParts.getByNamespace(NS);
      mine.load('items/id,items/namespaceUri');
      await ctx.sync();
      expect(mine.items.map((p) => p.namespaceUri)).toEqual([NS]);
      const xml = mine.items[0].getXml();
      expect(() => xml.value).toThrow(/not available/);
      await ctx.sync();
      expect(xml.value).toBe(`<a xmlns="${NS}"><x/></a>`);
      mine.items[0].setXml(`<a xmlns="${NS}"><y/></a>`);
      await ctx.sync();
    });
    expect(b.customXmlParts.map((p) => p.xml)).toEqual([`<a xmlns="${NS}"><y/></a>`, '<b xmlns="urn:other"/>']);
    await expect(
      run(b, async (ctx) => {
        ctx.workbook.customXmlParts.add('kein xml');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(b, async (ctx) => {
      ctx.workbook.customXmlParts.getItem(b.customXmlParts[0].id).delete();
      await ctx.sync();
    });
    expect(b.customXmlParts.map((p) => p.namespaceUri)).toEqual(['urn:other']);
  });

  test('parts and sheet protection survive save and reopen; the reopened file is a valid package', async () => {
    const b = book();
    b.addXmlPart(`<a xmlns="${NS}">数据 &amp; 更多</a>`);
    b.sheets[1].protected = true;
    const reopened = await loadFakeWorkbook(await saveFakeWorkbook(b));
    expect(reopened.customXmlParts.map((p) => [p.namespaceUri, p.xml])).toEqual([[NS, `<a xmlns="${NS}">数据 &amp; 更多</a>`]]);
    expect(reopened.sheets.map((s) => s.protected)).toEqual([false, true]);
    expect(reopened.sheets[0].value(1, 1)).toBe('x');
  });
});
