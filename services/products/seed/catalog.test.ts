import { Sku } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { SEED_PRODUCTS, SeedProduct } from './catalog';

const aSeedProduct = (overrides: Record<string, unknown> = {}) => ({
  sku: 'MUG-ENAMEL-BLU',
  name: 'Enamel Mug, Blue',
  description: 'A steel mug.',
  category: 'kitchen',
  price: { amount: 950, currency: 'GBP' },
  taxRateBasisPoints: 2000,
  images: [{ key: 'products/mug-enamel-blu.svg', alt: 'Illustration of a blue enamel mug' }],
  status: 'ACTIVE',
  stock: 4,
  ...overrides,
});

describe('seed catalog', () => {
  it('holds at least 40 products in at least 5 categories', () => {
    const categories = new Set(SEED_PRODUCTS.map((p) => p.category));

    expect(SEED_PRODUCTS.length).toBeGreaterThanOrEqual(40);
    expect(categories.size).toBeGreaterThanOrEqual(5);
  });

  it('gives every product a unique sku and a unique name', () => {
    const skus = new Set(SEED_PRODUCTS.map((p) => p.sku));
    const names = new Set(SEED_PRODUCTS.map((p) => p.name));

    expect(skus.size).toBe(SEED_PRODUCTS.length);
    expect(names.size).toBe(SEED_PRODUCTS.length);
  });

  it('uses skus that the event contracts accept', () => {
    const rejected = SEED_PRODUCTS.filter((p) => !Sku.safeParse(p.sku).success).map((p) => p.sku);

    expect(rejected).toEqual([]);
  });

  it('prices every product in whole pence above zero, in pounds sterling', () => {
    const badPrices = SEED_PRODUCTS.filter(
      (p) => !Number.isInteger(p.price.amount) || p.price.amount <= 0 || p.price.currency !== 'GBP',
    );

    expect(badPrices).toEqual([]);
  });

  it('counts stock in whole units, with some products sold out and some nearly so', () => {
    const stocks = SEED_PRODUCTS.map((p) => p.stock);

    expect(stocks.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    expect(stocks.filter((s) => s === 0).length).toBeGreaterThanOrEqual(2);
    expect(stocks.filter((s) => s >= 1 && s <= 3).length).toBeGreaterThanOrEqual(2);
  });

  it('applies UK VAT rates: zero for books, standard or reduced elsewhere', () => {
    const books = SEED_PRODUCTS.filter((p) => p.category === 'books');
    const rates = new Set(SEED_PRODUCTS.map((p) => p.taxRateBasisPoints));

    expect(books.length).toBeGreaterThan(0);
    expect(books.every((p) => p.taxRateBasisPoints === 0)).toBe(true);
    expect([...rates].sort((a, b) => a - b)).toEqual([0, 500, 2000]);
  });

  it('keeps a couple of discontinued products beside the active ones', () => {
    const discontinued = SEED_PRODUCTS.filter((p) => p.status === 'DISCONTINUED');

    expect(discontinued.length).toBeGreaterThanOrEqual(2);
    expect(discontinued.length).toBeLessThan(SEED_PRODUCTS.length / 4);
  });

  it('describes every product in a few sentences and every image in words', () => {
    const sentences = (text: string) => text.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;

    expect(SEED_PRODUCTS.filter((p) => sentences(p.description) < 2)).toEqual([]);
    expect(SEED_PRODUCTS.flatMap((p) => p.images).filter((i) => i.alt.length < 15)).toEqual([]);
  });
});

describe('SeedProduct', () => {
  it('accepts a complete product', () => {
    const product = aSeedProduct();

    expect(SeedProduct.parse(product)).toEqual(product);
  });

  it.each([
    ['a lower-case sku', { sku: 'mug-enamel-blu' }],
    ['a price in fractions of a penny', { price: { amount: 9.5, currency: 'GBP' } }],
    ['negative stock', { stock: -1 }],
    ['no image', { images: [] }],
    ['an image outside the products/ prefix', { images: [{ key: 'mug.svg', alt: 'A mug' }] }],
    ['an unknown field', { colour: 'blue' }],
  ])('rejects a product with %s', (_what, overrides) => {
    const product = aSeedProduct(overrides);

    expect(SeedProduct.safeParse(product).success).toBe(false);
  });
});
