import { parseDecimalString } from '../../src/core/amount';
import { amt, change, changeText, makeStyle, pct, tidy } from '../../src/core/narrative/format';

const s = (text: string) => parseDecimalString(text)!.scaled;
const pds = makeStyle('pds', 1);
const jy = makeStyle('jy', 2);

describe('amounts as printed', () => {
  test('平顶山: one decimal, trailing .0 dropped', () => {
    expect(amt(s('149.7'), pds)).toBe('149.7');
    expect(amt(s('20.0'), pds)).toBe('20');
    expect(amt(s('0'), pds)).toBe('0');
    expect(amt(s('8'), pds)).toBe('8');
  });
  test('济源: always two decimals, no thousands separator', () => {
    expect(amt(s('1990.5'), jy)).toBe('1990.50');
    expect(amt(s('0'), jy)).toBe('0.00');
    expect(amt(s('1534.7'), jy)).toBe('1534.70');
  });
  test('rounding is half-up on exact decimals (toFixed would print 1.00)', () => {
    expect(amt(s('1.005'), jy)).toBe('1.01');
    expect(amt(s('0.05'), pds)).toBe('0.1');
    expect(amt(s('-8.75'), pds)).toBe('-8.8');
  });
});

describe('percentages', () => {
  test('ties round half-up, not half-even', () => {
    expect(pct(s('1'), s('16'), pds)).toBe('6.3'); // 6.25
    expect(pct(s('1'), s('32'), jy)).toBe('3.13'); // 3.125
    expect(pct(s('3'), s('16'), pds)).toBe('18.8'); // 18.75
  });
  test('the seeds’ published shares', () => {
    expect(pct(s('68.7'), s('179.6'), pds)).toBe('38.3');
    expect(pct(s('110.9'), s('179.6'), pds)).toBe('61.7');
    expect(pct(s('7.3'), s('121.3'), pds)).toBe('6');
    expect(pct(s('149.7'), s('149.7'), pds)).toBe('100');
    expect(pct(s('0'), s('149.7'), pds)).toBe('0');
    expect(pct(s('1803.5'), s('1990.5'), jy)).toBe('90.61');
    expect(pct(s('187'), s('187'), jy)).toBe('100.00');
  });
  test('large budgets do not lose precision', () => {
    expect(pct(s('987654321.01'), s('987654321.02'), jy)).toBe('100.00');
    expect(pct(s('1'), s('3'), jy)).toBe('33.33');
  });
});

describe('year-on-year phrases', () => {
  test('增加 / 减少 with the change percentage', () => {
    expect(changeText(change(s('149.7'), s('132.3'), pds), pds)).toBe('增加17.4万元，增长13.2%');
    expect(changeText(change(s('179.6'), s('188.3'), pds), pds)).toBe('减少8.7万元，下降4.6%');
    expect(changeText(change(s('36.2'), s('7.5'), pds), pds)).toBe('增加28.7万元，增长382.7%');
    expect(changeText(change(s('1990.5'), s('2414.75'), jy), jy)).toBe('减少 424.25 万元，下降 17.57%');
  });
  test('no change', () => {
    expect(change(s('3.5'), s('3.5'), pds)).toEqual({ kind: 'same' });
    expect(changeText(change(s('3.5'), s('3.5'), pds), pds)).toBe('无增减变动');
  });
  test('prior year 0: an increase without a percentage', () => {
    expect(changeText(change(s('0.1'), s('0'), pds), pds)).toBe('增加0.1万元');
  });
  test('down to 0: 下降100%', () => {
    expect(changeText(change(s('0'), s('2.5'), pds), pds)).toBe('减少2.5万元，下降100%');
    expect(changeText(change(s('0'), s('2.5'), jy), jy)).toBe('减少 2.50 万元，下降 100.00%');
  });
});

test('济源 spacing: none next to full-width punctuation', () => {
  expect(tidy('其中： 基本支出  1803.50 万元， 占 90.61%；', jy)).toBe('其中：基本支出 1803.50 万元，占 90.61%；');
  expect(tidy('与 2022 年持平', pds)).toBe('与 2022 年持平');
});
