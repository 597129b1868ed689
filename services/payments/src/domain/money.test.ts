import { describe, expect, it } from 'vitest';
import { isCurrencyCode, moneyLike } from './money';

describe('isCurrencyCode', () => {
  it.each(['GBP', 'EUR', 'USD', 'JPY'])('knows %s', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each(['gbp', 'XYZ', 'POUND', ''])('refuses %o', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('moneyLike', () => {
  it('makes an amount in the same currency', () => {
    expect(moneyLike({ amount: 5000, currency: 'GBP' }, 1200)).toEqual({ amount: 1200, currency: 'GBP' });
  });
});
