import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProductQuery } from '../domain/catalog-query';
import { InvalidCursorError } from '../domain/errors';
import { updateProduct, type NewProduct, type Product } from '../domain/product';
import { aProduct, LATER } from '../domain/test-data';
import {
  createProductsTable,
  LOCAL_AWS_TIMEOUTS,
  startLocalAws,
  uniqueTableName,
  type LocalAws,
} from '../test-support/local-aws';
import { encodeCursor } from './cursor';
import { DynamoProductCatalog } from './dynamodb-catalog';
import { DynamoProductRepository } from './dynamodb-product-repository';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let catalog: DynamoProductCatalog;
const kitchen: Product[] = [];

const at = (minute: number) => new Date(`2025-03-14T09:${String(minute).padStart(2, '0')}:00.000Z`);
const item = (minute: number, overrides: Partial<NewProduct>) =>
  aProduct({ category: 'kitchen', ...overrides }, at(minute));

beforeAll(async () => {
  aws = await startLocalAws();
  const tableName = uniqueTableName('catalog');
  await createProductsTable(aws.client, tableName);
  const repository = new DynamoProductRepository({ doc: aws.doc, tableName });
  kitchen.push(
    item(1, { sku: 'MUG', name: 'Enamel mug', price: { amount: 1250, currency: 'GBP' } }),
    item(2, {
      sku: 'TEAPOT',
      name: 'Cast iron teapot',
      description: 'Brews loose tea',
      price: { amount: 3900, currency: 'GBP' },
    }),
    item(3, { sku: 'KETTLE', name: 'Whistling kettle', price: { amount: 2900, currency: 'GBP' } }),
    item(4, { sku: 'SPOON', name: 'Tea spoon', price: { amount: 300, currency: 'GBP' } }),
    item(5, { sku: 'JUG', name: 'Milk jug', price: { amount: 1500, currency: 'GBP' } }),
  );
  const lamp = item(6, {
    sku: 'LAMP',
    name: 'Brass desk lamp',
    category: 'lighting',
    price: { amount: 4500, currency: 'GBP' },
  });
  const retired = item(7, { sku: 'OLD-MUG', name: 'Old tea mug' });
  for (const product of [...kitchen, lamp, retired]) await repository.create(product, 1);
  const { product: discontinued, changedFields } = updateProduct(retired, { status: 'DISCONTINUED' }, LATER);
  await repository.update(retired, discontinued, changedFields);
  catalog = new DynamoProductCatalog({ doc: aws.doc, tableName });
});
afterAll(() => aws.stop());

/** Every page of a listing, following the cursors. */
async function allPages(query: ProductQuery): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.list(query, cursor);
    pages.push(page.items.map((p) => p.sku));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

describe('DynamoProductCatalog', () => {
  it('pages a category newest first with DynamoDB cursors, leaving out discontinued products', async () => {
    const pages = await allPages({ category: 'kitchen', sort: 'newest', limit: 2 });

    expect(pages.flat()).toEqual(['JUG', 'SPOON', 'KETTLE', 'TEAPOT', 'MUG']);
    expect(pages.slice(0, 2).every((page) => page.length === 2)).toBe(true);
  });

  it('sorts the whole catalog by price across pages', async () => {
    const pages = await allPages({ sort: 'price-asc', limit: 4 });

    expect(pages).toEqual([
      ['SPOON', 'MUG', 'JUG', 'KETTLE'],
      ['TEAPOT', 'LAMP'],
    ]);
  });

  it('sorts by name, ignoring case', async () => {
    const pages = await allPages({ category: 'kitchen', sort: 'name', limit: 10 });

    expect(pages).toEqual([['TEAPOT', 'MUG', 'JUG', 'SPOON', 'KETTLE']]);
  });

  it('finds products by words of their name or description', async () => {
    const pages = await allPages({ search: 'TEA', sort: 'price-desc', limit: 1 });

    expect(pages.flat()).toEqual(['TEAPOT', 'SPOON']);
  });

  it('refuses a cursor that is not base64url JSON', async () => {
    await expect(catalog.list({ sort: 'name', limit: 2 }, 'not a cursor!')).rejects.toThrow(InvalidCursorError);
    await expect(catalog.list({ sort: 'name', limit: 2 }, 'bm90IGpzb24')).rejects.toThrow(InvalidCursorError);
  });

  it('refuses a cursor that another query returned', async () => {
    const { nextCursor } = await catalog.list({ sort: 'name', limit: 2 });

    await expect(catalog.list({ sort: 'price-asc', limit: 2 }, nextCursor)).rejects.toThrow(InvalidCursorError);
  });

  it('refuses a forged key that points outside the category', async () => {
    const query: ProductQuery = { category: 'kitchen', sort: 'newest', limit: 2 };
    const forged = encodeCursor(query, {
      key: { pk: 'STOCK#MUG', sk: 'STOCK', gsi1pk: 'CATEGORY#lighting', gsi1sk: 'x' },
    });

    await expect(catalog.list(query, forged)).rejects.toThrow(InvalidCursorError);
  });
});
