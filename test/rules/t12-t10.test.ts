/**
 * T12 against T10, one defect reported once:
 *  - T12.cost-le-amount beside X.T12-T10: when a project's 资金总额 in T12 was mistyped low, the cost
 *    target exceeds it only because of that defect, which X.T12-T10 already reports at the amount; the
 *    cost target is then measured against the project's T10 amount.
 *  - X.T12-T10.match: a project whose unit's T10 row is missing is not paired with another unit's
 *    project of the same name (which would report a made-up amount difference).
 */
import { buildCatalog } from '../../src/core/catalog';
import type { BudgetBook, GridTable } from '../../src/core/model';
import { runRules } from '../../src/core/rules';
import type { Finding } from '../../src/core/report';
import { bump, clean, loadBook, rows, t12 } from './helpers/books';

const PS = clean('synth-pds-small.xlsx');
const NAME = '办公设备购置'; // 资金总额 56.7, 成本指标 ≤56.67万元

function errors(book: BudgetBook): Finding[] {
  return runRules(book, { catalog: buildCatalog([]) }).findings.filter((f) => f.severity === 'error');
}

/** Lowers the project's 资金总额 and 政府预算资金 in T12 together (the row itself stays balanced). */
function lowerInT12(book: BudgetBook, delta: number) {
  const p = t12(book).projects.find((x) => x.name.text === NAME)!;
  bump(p.amounts['资金总额'], -delta);
  bump(p.amounts['政府预算资金'], -delta);
  return p;
}

describe('T12.cost-le-amount when the amount itself is wrong', () => {
  test('T12 amount mistyped low: one error, at the amount (X.T12-T10), none at the cost target', async () => {
    const book = await loadBook(PS);
    expect(errors(book)).toEqual([]);
    const p = lowerInT12(book, 14.4);
    const found = errors(book);
    expect(found.filter((f) => f.rule === 'T12.cost-le-amount')).toEqual([]);
    expect(found.map((f) => [f.rule, f.cell])).toEqual([['X.T12-T10.match', p.amounts['资金总额'].ref.cell]]);
  });

  test('the same project lowered in T10 too (the tables agree): the cost target above the amount is an error', async () => {
    const book = await loadBook(PS);
    lowerInT12(book, 14.4);
    const r = rows(book, 'T10', 'project').find((x) => x.name?.text === NAME)!;
    for (const k of Object.keys(r.amounts)) if (r.amounts[k].scaled === 56_700_000) bump(r.amounts[k], -14.4);
    const cost = errors(book).filter((f) => f.rule === 'T12.cost-le-amount');
    expect(cost).toHaveLength(1);
    expect(cost[0].message).toContain('超过项目资金总额 42.3 万元');
  });
});

describe('X.T12-T10.match when several units have a project of that name', () => {
  test('the unit\'s own T10 row deleted: "找不到同名项目" for that project, not an amount mismatch with another unit\'s project', async () => {
    const book = await loadBook(clean('synth-jy-medium.xlsx'));
    const t10 = book.tables.T10 as GridTable;
    const name = '督查考核工作经费'; // in units 228002, 228008 and 228010
    const gone = t10.rows.findIndex((r) => r.kind === 'project' && r.name?.text === name && r.unitCode === '228002');
    t10.rows.splice(gone, 1);
    const p = t12(book).projects.find((x) => x.name.text === name && x.unitCode === '228002')!;
    const match = errors(book).filter((f) => f.rule === 'X.T12-T10.match');
    expect(match.map((f) => [f.cell, f.message.includes('找不到同名项目')])).toEqual([[p.name.ref.cell, true]]);
  });
});
