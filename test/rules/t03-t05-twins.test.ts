/**
 * X.T03-T05.row when one table's function code is mistyped: the row of T05 and the row of T03 hold
 * the same amounts under different codes. That is one defect, reported once, at the code cell the
 * catalogue does not know — also in a department whose T03 carries other funds (T05 ⊆ T03), where a
 * T03 row missing from T05 is normal and used to leave the T05 row reported as "应为 0".
 */
import { checkWorkbook } from '../../src/core/check';
import type { CellRef, SheetGrid } from '../../src/core/grid';
import { readBook } from '../../src/core/parse';
import type { Finding } from '../../src/core/report';
import { onlyGeneralBudget } from '../../src/core/rules/cross/kit';
import { clean, grid, loadGrids } from './helpers/books';
import { copyGrids, setCell } from '../helpers/grids';

const JS = clean('synth-jy-small.xlsx');

/** The 项 cell of the first 2080102 row of a table, which the test mistypes as 2080188. */
function itemCell(grids: SheetGrid[], id: 'T03' | 'T05'): CellRef {
  const row = grid(readBook(grids), id).rows.find((r) => r.func?.code === '2080102')!;
  expect(row.func!.refs).toHaveLength(3);
  return row.func!.refs[2];
}

function crossFindings(grids: SheetGrid[]): Finding[] {
  return checkWorkbook(grids).report.findings.filter((f) => f.rule === 'X.T03-T05.row' && f.severity !== 'info');
}

describe('X.T03-T05.row: same amounts under a mistyped code', () => {
  test('the department pays T03 with other funds too (T05 ⊆ T03): the clean book is silent', async () => {
    const grids = await loadGrids(JS);
    expect(onlyGeneralBudget(readBook(grids))).toBe(false);
    expect(crossFindings(grids)).toEqual([]);
  });

  test.each(['T03', 'T05'] as const)('a %s code mistyped: one error, at that table\'s 项 cell, saying the code the other table has', async (id) => {
    const grids = copyGrids(await loadGrids(JS));
    const cell = itemCell(grids, id);
    setCell(grids, cell, '88');
    const f = crossFindings(grids);
    expect(f.map((x) => [x.sheet, x.cell, x.expected, x.actual])).toEqual([[cell.sheet, cell.cell, '2080102', '2080188']]);
    expect(f[0].message).toContain('科目编码应为 2080102');
  });
});
