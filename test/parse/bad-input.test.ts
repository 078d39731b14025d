/**
 * Bad input, one class at a time, built by editing fixture grids in memory: each gets a clear
 * Chinese message with sheet + cell, and the rest of the workbook is still read.
 */
import path from 'path';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { BudgetBook, GridTable, ParseIssue } from '../../src/core/model';
import { COL } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';
import { amountSummary, clone } from './grid-tools';

const cache = new Map<string, Promise<SheetGrid[]>>();
async function seed(s: string): Promise<SheetGrid[]> {
  if (!cache.has(s)) cache.set(s, loadGrids(path.join(FIXTURES, 'clean', `${s}.xlsx`)));
  return clone(await cache.get(s)!);
}

/** The sheet whose name contains `part`. */
function sheet(grids: SheetGrid[], part: string): SheetGrid {
  const g = grids.find((x) => x.name.includes(part));
  if (!g) throw new Error(`no sheet ${part}`);
  return g;
}
/** Cell by A1 address (grids of the fixtures start at A1). */
function set(g: SheetGrid, addr: string, v: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = g.values[Number(m[2]) - 1];
  while (row.length < col) row.push(null);
  row[col - 1] = v;
}
function get(g: SheetGrid, addr: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return g.values[Number(m[2]) - 1][col - 1];
}
const issues = (b: BudgetBook, rule: string): ParseIssue[] => b.issues.filter((i) => i.rule === rule);
const grid = (b: BudgetBook, id: GridTable['id']): GridTable => b.tables[id] as GridTable;

describe('missing sheets and tables', () => {
  test('a missing table is a warning naming it', async () => {
    const grids = (await seed('seed-003')).filter((g) => !g.name.includes('表5 '));
    const b = readBook(grids);
    const [w] = issues(b, 'P.table-missing');
    expect(w.severity).toBe('warning');
    expect(w.table).toBe('T05');
    expect(w.message).toBe('缺少“一般公共预算支出情况表”：按标题和表头都没有找到该表');
    expect(Object.keys(b.tables)).toHaveLength(13);
  });
  test('T12 missing while T10 has no projects is only info; T14 missing in a 济源 workbook is info', async () => {
    const b = readBook((await seed('seed-000')).filter((g) => !g.name.includes('表12')));
    expect(issues(b, 'P.table-missing').map((i) => [i.table, i.severity])).toEqual([['T12', 'info']]);
    const jy = readBook(await seed('synth-jy-small'));
    expect(issues(jy, 'P.table-missing').map((i) => [i.table, i.severity])).toEqual([['T14', 'info']]);
  });
  test('T12 missing while T10 has projects is a warning', async () => {
    const b = readBook((await seed('seed-003')).filter((g) => !g.name.includes('表12')));
    expect(issues(b, 'P.table-missing').map((i) => [i.table, i.severity])).toEqual([['T12', 'warning']]);
  });
  test('an empty workbook, or one without any table, reports all fourteen missing and lists its sheets', () => {
    const b = readBook([{ name: '说明', origin: 'A1', values: [['这是一个说明页']] }, { name: '空表', origin: 'A1', values: [] }]);
    expect(issues(b, 'P.table-missing')).toHaveLength(14);
    expect(b.otherSheets).toEqual(['说明', '空表']);
  });
});

describe('merged cells', () => {
  test('without merge information (CSV-like) the headers are carried right and read the same', async () => {
    const grids = await seed('seed-003');
    const original = amountSummary(readBook(grids));
    const flat = grids.map((g) => ({ ...g, merges: [] }));
    expect(amountSummary(readBook(flat))).toEqual(original);
  });
  test('a 类 code merged over two rows is read on both rows (info)', async () => {
    const grids = await seed('seed-000');
    const g = sheet(grids, '表3');
    // rows 10 and 11 are both 类 208: merge A10:A11 and keep only the top-left value (as Excel does)
    set(g, 'A11', null);
    g.merges!.push('A10:A11');
    const b = readBook(grids);
    const rows = grid(b, 'T03').rows.filter((r) => r.row === 10 || r.row === 11);
    expect(rows.map((r) => r.func?.code)).toEqual(['2080502', '2080505']);
    const [i] = issues(b, 'P.merged');
    expect(i).toMatchObject({ severity: 'info', ref: { sheet: '表3 部门支出总体情况表', cell: 'A10' } });
  });
  test('an amount merged over two rows counts once and is reported', async () => {
    const grids = await seed('seed-000');
    const g = sheet(grids, '表3');
    set(g, 'F12', null);
    g.merges!.push('F11:F12');
    const b = readBook(grids);
    const [r11, r12] = grid(b, 'T03').rows.filter((r) => r.row === 11 || r.row === 12);
    expect(r11.amounts[COL.expense.total].scaled).toBe(8_000_000);
    expect(r12.amounts[COL.expense.total].blank).toBe(true);
    const w = issues(b, 'P.merged').find((i) => i.severity === 'warning')!;
    expect(w.ref.cell).toBe('F11');
    expect(w.message).toContain('只计一次');
  });
});

describe('numbers stored as text', () => {
  test('"149.7" and "1,990.50" read as the same numbers, with one info per table', async () => {
    for (const s of ['seed-000', 'seed-004']) {
      const grids = await seed(s);
      const before = amountSummary(readBook(grids));
      let n = 0;
      for (const g of grids)
        for (const row of g.values)
          row.forEach((v, i) => {
            if (typeof v === 'number') {
              row[i] = s === 'seed-004' ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : String(v);
              n++;
            }
          });
      expect(n).toBeGreaterThan(50);
      const b = readBook(grids);
      expect(amountSummary(b)).toEqual(before);
      const infos = issues(b, 'P.number-text');
      expect(infos.length).toBeGreaterThan(5);
      for (const i of infos) expect(i.severity).toBe('info');
      expect(b.issues.filter((i) => i.severity !== 'info' && i.rule !== 'P.table-missing')).toEqual([]);
      if (s === 'seed-004') {
        const t01 = b.tables.T01!;
        expect(t01.kind === 'lines' && t01.income[0].amount).toMatchObject({ scaled: 1_990_500_000, asText: true, decimals: 2 });
        expect(infos.find((i) => i.table === 'T01')!.message).toContain('以文本形式存储');
      }
    }
  });
  test('a single number-as-text cell (the benign mutant) is an info at that cell', async () => {
    const grids = await seed('synth-pds-small');
    set(sheet(grids, '表5'), 'H9', '214.5');
    const b = readBook(grids);
    expect(issues(b, 'P.number-text')).toEqual([
      expect.objectContaining({ severity: 'info', ref: { sheet: '表5 一般公共预算支出情况表', cell: 'H9' }, table: 'T05' }),
    ]);
    expect(b.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('blanks for zero', () => {
  test('explicit zeros removed: blank amounts with value 0, no issue', async () => {
    const grids = await seed('seed-001');
    const g = sheet(grids, '表10');
    for (const row of g.values) row.forEach((v, i) => v === 0 && (row[i] = null));
    const b = readBook(grids);
    const total = grid(b, 'T10').rows.find((r) => r.kind === 'total')!;
    expect(total.amounts[COL.t10.total]).toMatchObject({ scaled: 0, blank: true });
    expect(b.issues).toEqual([]);
  });
});

describe('unreadable amount cells', () => {
  test('#REF! is an error at its cell, naming the error value; the rest is read', async () => {
    const grids = await seed('seed-003');
    set(sheet(grids, '表3'), 'F9', { error: '#REF!' });
    const b = readBook(grids);
    const [e] = issues(b, 'P.cell');
    expect(e).toMatchObject({ severity: 'error', ref: { sheet: '表3 部门支出总体情况表', cell: 'F9' }, actual: '#REF!', table: 'T03' });
    expect(e.message).toContain('表3 部门支出总体情况表!F9');
    expect(e.message).toContain('#REF!');
    const row = grid(b, 'T03').rows.find((r) => r.row === 9)!;
    // Counted as a blank (nothing is read from it), but the cell is still named for the resolver.
    expect(row.amounts[COL.expense.total]).toMatchObject({ scaled: 0, blank: true, unreadable: true, ref: { cell: 'F9' } });
    expect(row.amounts[COL.expense.basic]).toBeDefined();
  });
  test('text in an amount cell is a warning quoting the text; #VALUE! an error', async () => {
    const grids = await seed('seed-003');
    set(sheet(grids, '表6'), 'E8', '待定');
    set(sheet(grids, '表1'), 'B6', { error: '#VALUE!' });
    const b = readBook(grids);
    const found = issues(b, 'P.cell').map((i) => [i.ref.cell, i.severity, i.actual]);
    expect(found).toEqual(expect.arrayContaining([['E8', 'warning', '待定'], ['B6', 'error', '#VALUE!']]));
    expect(issues(b, 'P.cell').find((i) => i.ref.cell === 'E8')!.message).toContain('“待定”');
  });
});

describe('hidden rows', () => {
  test('hidden rows inside a table are included in the check and reported once (info)', async () => {
    const grids = await seed('seed-003');
    sheet(grids, '表3').hiddenRows = [10, 11];
    const b = readBook(grids);
    expect(grid(b, 'T03').rows.some((r) => r.row === 10)).toBe(true);
    const [i] = issues(b, 'P.hidden-row');
    expect(i).toMatchObject({ severity: 'info', ref: { sheet: '表3 部门支出总体情况表', cell: 'A10' }, table: 'T03' });
    expect(i.message).toContain('隐藏行已纳入校验');
    expect(i.message).toContain('2 个单元格');
  });
});

describe('unit', () => {
  test('元 instead of 万元 in one table: converted to 万元, said at its unit cell (info)', async () => {
    const grids = await seed('seed-003');
    const g = sheet(grids, '表3');
    expect(get(g, 'N3')).toBe('单位：万元');
    const before = grid(readBook(grids), 'T03').rows[0].amounts[COL.expense.total].scaled;
    set(g, 'N3', '单位：元');
    const b = readBook(grids);
    const [e] = issues(b, 'P.unit');
    expect(e).toMatchObject({ severity: 'info', ref: { sheet: '表3 部门支出总体情况表', cell: 'N3' }, expected: '万元', actual: '元' });
    expect(e.message).toContain('已换算为万元');
    expect(grid(b, 'T03').rows[0].amounts[COL.expense.total].scaled).toBe(Math.round(before / 10000));
    expect(b.unit).toBe('万元');
  });
  test('部门名称 and 单位 in one cell, separated by spaces only', async () => {
    const grids = await seed('seed-001');
    const g = sheet(grids, '表3');
    set(g, 'A2', '部门名称 平顶山市人民政府经济技术协作办公室　　单位：元');
    g.values[2] = [];
    const b = readBook(grids);
    expect(b.tables.T03!.deptName).toMatchObject({ text: '平顶山市人民政府经济技术协作办公室', ref: { cell: 'A2' } });
    expect(issues(b, 'P.dept-name')).toEqual([]);
    expect(issues(b, 'P.unit')).toEqual([expect.objectContaining({ ref: { sheet: '表3 部门支出总体情况表', cell: 'A2' }, actual: '元' })]);
  });
  test('every table in 元: each converted (info), the unconvertible T11 / T12 labels an error, amounts in 万元', async () => {
    const grids = await seed('seed-000');
    for (const g of grids)
      for (const row of g.values)
        row.forEach((v, i) => {
          if (typeof v === 'string' && /单位[：:]\s*万元/.test(v)) row[i] = '单位: 元';
          else if (typeof v === 'string' && /[（(]万元[)）]/.test(v)) row[i] = v.replace('万元', '元'); // T11/T12 labels
        });
    const b = readBook(grids);
    expect(b.unit).toBe('万元');
    expect(b.tables.T11!.unit).toBe('元');
    const units = issues(b, 'P.unit');
    expect(units.length).toBeGreaterThanOrEqual(12);
    expect(units.filter((i) => i.severity === 'error').map((i) => i.table)).toEqual(['T11', 'T12']);
  });
});

describe('huge empty used ranges', () => {
  test('200,000 empty rows and a far-right empty column do not change the reading', async () => {
    const grids = await seed('seed-001');
    const before = amountSummary(readBook(grids));
    const g = sheet(grids, '表7');
    for (let i = 0; i < 200_000; i++) g.values.push([]);
    g.values.push([null, null, null]);
    g.values[3].length = 16_000; // a row padded far to the right (holes, not values)
    g.merges!.push('A1:XFD1048576');
    const b = readBook(grids);
    expect(amountSummary(b)).toEqual(before);
  });
});

describe('codes', () => {
  test('codes stored as numbers lose their leading zeros: padded back and reported', async () => {
    const grids = await seed('seed-003');
    const t03 = sheet(grids, '表3');
    // seed 003: department 060, 款 03 etc. stored as text; make them numbers as Excel would
    for (const row of t03.values.slice(6)) row.forEach((v, i) => i < 4 && typeof v === 'string' && /^\d+$/.test(v) && (row[i] = Number(v)));
    const b = readBook(grids);
    const rows = grid(b, 'T03').rows;
    expect(rows.find((r) => r.kind === 'dept')!.code!.text).toBe('060');
    expect(rows.filter((r) => r.kind === 'func').map((r) => r.func!.code)).toEqual(
      grid(readBook(await seed('seed-003')), 'T03').rows.filter((r) => r.kind === 'func').map((r) => r.func!.code),
    );
    const [w] = issues(b, 'P.code-text');
    expect(w.severity).toBe('warning');
    expect(w.table).toBe('T03');
    expect(w.message).toContain('前导零已丢失');
  });
  test('a 21-digit project code stored as a number is reported, not guessed', async () => {
    const grids = await seed('seed-003');
    const g = sheet(grids, '表12');
    expect(get(g, 'A8')).toBe('410491240000000007215');
    set(g, 'A8', 410491240000000007215);
    const b = readBook(grids);
    const t12 = b.tables.T12!;
    if (t12.kind !== 't12') throw new Error('kind');
    expect(t12.projects[0].code).toBeUndefined();
    expect(t12.projects[0].name.text).toBe('政务服务平台监理费');
    expect(t12.projects[0].amounts[COL.t12.total].scaled).toBe(4_300_000);
    const [w] = issues(b, 'P.code-text');
    expect(w).toMatchObject({ severity: 'warning', ref: { sheet: '表12 部门预算项目绩效目标表', cell: 'A8' }, actual: '4.10491E+20' });
    expect(w.message).toContain('无法还原');
  });
  test('the same code typed as text in scientific notation is reported too', async () => {
    const grids = await seed('seed-003');
    set(sheet(grids, '表12'), 'A8', '4.10491E+20');
    const b = readBook(grids);
    expect((b.tables.T12 as { projects: { code?: unknown }[] }).projects[0].code).toBeUndefined();
    expect(issues(b, 'P.code-text')).toEqual([expect.objectContaining({ severity: 'warning', ref: { sheet: '表12 部门预算项目绩效目标表', cell: 'A8' } })]);
  });
});

describe('consistency between tables', () => {
  test('a different department name is a warning at that cell', async () => {
    const grids = await seed('seed-001');
    set(sheet(grids, '表6'), 'A2', '部门名称：平顶山市经济技术协作办');
    const b = readBook(grids);
    const [w] = issues(b, 'P.dept-name');
    expect(w).toMatchObject({ severity: 'warning', ref: { sheet: '表6 一般公共预算基本支出表', cell: 'A2' }, actual: '平顶山市经济技术协作办' });
  });
  test('a different year is a warning at the title', async () => {
    const grids = await seed('seed-004');
    set(grids[2], 'A1', '2022 年财政拨款收支总体情况表');
    const b = readBook(grids);
    expect(issues(b, 'P.year').map((i) => [i.table, i.expected, i.actual, i.ref.cell])).toEqual([['T04', 2023, 2022, 'A1']]);
  });
  test('a table present twice: the first is read, the second reported', async () => {
    const grids = await seed('seed-001');
    grids.push({ ...clone(sheet(grids, '表3')), name: '表3 (2)' });
    const b = readBook(grids);
    expect(b.tables.T03!.sheet).toBe('表3 部门支出总体情况表');
    expect(issues(b, 'P.duplicate')).toEqual([expect.objectContaining({ severity: 'warning', table: 'T03', ref: { sheet: '表3 (2)', cell: 'A1' } })]);
  });
  test('a table with a different number of decimals is an info', async () => {
    const grids = await seed('seed-003');
    const g = sheet(grids, '表14');
    g.formats = g.formats!.map((r) => r.map((f) => (f === '0.0' ? '0.00' : f)));
    const b = readBook(grids);
    expect(issues(b, 'P.decimals').map((i) => [i.table, i.severity, i.expected, i.actual])).toEqual([['T14', 'info', 1, 2]]);
  });
});

describe('rows that cannot be classified', () => {
  test('an amount row whose code is unreadable is kept as "other" and reported', async () => {
    const grids = await seed('seed-000');
    const g = sheet(grids, '表3');
    set(g, 'A9', '2O1'); // letter O
    const b = readBook(grids);
    const r = grid(b, 'T03').rows.find((x) => x.row === 9)!;
    expect(r.kind).toBe('other');
    expect(r.amounts[COL.expense.total].scaled).toBe(117_500_000);
    expect(issues(b, 'P.row')).toEqual([expect.objectContaining({ severity: 'warning', ref: { sheet: '表3 部门支出总体情况表', cell: 'A9' } })]);
  });
});
