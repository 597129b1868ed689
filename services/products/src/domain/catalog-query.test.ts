import { describe, expect, it } from 'vitest';
import { matchesSearch, pageOf, type ProductSort } from './catalog-query';
import type { Product } from './product';
import { aProduct } from './test-data';

const at = (minute: number) => new Date(`2025-03-14T09:${String(minute).padStart(2, '0')}:00.000Z`);
const catalog: Product[] = [
  aProduct({ sku: 'MUG', name: 'Enamel mug', price: { amount: 1250, currency: 'GBP' } }, at(1)),
  aProduct(
    { sku: 'TEA', name: 'Earl Grey tea', description: 'Loose leaf', price: { amount: 850, currency: 'GBP' } },
    at(2),
  ),
  aProduct({ sku: 'LAMP', name: 'brass lamp', price: { amount: 4500, currency: 'GBP' } }, at(3)),
  aProduct({ sku: 'POT', name: 'Teapot', price: { amount: 850, currency: 'GBP' } }, at(4)),
];
const skus = (products: readonly Product[]) => products.map((p) => p.sku);

describe('matchesSearch', () => {
  it('finds words in the name or description, ignoring case', () => {
    const tea = catalog[1] as Product;

    expect(matchesSearch(tea, 'EARL')).toBe(true);
    expect(matchesSearch(tea, 'loose grey')).toBe(true);
    expect(matchesSearch(tea, 'coffee')).toBe(false);
  });
});

describe('pageOf', () => {
  it.each<[ProductSort, string[]]>([
    ['newest', ['POT', 'LAMP', 'TEA', 'MUG']],
    ['name', ['LAMP', 'TEA', 'MUG', 'POT']],
    // TEA and POT cost the same: the id (older first) breaks the tie.
    ['price-asc', ['TEA', 'POT', 'MUG', 'LAMP']],
    ['price-desc', ['LAMP', 'MUG', 'TEA', 'POT']],
  ])('sorts by %s', (sort, expected) => {
    expect(skus(pageOf(catalog, { sort, limit: 10 }).items)).toEqual(expected);
  });

  it('pages through every product exactly once', () => {
    const first = pageOf(catalog, { sort: 'price-asc', limit: 3 });
    const second = pageOf(catalog, { sort: 'price-asc', limit: 3 }, first.last);

    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect(second.last).toBeUndefined();
    expect(new Set(skus([...first.items, ...second.items]))).toEqual(new Set(['MUG', 'TEA', 'LAMP', 'POT']));
  });

  it('does not repeat or skip a product when one is added before the cursor between pages', () => {
    const first = pageOf(catalog, { sort: 'name', limit: 2 });
    const grown = [...catalog, aProduct({ sku: 'AXE', name: 'Axe' }, at(5))];

    const second = pageOf(grown, { sort: 'name', limit: 10 }, first.last);

    expect(skus(first.items)).toEqual(['LAMP', 'TEA']);
    expect(skus(second.items)).toEqual(['MUG', 'POT']);
  });

  it('filters by search before paging', () => {
    const page = pageOf(catalog, { sort: 'name', limit: 1, search: 'tea' });

    expect(skus(page.items)).toEqual(['TEA']);
    expect(page.last).toBeDefined();
    expect(skus(pageOf(catalog, { sort: 'name', limit: 1, search: 'tea' }, page.last).items)).toEqual(['POT']);
  });
});
