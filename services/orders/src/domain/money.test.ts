import { describe, expect, it } from 'vitest';
import { multiplyAmount, sumAmounts, taxOn } from './money';

const MAX = Number.MAX_SAFE_INTEGER;

describe('taxOn', () => {
  it.each([
    ['rounds below half a minor unit down', 12, 2000, 2], // 2.4
    ['rounds exactly half a minor unit up', 10, 1500, 2], // 1.5
    ['rounds above half a minor unit up', 13, 2000, 3], // 2.6
    ['is zero for a zero rate', 999, 0, 0],
    ['is the whole amount at 100%', 999, 10_000, 999],
    ['is zero on a zero amount', 0, 2000, 0],
  ])('%s', (_what, net, basisPoints, tax) => {
    expect(taxOn(net, basisPoints)).toBe(tax);
  });

  it.each([
    // net × (rate / 10000) in floating point lands just below the half: 31.499999999999996 → 31.
    [180, 1750, 32],
    [340, 1750, 60],
    [1300, 1750, 228],
  ])('rounds %i at %i basis points to %i, where a decimal rate in floating point is a penny short', (net, bp, tax) => {
    expect(taxOn(net, bp)).toBe(tax);
  });

  it('stays exact where net × rate is far beyond 2^53', () => {
    // Exactly 1 801 439 850 948 197.4; Math.round(net * 2000 / 10000) gives …198.
    expect(taxOn(9_007_199_254_740_987, 2000)).toBe(1_801_439_850_948_197);
  });

  it('takes the largest safe amount', () => {
    expect(taxOn(MAX, 1)).toBe(900_719_925_474); // 900 719 925 474.0991
  });

  it.each([
    ['a fraction', 10.5],
    ['a negative amount', -1],
    ['an amount past MAX_SAFE_INTEGER', MAX + 1],
  ])('refuses %s', (_what, net) => {
    expect(() => taxOn(net, 2000)).toThrow(expect.objectContaining({ code: 'ORDERS.AMOUNT_OUT_OF_RANGE' }));
  });
});

describe('multiplyAmount', () => {
  it('multiplies exactly up to MAX_SAFE_INTEGER', () => {
    expect(multiplyAmount(3_002_399_751_580_330, 3)).toBe(9_007_199_254_740_990);
  });

  it('refuses a product that floating point could not hold exactly', () => {
    expect(() => multiplyAmount(3_002_399_751_580_331, 3)).toThrow(
      expect.objectContaining({ code: 'ORDERS.AMOUNT_OUT_OF_RANGE' }),
    );
  });
});

describe('sumAmounts', () => {
  it('adds exactly up to MAX_SAFE_INTEGER', () => {
    expect(sumAmounts([MAX - 1, 1])).toBe(MAX);
  });

  it('refuses a sum past MAX_SAFE_INTEGER instead of rounding it', () => {
    expect(() => sumAmounts([MAX, 1])).toThrow(expect.objectContaining({ code: 'ORDERS.AMOUNT_OUT_OF_RANGE' }));
  });

  it('is zero for nothing', () => {
    expect(sumAmounts([])).toBe(0);
  });
});
