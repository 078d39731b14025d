/** A tiny hand-made expense table (T03 layout) for resolver tests: rows of 合计 | 基本支出/小计 | 项目支出/小计. */
import type { BodyRow, GridTable } from '../../../src/core/model';
import { a1 } from '../../../src/core/grid';

export const COLS = ['合计', '基本支出/小计', '项目支出/小计'];
const LETTERS: Record<string, number> = { 合计: 6, '基本支出/小计': 7, '项目支出/小计': 12 };

export interface MiniRow {
  kind: BodyRow['kind'];
  code?: string;
  values: number[];
}

/** Rows start at sheet row 7; a func row's code is 7 digits. */
export function miniTable(spec: MiniRow[], sheet = '表3', id: GridTable['id'] = 'T03'): GridTable {
  const rows: BodyRow[] = spec.map((s, i) => {
    const row = 7 + i;
    const amounts: BodyRow['amounts'] = {};
    COLS.forEach((k, j) => {
      amounts[k] = { scaled: Math.round(s.values[j] * 1e6), decimals: 1, blank: false, ref: { sheet, cell: a1(row, LETTERS[k]) } };
    });
    const r: BodyRow = { kind: s.kind, row, sheet, amounts, texts: {} };
    if (s.kind === 'func' && s.code) r.func = { lei: s.code.slice(0, 3), kuan: s.code.slice(3, 5), xiang: s.code.slice(5, 7), code: s.code, refs: [{ sheet, cell: `A${row}` }] };
    if (s.kind === 'dept' || s.kind === 'unit') r.code = { text: s.code ?? '001', ref: { sheet, cell: `D${row}` } };
    r.name = { text: s.code ?? s.kind, ref: { sheet, cell: `E${row}` } };
    return r;
  });
  return {
    kind: 'grid',
    id,
    sheet,
    range: 'A1:N20',
    title: '部门支出总体情况表',
    titleRef: { sheet, cell: 'A1' },
    layout: 'pds',
    decimals: 1,
    columns: COLS.map((key) => ({ key, path: [key], col: LETTERS[key] })),
    notes: [],
    rows,
  } as GridTable;
}
