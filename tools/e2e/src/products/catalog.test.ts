import { describe, expect, it } from 'vitest';
import { type ApiError, getProduct, listAll, type Product, type ProductPage } from '../harness/catalog';
import { callApi } from '../harness/shop-api';
import { shopTarget } from '../harness/shop-target';

// The dev stage seeds 48 products, 46 of them ACTIVE, in 6 categories (services/products/seed/catalog.json).
const SEEDED_ACTIVE_PRODUCTS = 46;

const target = shopTarget();
const ids = (items: readonly Product[]) => items.map((item) => item.id);
const prices = (items: readonly Product[]) => items.map((item) => item.price.amount);

describe('the catalog, as anyone browses it', () => {
  it('lists every active product once when the cursor is followed to the end', async () => {
    const { items, pages } = await listAll(target, { limit: '10' });

    expect(pages).toBeGreaterThanOrEqual(5);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(SEEDED_ACTIVE_PRODUCTS);
    expect(items.every((item) => item.status === 'ACTIVE')).toBe(true);
  });

  it('lists a category: exactly the active products of that category', async () => {
    const everything = await listAll(target, { limit: '100' });

    const kitchen = await listAll(target, { category: 'kitchen', limit: '3' });

    const expected = everything.items.filter((item) => item.category === 'kitchen');
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids(kitchen.items))).toEqual(new Set(ids(expected)));
    expect(kitchen.items).toHaveLength(expected.length);
  });

  it('finds products by a word of their name or description, whatever its case', async () => {
    const { items } = await listAll(target, { q: 'ENAMEL' });

    expect(items.map((item) => item.sku)).toContain('MUG-ENAMEL-BLU');
    expect(items.every((item) => `${item.name} ${item.description}`.toLowerCase().includes('enamel'))).toBe(true);
  });

  it('sorts by price, cheapest first or dearest first, across pages', async () => {
    const ascending = await listAll(target, { sort: 'price-asc', limit: '7' });

    const descending = await listAll(target, { sort: 'price-desc', limit: '7' });

    expect(prices(ascending.items)).toEqual(prices(ascending.items).toSorted((a, b) => a - b));
    expect(prices(descending.items)).toEqual(prices(descending.items).toSorted((a, b) => b - a));
    expect(new Set(ids(ascending.items))).toEqual(new Set(ids(descending.items)));
    expect(ascending.items.length).toBeGreaterThanOrEqual(SEEDED_ACTIVE_PRODUCTS);
  });

  it('gets one product with the units available to order', async () => {
    const { body: page } = await callApi<ProductPage>(target, '/products?limit=1');
    const listed = page.items[0] as Product;

    const response = await getProduct(target, listed.id);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...listed, available: expect.any(Number) });
    expect(response.body.available).toBeGreaterThanOrEqual(0);
  });

  it('answers 404 PRODUCTS.NOT_FOUND for an id it does not know', async () => {
    const response = await callApi<ApiError>(target, '/products/prod_01UNKNOWNUNKNOWNUNKNOWN00');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('PRODUCTS.NOT_FOUND');
  });

  it('refuses a cursor it did not hand out with 400 PRODUCTS.INVALID_CURSOR', async () => {
    const response = await callApi<ApiError>(target, '/products?cursor=bm90LWEtY3Vyc29y');

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PRODUCTS.INVALID_CURSOR');
  });

  it('refuses the cursor of another listing with 400 PRODUCTS.INVALID_CURSOR', async () => {
    const { body: garden } = await callApi<ProductPage>(target, '/products?limit=1&category=garden');

    const response = await callApi<ApiError>(target, `/products?limit=1&category=kitchen&cursor=${garden.nextCursor}`);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PRODUCTS.INVALID_CURSOR');
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['sort=cheapest', 'query.sort'],
    ['q=', 'query.q'],
    ['colour=red', 'query'],
  ])('refuses the query %s with 400 REQUEST.INVALID naming %s', async (query, path) => {
    const response = await callApi<ApiError>(target, `/products?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('REQUEST.INVALID');
    expect(response.body.error.fields).toContainEqual(expect.objectContaining({ path }));
  });
});
