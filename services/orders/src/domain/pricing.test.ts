import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import { aCatalog, aProduct, CATALOG } from './test-data';

const GBP = { currency: 'GBP' };
const code = (value: string) => expect.objectContaining({ code: value });
const gbp = (amount: number) => ({ amount, currency: 'GBP' });

describe('priceCart', () => {
  it('prices each line and sums the totals', () => {
    const lines = [
      { productId: 'prod_mug', quantity: 2 },
      { productId: 'prod_tea', quantity: 1 },
    ];

    const priced = priceCart(lines, CATALOG, GBP);

    expect(priced.lines).toEqual([
      {
        productId: 'prod_mug',
        sku: 'MUG-ENAMEL-BLU',
        name: 'Enamel camping mug, blue',
        quantity: 2,
        unitPrice: gbp(1250),
        taxRateBasisPoints: 2000,
        net: gbp(2500),
        tax: gbp(500),
        gross: gbp(3000),
      },
      {
        productId: 'prod_tea',
        sku: 'TEA-EARLGREY-250',
        name: 'Earl Grey loose leaf tea, 250 g',
        quantity: 1,
        unitPrice: gbp(850),
        taxRateBasisPoints: 0,
        net: gbp(850),
        tax: gbp(0),
        gross: gbp(850),
      },
    ]);
    expect(priced.totals).toEqual({ net: gbp(3350), tax: gbp(500), gross: gbp(3850), itemCount: 3 });
  });

  it('rounds tax on each line, so the cart’s tax is the sum of the rounded lines, not tax on the sum', () => {
    // Three 10p lines at 15%: 1.5p each rounds to 2p, so 6p; 15% of the 30p total would be 4.5p → 5p.
    const products = ['A', 'B', 'C'].map((x) =>
      aProduct({ id: `prod_${x}`, sku: x, price: gbp(10), taxRateBasisPoints: 1500 }),
    );

    const priced = priceCart(
      products.map((product) => ({ productId: product.id, quantity: 1 })),
      aCatalog(...products),
      GBP,
    );

    expect(priced.lines.map((line) => line.tax.amount)).toEqual([2, 2, 2]);
    expect(priced.totals).toMatchObject({ net: gbp(30), tax: gbp(6), gross: gbp(36) });
  });

  it('rounds half a penny up where floating point would round it down', () => {
    // 17.5% of £1.80 is 31.5p; 180 * 0.175 in floating point is 31.499999999999996.
    const catalog = aCatalog(aProduct({ price: gbp(180), taxRateBasisPoints: 1750 }));

    const priced = priceCart([{ productId: 'prod_mug', quantity: 1 }], catalog, GBP);

    expect(priced.totals.tax).toEqual(gbp(32));
  });

  it('prices three items at 0.333 KWD (three minor-unit digits) exactly', () => {
    const catalog = aCatalog(aProduct({ price: { amount: 333, currency: 'KWD' }, taxRateBasisPoints: 1500 }));

    const priced = priceCart([{ productId: 'prod_mug', quantity: 3 }], catalog, { currency: 'KWD' });

    // 0.999 KWD net; 15% is 149.85 fils → 150 fils; 1.149 KWD gross.
    expect(priced.totals).toEqual({
      net: { amount: 999, currency: 'KWD' },
      tax: { amount: 150, currency: 'KWD' },
      gross: { amount: 1149, currency: 'KWD' },
      itemCount: 3,
    });
  });

  it.each([
    ['rounds half a yen up', 5, 1, 1],
    ['rounds less than half a yen down', 4, 1, 0],
    ['keeps whole yen as they are', 1980, 3, 594],
  ])('prices JPY (no minor unit): %s', (_what, unit, quantity, tax) => {
    const catalog = aCatalog(aProduct({ price: { amount: unit, currency: 'JPY' }, taxRateBasisPoints: 1000 }));

    const priced = priceCart([{ productId: 'prod_mug', quantity }], catalog, { currency: 'JPY' });

    expect(priced.totals.tax).toEqual({ amount: tax, currency: 'JPY' });
  });

  it('is exact up to a gross of Number.MAX_SAFE_INTEGER', () => {
    const catalog = aCatalog(aProduct({ price: gbp(7_505_999_378_950_826), taxRateBasisPoints: 2000 }));

    const priced = priceCart([{ productId: 'prod_mug', quantity: 1 }], catalog, GBP);

    expect(priced.totals.tax).toEqual(gbp(1_501_199_875_790_165)); // 1 501 199 875 790 165.2
    expect(priced.totals.gross).toEqual(gbp(Number.MAX_SAFE_INTEGER));
  });

  it.each([
    ['a line gross one past MAX_SAFE_INTEGER', [7_505_999_378_950_827], 1, 2000],
    ['a line net past MAX_SAFE_INTEGER', [100_000_000_000_000], 99, 0],
    ['a total past MAX_SAFE_INTEGER', [5_000_000_000_000_000, 5_000_000_000_000_000], 1, 0],
  ])('refuses %s instead of rounding it', (_what, prices, quantity, taxRateBasisPoints) => {
    const products = prices.map((amount, i) => aProduct({ id: `prod_${i}`, price: gbp(amount), taxRateBasisPoints }));
    const lines = products.map((product) => ({ productId: product.id, quantity }));

    expect(() => priceCart(lines, aCatalog(...products), GBP)).toThrow(code('ORDERS.AMOUNT_OUT_OF_RANGE'));
  });

  it('refuses an empty cart', () => {
    expect(() => priceCart([], CATALOG, GBP)).toThrow(code('ORDERS.EMPTY_CART'));
  });

  it('refuses a product priced in another currency', () => {
    const catalog = aCatalog(aProduct({ price: { amount: 1250, currency: 'EUR' } }));

    const act = () => priceCart([{ productId: 'prod_mug', quantity: 1 }], catalog, GBP);

    expect(act).toThrow(
      expect.objectContaining({
        code: 'ORDERS.CURRENCY_MISMATCH',
        details: { productId: 'prod_mug', expected: 'GBP', actual: 'EUR' },
      }),
    );
  });

  it.each([
    ['an unknown product', 'prod_nope', 'ORDERS.PRODUCT_NOT_FOUND'],
    ['a discontinued product', 'prod_lamp', 'ORDERS.PRODUCT_UNAVAILABLE'],
  ])('refuses %s', (_what, productId, errorCode) => {
    const lines = [
      { productId: 'prod_mug', quantity: 1 },
      { productId, quantity: 1 },
    ];

    expect(() => priceCart(lines, CATALOG, GBP)).toThrow(code(errorCode));
  });

  it('refuses a stored line whose quantity breaks the cart rules', () => {
    expect(() => priceCart([{ productId: 'prod_mug', quantity: 0 }], CATALOG, GBP)).toThrow(
      code('ORDERS.INVALID_QUANTITY'),
    );
  });
});
