import { formatAmount, formatDecimals, parseAmount, parseDecimalString, toUnits, SCALE } from '../../src/core/amount';

describe('parseAmount: every way an amount arrives', () => {
  test.each([
    [149.7, 149.7, false, false],
    ['149.7', 149.7, false, true],
    [' 149.7 ', 149.7, false, true],
    ['1,990.50', 1990.5, false, true],
    ['１，９９０．５０', 1990.5, false, true],
    ['-3', -3, false, true],
    [0, 0, false, false],
    [null, 0, true, false],
    ['', 0, true, false],
    ['—', 0, true, false],
    ['-', 0, true, false],
  ])('%p → %p (blank %p, text %p)', (input, value, blank, asText) => {
    const r = parseAmount(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scaled).toBe(Math.round(value * SCALE));
    expect(r.blank).toBe(blank);
    expect(r.asText).toBe(asText);
  });

  test.each([['abc'], ['1.2.3'], [{ error: '#REF!' }], [true], [Infinity]])('%p is refused with a reason', (input) => {
    const r = parseAmount(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(2);
  });

  test('#REF! says it is an error value', () => {
    const r = parseAmount({ error: '#REF!' });
    expect(!r.ok && r.reason).toContain('#REF!');
  });

  test('decimals come from the number format when there is one', () => {
    const r = parseAmount(20, '0.0');
    expect(r.ok && r.decimals).toBe(1);
    const s = parseAmount('1,990.50');
    expect(s.ok && s.decimals).toBe(2);
  });
});

describe('exact decimal arithmetic', () => {
  test('0.1 + 0.2 adds up exactly in scaled integers', () => {
    const a = parseDecimalString('0.1')!.scaled;
    const b = parseDecimalString('0.2')!.scaled;
    expect(a + b).toBe(parseDecimalString('0.3')!.scaled);
  });
  test('half-up rounding to units, also where toFixed fails (1.005)', () => {
    expect(toUnits(parseDecimalString('1.005')!.scaled, 2)).toBe(101);
    expect(toUnits(parseDecimalString('149.75')!.scaled, 1)).toBe(1498);
    expect(toUnits(parseDecimalString('-149.75')!.scaled, 1)).toBe(-1498);
    expect(toUnits(parseDecimalString('149.74')!.scaled, 1)).toBe(1497);
  });
  test('formatAmount prints fixed decimals without separators', () => {
    expect(formatAmount(parseDecimalString('1990.5')!.scaled, 2)).toBe('1990.50');
    expect(formatAmount(parseDecimalString('0.04')!.scaled, 1)).toBe('0.0');
    expect(formatAmount(parseDecimalString('-8.7')!.scaled, 1)).toBe('-8.7');
  });
  test('number formats → decimals', () => {
    expect(formatDecimals('0.0')).toBe(1);
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('0')).toBe(0);
    expect(formatDecimals('General')).toBeUndefined();
    expect(formatDecimals('@')).toBeUndefined();
    expect(formatDecimals('#,##0.00;[Red]-#,##0.00')).toBe(2);
  });
});
