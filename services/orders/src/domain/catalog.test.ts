import { describe, expect, it } from 'vitest';
import { applyProductEvent, catalogOf, orderableProduct, toCatalogProduct } from './catalog';
import { aProduct, aSnapshot, CATALOG } from './test-data';

describe('toCatalogProduct', () => {
  it('keeps what carts and pricing need, and nothing else', () => {
    const product = toCatalogProduct(aSnapshot({ revision: 3 }));

    expect(product).toEqual({
      id: 'prod_mug',
      sku: 'MUG-ENAMEL-BLU',
      name: 'Enamel camping mug, blue',
      price: { amount: 1250, currency: 'GBP' },
      taxRateBasisPoints: 2000,
      status: 'ACTIVE',
      revision: 3,
      imageKey: 'products/mug-enamel-blu.svg',
    });
  });

  it('leaves imageKey out when the product has no image', () => {
    const product = toCatalogProduct(aSnapshot({ imageKey: undefined }));

    expect(product).not.toHaveProperty('imageKey');
  });
});

describe('applyProductEvent', () => {
  it('adds a product it does not hold yet', () => {
    const snapshot = aSnapshot({ revision: 2 });

    expect(applyProductEvent(undefined, snapshot)).toEqual(toCatalogProduct(snapshot));
  });

  it('takes a newer revision', () => {
    const current = aProduct({ revision: 3 });

    const next = applyProductEvent(current, aSnapshot({ revision: 4, price: { amount: 1100, currency: 'GBP' } }));

    expect(next).toMatchObject({ revision: 4, price: { amount: 1100, currency: 'GBP' } });
  });

  it.each([
    ['an older revision that arrives late', 2],
    ['the same revision delivered twice', 3],
  ])('keeps the current product for %s', (_what, revision) => {
    const current = aProduct({ revision: 3 });

    const next = applyProductEvent(current, aSnapshot({ revision, status: 'DISCONTINUED' }));

    expect(next).toBe(current);
  });

  it('ends up at the newest revision whatever the delivery order', () => {
    const revisions = [aSnapshot({ revision: 2 }), aSnapshot({ revision: 5 }), aSnapshot({ revision: 4 })];

    const final = revisions.reduce<ReturnType<typeof applyProductEvent> | undefined>(
      (current, snapshot) => applyProductEvent(current, snapshot),
      undefined,
    );

    expect(final?.revision).toBe(5);
  });

  it('refuses a snapshot of another product', () => {
    expect(() => applyProductEvent(aProduct({ id: 'prod_mug' }), aSnapshot({ id: 'prod_tea' }))).toThrow(RangeError);
  });
});

describe('orderableProduct', () => {
  it('finds an active product', () => {
    expect(orderableProduct(CATALOG, 'prod_mug').sku).toBe('MUG-ENAMEL-BLU');
  });

  it('refuses a product the catalog does not hold', () => {
    const act = () => orderableProduct(catalogOf([]), 'prod_nope');

    expect(act).toThrow(
      expect.objectContaining({ code: 'ORDERS.PRODUCT_NOT_FOUND', details: { productId: 'prod_nope' } }),
    );
  });

  it('refuses a discontinued product', () => {
    const act = () => orderableProduct(CATALOG, 'prod_lamp');

    expect(act).toThrow(expect.objectContaining({ code: 'ORDERS.PRODUCT_UNAVAILABLE' }));
  });
});
