import { describe, expect, it } from 'vitest';
import { TAX_RATES, percent, rateName } from './tax-rates';

describe('rateName', () => {
  it('names a listed rate as the billing country does, with its percentage', () => {
    expect(rateName('GB', 2000)).toEqual({ name: 'Standard rate 20%', known: true });
    expect(rateName('FR', 550)).toEqual({ name: 'Taux réduit 5.5%', known: true });
    expect(rateName('IE', 1350)).toEqual({ name: 'Reduced rate 13.5%', known: true });
  });

  it('prints a rate the country does not list as "VAT x%", flagged unknown', () => {
    expect(rateName('DE', 1700)).toEqual({ name: 'VAT 17%', known: false });
  });

  it('prints every rate of an unlisted country as "VAT x%"', () => {
    expect(rateName('US', 0)).toEqual({ name: 'VAT 0%', known: false });
  });
});

describe('TAX_RATES', () => {
  it('lists at least GB, IE, FR, DE and NL, each with its standard rate', () => {
    const standard = { GB: 2000, IE: 2300, FR: 2000, DE: 1900, NL: 2100 };

    for (const [country, rate] of Object.entries(standard)) {
      expect(TAX_RATES[country]?.[rate], country).toBeDefined();
    }
  });

  it('holds whole basis points between 0 and 100%', () => {
    const rates = Object.values(TAX_RATES).flatMap((table) => Object.keys(table).map(Number));

    expect(rates.every((rate) => Number.isInteger(rate) && rate >= 0 && rate <= 10_000)).toBe(true);
  });
});

describe('percent', () => {
  it('writes basis points as a percentage without trailing zeros', () => {
    expect([percent(2000), percent(550), percent(0)]).toEqual(['20%', '5.5%', '0%']);
  });
});
