import { parseDecimalString } from '../../src/core/amount';
import { checkSum, classifyDelta, severityOf } from '../../src/core/tolerance';

const t = (s: string, decimals = 1) => ({ scaled: parseDecimalString(s)!.scaled, decimals });

describe('rules.md §1: the rounding-tolerance policy', () => {
  test('000 T06 合计 row: 149.7 vs 138.9 + 10.9 = 149.8 is a rounding tail (info)', () => {
    const r = checkSum(t('149.7'), [t('138.9'), t('10.9')]);
    expect(r.verdict.kind).toBe('tail');
    expect(severityOf(r.verdict, 'error')).toBe('info');
  });
  test('000 T06 合计 column: 19 rows, Δ one unit, m = 20 → info', () => {
    expect(classifyDelta(-1, 20).kind).toBe('tail');
  });
  test('the same quantity in two tables (m = 2) must be identical', () => {
    const r = checkSum(t('149.7'), [t('149.8')]);
    expect(r.verdict.kind).toBe('broken');
    expect(severityOf(r.verdict, 'error')).toBe('error');
  });
  test('between the statistical cap and the arithmetic bound it is a warning', () => {
    // m = 20: B = 9, C = 5 → Δ = 7 is possible but improbable
    const v = classifyDelta(7, 20);
    expect(v.kind).toBe('improbable');
    expect(severityOf(v, 'error')).toBe('warning');
  });
  test('beyond the bound: the rule’s own severity', () => {
    expect(severityOf(classifyDelta(10, 20), 'error')).toBe('error');
    expect(severityOf(classifyDelta(2, 3), 'warning')).toBe('warning');
  });
  test('shares that should total exactly 100 %: one side exact, B = ⌊m/2⌋', () => {
    expect(classifyDelta(1, 2, true).kind).toBe('tail'); // 92.8 + 7.3 = 100.1
    expect(classifyDelta(1, 2, false).kind).toBe('broken');
  });
  test('an exact match is no finding at all', () => {
    expect(severityOf(checkSum(t('121.3'), [t('111.8'), t('9.5')]).verdict, 'error')).toBeNull();
  });
  test('mixed precision compares in the finest unit', () => {
    const r = checkSum(t('1990.50', 2), [t('1803.50', 2), t('187.0', 1)]);
    expect(r.decimals).toBe(2);
    expect(r.verdict.kind).toBe('pass');
  });
});
