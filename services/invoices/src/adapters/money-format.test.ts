import { describe, expect, it } from 'vitest';
import { formatMoney } from './money-format';

describe('formatMoney', () => {
  it('prints minor units with the currency’s decimals and grouped thousands', () => {
    expect(formatMoney({ amount: 4330, currency: 'GBP' })).toBe('GBP 43.30');
    expect(formatMoney({ amount: 123456789, currency: 'EUR' })).toBe('EUR 1,234,567.89');
    expect(formatMoney({ amount: 5, currency: 'GBP' })).toBe('GBP 0.05');
  });

  it('prints currencies without minor units, or with three, as ISO 4217 defines them', () => {
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('JPY 1,500');
    expect(formatMoney({ amount: 1500, currency: 'KWD' })).toBe('KWD 1.500');
  });
});
