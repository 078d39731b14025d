/** The 尾差 policy on relations (rules.md §1): tails are info, improbable tails warnings, beyond B the rule's severity. */
import { evaluate, relationsToFindings, type Relation, type Term } from '../../src/core/rules/relation';

const t = (v: number, cell: string, extra: Partial<Term> = {}): Term => ({ ref: { sheet: 'S', cell }, scaled: Math.round(v * 1e6), label: cell, ...extra });
const rel = (lhs: Term[], rhs: Term[], extra: Partial<Relation> = {}): Relation => ({
  rule: 'T.test',
  severity: 'error',
  lhs,
  rhs,
  decimals: 1,
  tables: ['T03'],
  lhsText: 'a',
  rhsText: 'b',
  ...extra,
});

describe('relation evaluation', () => {
  test('exact identity passes, no finding', () => {
    const e = evaluate(rel([t(149.8, 'A1')], [t(138.9, 'A2'), t(10.9, 'A3')]));
    expect(e.deltaUnits).toBe(0);
    expect(e.severity).toBeNull();
  });

  test('seed 000 T06 合计 row tail: 149.7 vs 138.9 + 10.9 (m = 3, B = 1) is info', () => {
    const e = evaluate(rel([t(149.7, 'E6')], [t(138.9, 'F6'), t(10.9, 'G6')]));
    expect(e).toMatchObject({ deltaUnits: -1, m: 3, status: 'tail', severity: 'info' });
    const [f] = relationsToFindings([e.rel]);
    // A tail needs no change: no 应为, the headline says so.
    expect(f).toMatchObject({ severity: 'info', cell: 'E6', expected: null, actual: 149.7 });
    expect(f.message).toContain('尾差');
    expect(f.headline).toBe('a：尾差 0.1，在四舍五入允许范围内，无需修改');
  });

  test('same quantity in two tables (m = 2) must be identical: B = 0', () => {
    expect(evaluate(rel([t(149.7, 'A1')], [t(149.8, 'B1')])).severity).toBe('error');
  });

  test('between the statistical cap and the bound: warning (m = 20, B = 9, C = 5)', () => {
    const addends = Array.from({ length: 19 }, (_, i) => t(1, `B${i + 1}`));
    expect(evaluate(rel([t(19.5, 'A1')], addends)).severity).toBe('info'); // Δ = 0.5 → 5 units ≤ C
    expect(evaluate(rel([t(19.7, 'A1')], addends)).severity).toBe('warning'); // 7 units: ≤ B, > C
    expect(evaluate(rel([t(20.0, 'A1')], addends)).severity).toBe('error'); // 10 units > B
  });

  test('work in units of the finest decimals, rounding half-up (unrounded stored values are neutralised)', () => {
    const e = evaluate(rel([t(2.25, 'A1')], [t(1.1049, 'A2'), t(1.15, 'A3')], { decimals: 2 }));
    expect([e.lhsUnits, e.rhsUnits]).toEqual([225, 225]); // 1.1049 → 110, 1.15 → 115
  });

  test('inequality: below is allowed, above beyond tolerance is the rule severity', () => {
    const le = (a: number, b: number) => evaluate(rel([t(a, 'A1')], [t(b, 'B1')], { below: null, severity: 'warning' }));
    expect(le(3, 5).severity).toBeNull();
    expect(le(5.1, 5).severity).toBe('warning');
  });

  test('sign-dependent severity: below may be advice only (info)', () => {
    const e = evaluate(rel([t(3, 'A1')], [t(5, 'B1')], { below: 'info' }));
    expect(e).toMatchObject({ status: 'note', severity: 'info' });
    expect(relationsToFindings([e.rel])[0].message).not.toContain('尾差');
  });

  test('mixed precision inequality uses h_a + h_b, exclusive', () => {
    const mk = (x: number) => evaluate(rel([t(x, 'A1')], [t(2.1, 'B1')], { decimals: 2, below: null, allowanceUnits: 5.5 }));
    expect(mk(2.12).severity).toBe('info'); // 2 units < 5.5
    expect(mk(2.16).severity).toBe('error');
  });

  test('a lazily read slice adds up like explicit terms', () => {
    const rows = [1.1, 2.2, 3.3].map((v, i) => ({ kind: 'func' as const, row: 10 + i, sheet: 'S', amounts: { 合计: { scaled: Math.round(v * 1e6), decimals: 1, blank: false, ref: { sheet: 'S', cell: `F${10 + i}` } } }, texts: {} }));
    const e = evaluate(rel([t(6.7, 'F9')], [], { rhsSlice: { table: 'T03', rows, cols: ['合计'], name: () => 'x' } }));
    expect(e).toMatchObject({ lhsUnits: 67, rhsUnits: 66, m: 4, status: 'tail' });
  });
});
