/** readParams on the four fixture workbooks, against their params.json. */
import { parseAmount } from '../../src/core/amount';
import { paramAmount, readParams } from '../../src/core/narrative';
import { normLabel } from '../../src/core/narrative/labels';
import { cellText } from '../../src/core/narrative/params';
import type { SheetGrid } from '../../src/core/grid';
import { SEEDS, grids, paramsJson } from './fixtures';
import { paramsGrid } from './book-builder';

const LIST_KEYS: Record<string, 'items' | 'keyProjects' | 'transfers'> = { 分项上年数: 'items', 重点项目: 'keyProjects', 专项转移支付项目名称: 'transfers' };

function flatInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const group of Object.values(inputs)) {
    if (group && typeof group === 'object' && !Array.isArray(group)) Object.assign(out, group);
  }
  return out;
}

function same(value: unknown, format: string | null, expected: unknown): boolean {
  if (expected === null) return value === null;
  if (typeof expected === 'number') {
    const p = parseAmount(value, format);
    return p.ok && !p.blank && p.scaled === Math.round(expected * 1e6);
  }
  return cellText(value as never) === String(expected);
}

describe.each(SEEDS)('seed %s: 说明参数 read by label', (seed) => {
  test('every value and cell of params.json', async () => {
    const p = readParams(await grids(seed))!;
    expect(p).toBeDefined();
    expect(p.sheet).toBe('说明参数');
    const json = paramsJson(seed);
    const values = flatInputs(json.inputs as Record<string, unknown>);
    for (const [label, where] of Object.entries(json.cells)) {
      if (typeof where === 'string') {
        const f = p.fields[normLabel(label)];
        expect({ label, cell: f?.cell }).toEqual({ label, cell: where });
        expect({ label, ok: same(f.value, f.format, values[label]) }).toEqual({ label, ok: true });
      } else {
        const list = p[LIST_KEYS[label]];
        expect(list?.headerCell).toBe(where.header);
        expect(list!.rows.length).toBe(where.rows);
        if (where.rows) expect(list!.rows[0].row).toBe(where.firstRow);
        expect(list!.columns).toEqual(where.columns.map(normLabel));
        const rows = (values[label] as Record<string, unknown>[] | string[]) ?? [];
        rows.forEach((r, i) => {
          const obj = typeof r === 'string' ? { [where.columns[0]]: r } : r;
          for (const [col, v] of Object.entries(obj)) {
            const c = list!.rows[i].cells[normLabel(col)];
            expect({ label, i, col, ok: same(c.value, c.format, v) }).toEqual({ label, i, col, ok: true });
          }
        });
      }
    }
  });
});

test('paramAmount: a labelled number for other modules (the 济源 procurement total)', async () => {
  const p = readParams(await grids('004'));
  expect(paramAmount(p, '政府采购合计')).toBe(9.9);
  expect(paramAmount(p, '上年政府性基金收支预算')).toBeUndefined();
  expect(paramAmount(undefined, '政府采购合计')).toBeUndefined();
});

describe('reading rules', () => {
  test('no 说明参数 sheet → undefined; the sheet is found by its title cell, not its name', () => {
    const other: SheetGrid = { name: '说明参数', origin: 'A1', values: [['别的内容'], ['部门名称', 'x']] };
    expect(readParams([other])).toBeUndefined();
    const renamed = { ...paramsGrid([['部门名称', '某部门']]), name: 'Sheet9' };
    expect(readParams([other, renamed])!.fields[normLabel('部门名称')].value).toBe('某部门');
  });
  test('labels match across full/half width, spaces and quotes', () => {
    const p = readParams([paramsGrid([['上年"三公"经费合计', 4], [' 上年因公出国(境)费 ', 0]])])!;
    expect(p.fields[normLabel('上年“三公”经费合计')].value).toBe(4);
    expect(p.fields[normLabel('上年因公出国（境）费')].cell).toBe('B3');
  });
  test('a list block ends at the first empty row and ignores the hint column of its 【】 row', () => {
    const p = readParams([
      paramsGrid([
        ['【分项上年数】', null, '提示'],
        ['科目编码', '科目名称', '本年预算数', '上年预算数', '变动原因'],
        ['2010301', '行政运行', 170.3, 180.9, '项目支出减少'],
        [2080505, '养老', 3.5, 3.5],
        [],
        ['上年收入总计', 188.3],
      ]),
    ])!;
    expect(p.items!.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(p.items!.columns).toHaveLength(5);
    expect(p.fields[normLabel('上年收入总计')].cell).toBe('B7');
  });
});
