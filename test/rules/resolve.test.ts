/** Localisation: one defect → one finding at the cell a person should look at first. */
import { evaluate, type Relation, type Term } from '../../src/core/rules/relation';
import { isTransposition, resolve } from '../../src/core/rules/resolve';
import { childSumRelations, hierarchy, rowRelation } from '../../src/core/rules/table/kit';
import type { GridTable } from '../../src/core/model';
import { COLS, miniTable, type MiniRow } from './helpers/mini';

/** 合计, one department, three 项 rows: 合计 = 基本 + 项目 on every row, and the column sums. */
const base = (): MiniRow[] => [
  { kind: 'total', values: [30, 20, 10] },
  { kind: 'dept', code: '001', values: [30, 20, 10] },
  { kind: 'func', code: '2010301', values: [17.5, 12.5, 5] },
  { kind: 'func', code: '2080505', values: [8, 5, 3] },
  { kind: 'func', code: '2210201', values: [4.5, 2.5, 2] },
];

function relationsOf(t: GridTable): Relation[] {
  const rows = t.rows.map((r) => rowRelation(t, r, 'T03.row-split', '合计', ['基本支出/小计', '项目支出/小计'])!);
  return [...rows, ...childSumRelations(t, hierarchy(t), COLS, { colSum: 'T03.col-sum', rollup: 'T03.unit-rollup', subtotal: 'T03.code-hierarchy' })];
}

function problems(rels: Relation[]) {
  return resolve(rels.map((r, i) => evaluate(r, i))).filter((f) => f.severity !== 'info');
}

const cross = (rule: string, lhs: Term[], rhs: Term[]): Relation => ({ rule, severity: 'error', lhs, rhs, decimals: 1, tables: ['T01', 'T03'], lhsText: 'l', rhsText: 'r', shape: { kind: 'cross' } });

describe('resolve', () => {
  test('a consistent table gives no finding', () => {
    expect(problems(relationsOf(miniTable(base())))).toEqual([]);
  });

  test('one detail cell breaks its row and both column sums: one finding, at that cell, with the right number', () => {
    const spec = base();
    spec[2].values[1] = 21.5; // 12.5 → 21.5: 基本支出 of 2010301
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'G9', expected: 12.5, actual: 21.5, severity: 'error' });
    expect(fs[0].message).toContain('应为 12.5');
  });

  test('a changed total is blamed, not the details that agree with each other', () => {
    const spec = base();
    spec[0].values[0] = 33;
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs.map((f) => f.cell)).toEqual(['F7']);
  });

  test('a deleted detail row: the lowest parent that no longer adds up, first column', () => {
    const spec = base();
    spec.splice(3, 1);
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs).toHaveLength(1);
    expect(fs[0].cell).toBe('F8');
    expect(fs[0].message).toContain('删除');
  });

  test('a unit’s only detail row deleted: one finding, at the unit row now left with nothing under it', () => {
    const spec: MiniRow[] = [
      { kind: 'total', values: [30, 20, 10] },
      { kind: 'dept', code: '001', values: [30, 20, 10] },
      { kind: 'unit', code: '001001', values: [22, 14, 8] },
      { kind: 'func', code: '2010301', values: [17.5, 12.5, 5] },
      { kind: 'func', code: '2080505', values: [4.5, 1.5, 3] },
      { kind: 'unit', code: '001002', values: [8, 6, 2] },
      { kind: 'func', code: '2210201', values: [8, 6, 2] },
    ];
    expect(problems(relationsOf(miniTable(spec)))).toEqual([]);
    spec.splice(6, 1);
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs.map((f) => f.cell)).toEqual(['F12']);
    expect(fs[0].message).toContain('删除');
  });

  test('a unit row without rows under it where no unit has any (a table of unit totals): no finding', () => {
    const spec: MiniRow[] = [
      { kind: 'total', values: [30, 20, 10] },
      { kind: 'dept', code: '001', values: [30, 20, 10] },
      { kind: 'unit', code: '001001', values: [22, 14, 8] },
      { kind: 'unit', code: '001002', values: [8, 6, 2] },
    ];
    expect(problems(relationsOf(miniTable(spec)))).toEqual([]);
  });

  test('one column of a parent’s rows shifted right: the parent’s cell in the source column', () => {
    // 基本 → 项目 for two rows, which still add up row by row (合计 = 基本 + 项目).
    const spec = base();
    for (const i of [2, 3]) {
      spec[i].values[2] += spec[i].values[1];
      spec[i].values[1] = 0;
    }
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs.map((f) => f.cell)).toEqual(['G8']);
  });

  test('a cross-table pair where both tables are consistent: the left-hand (summary) cell', () => {
    const t = miniTable(base());
    const rels = relationsOf(t);
    const t01: Term = { ref: { sheet: '表1', cell: 'D6' }, scaled: 31e6, label: '一般公共服务', table: 'T01' };
    rels.push(cross('X.T01-T03.class', [t01], [{ ref: t.rows[2].amounts['合计'].ref, scaled: t.rows[2].amounts['合计'].scaled, label: 'x', table: 'T03', row: 9, col: '合计' }]));
    const fs = problems(rels);
    expect(fs.map((f) => [f.sheet, f.cell])).toEqual([['表1', 'D6']]);
  });

  test('a detail cell that also disagrees with another table is still the one finding', () => {
    const spec = base();
    spec[2].values[0] = 71.5; // 17.5 → 71.5 transposed, breaks row, column sums and the class relation
    const t = miniTable(spec);
    const rels = relationsOf(t);
    const a = t.rows[2].amounts['合计'];
    rels.push(cross('X.T01-T03.class', [{ ref: { sheet: '表1', cell: 'D6' }, scaled: 17.5e6, label: '一般公共服务', table: 'T01' }], [{ ref: a.ref, scaled: a.scaled, label: 'x', table: 'T03', row: 9, col: '合计' }]));
    const fs = problems(rels);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: '表3', cell: 'F9', expected: 17.5 });
  });

  test('one relation only: the total, unless one addend is a digit transposition of what it should be', () => {
    const term = (cell: string, v: number): Term => ({ ref: { sheet: 'T', cell }, scaled: Math.round(v * 1e6), label: cell, table: 'T14' });
    const sum = (a: number, b: number): Relation[] => [{ rule: 'T14.col-sum', severity: 'error', lhs: [term('J6', 20)], rhs: [term('J7', a), term('J8', b)], decimals: 1, tables: ['T14'], lhsText: '合计', rhsText: 'Σ' }];
    expect(problems(sum(3, 20)).map((f) => f.cell)).toEqual(['J6']);
    expect(problems(sum(3, 71)).map((f) => f.cell)).toEqual(['J8']); // 17 → 71
    // A holding one-sided relation (T14 ≤ T03 for the code) says nothing about which cell moved.
    const atMost: Relation = { rule: 'X.T14-T03.code', severity: 'error', below: null, lhs: [term('J7', 3)], rhs: [{ ...term('F9', 170), table: 'T03' }], decimals: 1, tables: ['T14', 'T03'], lhsText: 'l', rhsText: 'r', shape: { kind: 'cross' } };
    expect(problems([...sum(3, 13), atMost]).map((f) => f.cell)).toEqual(['J6']);
  });

  test('cells of one row changed together (its own table still balanced) against another table: the row’s leading cell', () => {
    const term = (sheet: string, cell: string, v: number, group?: string): Term => ({ ref: { sheet, cell }, scaled: Math.round(v * 1e6), label: cell, group, table: sheet === 'T11' ? 'T11' : 'T01' });
    const within = (lhs: Term, rhs: Term[]): Relation => ({ rule: 'T11.sources', severity: 'error', lhs: [lhs], rhs, decimals: 1, tables: ['T11'], lhsText: 'l', rhsText: 'r', shape: { kind: 'cross' } });
    const total = term('T11', 'D8', 99.4, 'T11');
    const gov = term('T11', 'D9', 99.4, 'T11');
    const rels: Relation[] = [
      within(total, [gov]),
      cross('X.T11-T01.total', [total], [term('T01', 'B38', 121.3)]),
      cross('X.T11-T01.sources', [gov], [term('T01', 'B6', 121.3)]),
    ];
    expect(problems(rels).map((f) => f.cell)).toEqual(['D8']);
  });

  // Twelve 项 rows: a column's allowance (m = 13: ⌈√13⌉ = 4 units) hides a change of 0.3 that the
  // two-cell row relation (合计 = 基本 + 项目) cannot; the column sums then tell which of the row's cells moved.
  const long = (): MiniRow[] => {
    const items: MiniRow[] = Array.from({ length: 12 }, (_, i) => ({ kind: 'func', code: `20103${String(i + 1).padStart(2, '0')}`, values: [15 + i, 10 + i, 5] }));
    const sum = (k: number) => items.reduce((s, r) => s + r.values[k], 0);
    const totals = [sum(0), sum(1), sum(2)];
    return [{ kind: 'total', values: totals }, { kind: 'dept', code: '001', values: totals.slice() }, ...items];
  };

  test('a small change to a detail hidden in its column’s allowance: still the detail, not its row total', () => {
    const spec = long();
    spec[4].values[1] = 12.3; // 12 → 12.3: the row fails by 0.3, the columns only drift within tolerance
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'G11', expected: 12, actual: 12.3 });
  });

  test('a small change to a row total hidden in its column’s allowance: the row total', () => {
    const spec = long();
    spec[4].values[0] = 16.7; // 17 → 16.7
    const fs = problems(relationsOf(miniTable(spec)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'F11', expected: 17, actual: 16.7 });
  });

  // A department-wide figure of one code (T06's 30206 line) against that code's rows under every unit
  // of a by-unit table (T07). A unit's nine other rows give an allowance of ⌈√10⌉ = 4 units, in which
  // a 0.3 row can go missing unseen.
  const CODE = '2010399';
  const unitRows = (unit: string, hasCode: boolean, tail = 0): MiniRow[] => {
    const items: MiniRow[] = Array.from({ length: 9 }, (_, i) => ({ kind: 'func', code: `20103${String(i + 11)}`, values: [10 + i, 5 + i, 5] }));
    if (hasCode) items.push({ kind: 'func', code: CODE, values: [0.3, 0.3, 0] });
    const sum = (k: number) => Math.round(items.reduce((s, r) => s + r.values[k], 0) * 10) / 10;
    return [{ kind: 'unit', code: unit, values: [sum(0) + tail, sum(1) + tail, sum(2)] }, ...items];
  };
  /** Units given as [has the code, tail of the unit row]. */
  const byUnit = (units: [boolean, number][]): MiniRow[] => {
    const rows = units.map(([has, tail], i) => unitRows(`00100${i + 1}`, has, tail));
    const heads = rows.map((u) => u[0].values);
    const totals = [0, 1, 2].map((k) => Math.round(heads.reduce((s, v) => s + v[k], 0) * 10) / 10);
    return [{ kind: 'total', values: totals }, { kind: 'dept', code: '001', values: totals.slice() }, ...rows.flat()];
  };
  /** A T06 line of `amount` (合计 = 人员经费 + 公用经费) against the Σ 合计 of the code's rows in the table. */
  const withCodeLine = (spec: MiniRow[], amount: number): Relation[] => {
    const t = miniTable(spec);
    const t06 = (cell: string, v: number): Term => ({ ref: { sheet: '表6', cell }, scaled: Math.round(v * 1e6), label: CODE, table: 'T06' });
    const total = t06('E24', amount);
    return [
      ...relationsOf(t),
      { rule: 'T06.row', severity: 'error', lhs: [total], rhs: [t06('F24', 0), t06('G24', amount)], decimals: 1, tables: ['T06'], lhsText: '合计', rhsText: '人员经费 + 公用经费' },
      {
        rule: 'X.T06-T07.basic',
        severity: 'error',
        lhs: [total],
        rhs: [],
        rhsSlice: { table: 'T03', rows: t.rows.filter((r) => r.func?.code === CODE), cols: ['合计'], name: () => CODE },
        decimals: 1,
        tables: ['T06', 'T03'],
        lhsText: `表6 ${CODE} 合计`,
        rhsText: `表3 ${CODE} 合计`,
        shape: { kind: 'cross' },
      },
    ];
  };
  const codeRowsTotal = (spec: MiniRow[]) => Math.round(spec.filter((r) => r.code === CODE).reduce((s, r) => s + r.values[0], 0) * 10) / 10;

  test('a small row of one code deleted under one unit, seen only against a department-wide table: that unit’s row', () => {
    const spec = byUnit([[true, 0], [true, 0], [true, 0], [true, 0]]);
    const line = codeRowsTotal(spec);
    expect(problems(withCodeLine(spec, line))).toEqual([]);
    const unit3 = spec.findIndex((r) => r.code === '001003');
    spec.splice(unit3 + 10, 1); // its 2010399 row, 0.3
    const fs = problems(withCodeLine(spec, line));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: '表3', cell: `F${7 + unit3}`, severity: 'error' });
    expect(fs[0].message).toContain('删除');
  });

  test('two units could have lost the row: no guess at a unit, and no correction of a cell that breaks its own row', () => {
    // Units 2 and 3 lack the code and are both 0.4 over their rows; raising unit 1's 2010399 row by
    // 0.4 would bring unit 1's own 0.3 tail closer to exact too, but breaks that row (合计 = 基本 + 项目).
    // Units 4 and 5 are 0.4 under theirs, so that the 合计 keeps within its allowance.
    const spec = byUnit([[true, 0.3], [false, 0.4], [false, 0.4], [true, -0.4], [true, -0.4], [true, 0], [true, 0], [true, 0]]);
    const fs = problems(withCodeLine(spec, codeRowsTotal(spec) + 0.4));
    expect(fs.map((f) => [f.sheet, f.cell])).toEqual([['表6', 'E24']]);
  });

  test('a unit is not blamed for a code most units do not have, nor for a tail that only comes near the amount', () => {
    const rare = byUnit([[true, 0], [false, 0.3], [false, 0], [false, 0]]);
    expect(problems(withCodeLine(rare, codeRowsTotal(rare) + 0.3)).map((f) => [f.sheet, f.cell])).toEqual([['表6', 'E24']]);
    const near = byUnit([[true, 0], [false, 0.2], [true, 0], [true, 0]]);
    expect(problems(withCodeLine(near, codeRowsTotal(near) + 0.3)).map((f) => [f.sheet, f.cell])).toEqual([['表6', 'E24']]);
  });

  test('digit transposition test', () => {
    expect(isTransposition('171.5', '117.5')).toBe(true);
    expect(isTransposition('149.80', '148.90')).toBe(true);
    expect(isTransposition('117.5', '117.5')).toBe(false);
    expect(isTransposition('120.5', '117.5')).toBe(false);
  });
});
