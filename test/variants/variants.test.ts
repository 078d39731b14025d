/**
 * The fixtures rewritten in every layout of the variant generator (a sample per layout; the full
 * run over every fixture, the large books included, is `npm run variants`). Each layout gets two
 * clean workbooks and every fifth mutant (a different fifth per layout, so every mutant is tried in
 * several layouts): same tables, no new error, every defect found where it moved.
 */
import type { CellRef } from '../../src/core/grid';
import { LAYOUTS, applyLayout } from './generate';
import { FORMULAS, checkVariant, load, manifest } from './run';

const m = manifest();
const clean = m.clean.filter((f) => !f.includes('large'));
const mutants = m.mutants.filter((x) => !x.base.includes('large'));
const all = [...LAYOUTS, FORMULAS] as const;

describe('variant generator', () => {
  test.each(all.map((l, k) => [typeof l === 'string' ? l : l.name, k] as const))('%s: same tables, no new error, every defect found where it moved', async (_name, k) => {
    const layout = all[k];
    const files = [clean[(2 * k) % clean.length], clean[(2 * k + 1) % clean.length]];
    const sample = mutants.filter((_, j) => j % 5 === k % 5);
    const problems: string[] = [];
    for (const f of files) {
      const o = await checkVariant(f, layout);
      problems.push(...o.problems.map((p) => `${f}: ${p}`));
    }
    for (const x of sample) {
      const o = await checkVariant(x.file, layout, x);
      problems.push(...o.problems.map((p) => `${x.file} (${x.kind}): ${p}`));
    }
    expect(problems).toEqual([]);
    expect(sample.length).toBeGreaterThan(5);
  });

  test('every layout changes the workbook it rewrites', async () => {
    for (const f of ['clean/seed-001.xlsx', 'clean/synth-jy-small.xlsx']) {
      const l = await load(f);
      const before = JSON.stringify(l.grids.map((g) => [g.name, g.values]));
      for (const layout of LAYOUTS) {
        if (layout.name.startsWith('zeros') && f.includes('jy')) continue; // 济源 amounts have no written zero
        const v = applyLayout(l.grids, l.book, layout);
        expect([layout.name, JSON.stringify(v.grids.map((g) => [g.name, g.values])) !== before]).toEqual([layout.name, true]);
      }
      // The original snapshot is never edited in place.
      expect(JSON.stringify(l.grids.map((g) => [g.name, g.values]))).toBe(before);
    }
  });

  test('the cell map follows moved cells: joined codes, stacked sheets, separator rows and columns', async () => {
    const l = await load('clean/seed-000.xlsx');
    const byName = (n: string) => LAYOUTS.find((x) => x.name === n)!;
    const sheet3 = l.book.tables.T03!.sheet;
    const at = (ref: CellRef, layout: string) => {
      const v = applyLayout(l.grids, l.book, byName(layout));
      const to = v.map(ref);
      const g = v.grids.find((x) => x.name === to.sheet)!;
      const m = /^([A-Z]+)(\d+)$/.exec(to.cell)!;
      const col = m[1].charCodeAt(0) - 64;
      return { to, value: g.values[Number(m[2]) - 1]?.[col - 1] };
    };
    // seed-000 T03 row 8: 201 | 31 | 01 (类 | 款 | 项): the 款 and 项 cells now are the joined cell.
    const row = l.book.tables.T03!.kind === 'grid' ? l.book.tables.T03!.rows.find((r) => r.func?.xiang)! : undefined;
    const [lei, kuan] = row!.func!.refs;
    const joined = at(kuan, 'code-joined');
    expect(joined.to).toEqual(lei);
    expect(joined.value).toBe(row!.func!.code);
    // Stacked: one sheet, the T03 title further down.
    const stacked = at(l.book.tables.T03!.titleRef, 'stacked');
    expect(stacked.to.sheet).toBe('部门预算公开表');
    expect(stacked.value).toBe(l.grids.find((g) => g.name === sheet3)!.values[0][0]);
    // Separators: a blank column A and a blank row after the title push the title's cell to B1, the header down.
    expect(at(l.book.tables.T03!.titleRef, 'separators').to).toEqual({ sheet: sheet3, cell: 'B1' });
    expect(at({ sheet: sheet3, cell: 'A4' }, 'separators').to).toEqual({ sheet: sheet3, cell: 'B5' });
  });
});
