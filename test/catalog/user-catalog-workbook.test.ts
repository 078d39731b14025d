/**
 * The user's 科目表 end to end through checkWorkbook: a sheet titled 科目表 in the workbook, or the
 * sheets of a `--catalog` file (catalogGrids), extend and override the bundled catalogue.
 */
import path from 'path';
import { readXlsxFile } from '../../src/cli/read-xlsx';
import { checkWorkbook } from '../../src/core/check';
import type { SheetGrid } from '../../src/core/grid';
import { gridTable } from '../../src/core/model';

const SEED = path.resolve(__dirname, '../fixtures/clean/seed-003.xlsx');

describe('user 科目表 on a real workbook (seed 003)', () => {
  let grids: SheetGrid[];
  beforeAll(async () => {
    grids = await readXlsxFile(SEED);
  });

  const nameFindings = (findings: { rule: string; severity: string; sheet: string; cell: string }[]) =>
    findings.filter((f) => f.rule === 'C.func-name' && f.severity === 'error');

  test('without a 科目表 the names of 003 all agree with the catalogue', () => {
    const { report } = checkWorkbook(grids);
    expect(nameFindings(report.findings)).toEqual([]);
  });

  test('a 科目表 sheet in the workbook overrides a shipped name: rows that differ from it are errors', () => {
    const sheet: SheetGrid = { name: '科目表', origin: 'A1', values: [['科目表', null], ['科目编码', '科目名称'], ['2101199', '其他医疗支出（本地）']] };
    const { report, book } = checkWorkbook([...grids, sheet]);
    const t03 = gridTable(book, 'T03')!;
    const row = t03.rows.find((r) => r.func?.code === '2101199')!;
    const errs = nameFindings(report.findings);
    expect(errs.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${row.name!.ref.sheet}!${row.name!.ref.cell}`);
    expect(errs.every((f) => /2101199 的科目名称应为“其他医疗支出（本地）”/.test((f as unknown as { message: string }).message))).toBe(true);
    // the 科目表 sheet is not mistaken for a budget table
    expect(report.tables.some((t) => t.sheet === '科目表')).toBe(false);
  });

  test('--catalog grids (any sheet with codes) do the same, and their bad rows are reported', () => {
    const catalogGrids: SheetGrid[] = [
      { name: 'Sheet1', origin: 'A1', values: [['编码', '名称'], ['2101199', '其他医疗支出（本地）'], ['X1', '坏行']] },
    ];
    const { report } = checkWorkbook(grids, { catalogGrids });
    expect(nameFindings(report.findings).length).toBeGreaterThanOrEqual(1);
    const bad = report.findings.filter((f) => f.rule === 'C.user-catalog');
    expect(bad).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Sheet1', cell: 'A3' })]);
    expect(bad[0].message).toContain('“X1”不是有效的科目编码');
  });
});
