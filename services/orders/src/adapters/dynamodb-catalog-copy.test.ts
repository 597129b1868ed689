import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct, MUG, TEA } from '../domain/test-data';
import { DynamoCatalogCopy } from './dynamodb-catalog-copy';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let catalog: DynamoCatalogCopy;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  const tableName = uniqueTableName('catalog');
  await createOrdersTable(dynamodb.client, tableName);
  catalog = new DynamoCatalogCopy({ doc: dynamodb.doc, tableName });
});
afterAll(() => dynamodb.stop());

const revision = (id: string, n: number) => aProduct({ id, revision: n, price: { amount: 1000 + n, currency: 'GBP' } });

describe('DynamoCatalogCopy', () => {
  it('stores a product it did not have and reads it back', async () => {
    const written = await catalog.put(MUG);

    expect(written).toBe(true);
    expect(await catalog.get(MUG.id)).toEqual(MUG);
  });

  it('keeps the later revision when an older one arrives after it, without an error', async () => {
    await catalog.put(revision('prod_late', 3));

    const written = await catalog.put(revision('prod_late', 2));

    expect(written).toBe(false);
    expect((await catalog.get('prod_late'))?.revision).toBe(3);
  });

  it('ignores a repeated revision', async () => {
    await catalog.put(revision('prod_twice', 2));

    const written = await catalog.put({ ...revision('prod_twice', 2), name: 'Changed without a new revision' });

    expect(written).toBe(false);
    expect((await catalog.get('prod_twice'))?.name).toBe(MUG.name);
  });

  it('ends at the highest revision whatever order concurrent deliveries arrive in', async () => {
    const revisions = [7, 2, 9, 1, 5, 10, 3, 8, 4, 6];

    await Promise.all(revisions.map((n) => catalog.put(revision('prod_race', n))));

    expect(await catalog.get('prod_race')).toEqual(revision('prod_race', 10));
  });

  it('loads the products of a cart, leaving out unknown ids, in batches past 100 keys', async () => {
    await catalog.put(TEA);
    const unknown = Array.from({ length: 120 }, (_, i) => `prod_unknown_${i}`);

    const products = await catalog.getMany([...unknown, MUG.id, TEA.id, MUG.id]);

    expect([...products.keys()].sort()).toEqual([MUG.id, TEA.id]);
    expect(products.get(TEA.id)).toEqual(TEA);
  });
});
