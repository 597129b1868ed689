import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProductNotFoundError, SkuTakenError } from '../domain/errors';
import { updateProduct } from '../domain/product';
import { aProduct, LATER, NOW } from '../domain/test-data';
import {
  createProductsTable,
  LOCAL_AWS_TIMEOUTS,
  startLocalAws,
  uniqueTableName,
  type LocalAws,
} from '../test-support/local-aws';
import { outboxEvents } from '../test-support/outbox-events';
import { DynamoProductRepository } from './dynamodb-product-repository';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws.stop());

async function aRepository() {
  const tableName = uniqueTableName('products');
  await createProductsTable(aws.client, tableName);
  return { tableName, repository: new DynamoProductRepository({ doc: aws.doc, tableName, clock: () => NOW }) };
}

describe('DynamoProductRepository', () => {
  it('saves a product with its stock and puts ProductCreated in the outbox', async () => {
    const { repository, tableName } = await aRepository();
    const product = aProduct();

    await repository.create(product, 12);

    expect(await repository.get(product.id)).toEqual(product);
    expect(await repository.getBySku(product.sku)).toEqual(product);
    expect(await repository.getStock(product.sku)).toMatchObject({
      onHand: 12,
      reserved: 0,
      available: 12,
      productId: product.id,
    });
    const events = await outboxEvents(aws.doc, tableName);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      detailType: 'Product.ProductCreated',
      data: { product: { id: product.id, imageKey: 'products/mug-enamel-blu.svg', revision: 1 } },
      metadata: { event_version: '1' },
    });
  });

  it('refuses a second product with the same sku and saves nothing of it', async () => {
    const { repository, tableName } = await aRepository();
    await repository.create(aProduct(), 1);
    const twin = aProduct();

    await expect(repository.create(twin, 5)).rejects.toThrow(SkuTakenError);

    expect(await repository.get(twin.id)).toBeUndefined();
    expect(await repository.getStock(twin.sku)).toMatchObject({ onHand: 1 });
    expect(await outboxEvents(aws.doc, tableName)).toHaveLength(1);
  });

  it('updates a product at the revision it was read and publishes the whole product', async () => {
    const { repository, tableName } = await aRepository();
    const product = aProduct();
    await repository.create(product, 0);
    const { product: next, changedFields } = updateProduct(product, { price: { amount: 990, currency: 'GBP' } }, LATER);

    const saved = await repository.update(product, next, changedFields);

    expect(saved).toBe(true);
    expect(await repository.get(product.id)).toMatchObject({ price: { amount: 990 }, revision: 2 });
    const updated = (await outboxEvents(aws.doc, tableName)).filter(
      (e) => e.detailType === 'Product.ProductInfoUpdated',
    );
    expect(updated).toEqual([
      expect.objectContaining({
        data: {
          product: expect.objectContaining({ price: { amount: 990, currency: 'GBP' }, revision: 2 }),
          changedFields: ['price'],
        },
      }),
    ]);
  });

  it('saves nothing when another update saved first', async () => {
    const { repository } = await aRepository();
    const product = aProduct();
    await repository.create(product, 0);
    const first = updateProduct(product, { name: 'First' }, LATER);
    const second = updateProduct(product, { name: 'Second' }, LATER);
    await repository.update(product, first.product, first.changedFields);

    const saved = await repository.update(product, second.product, second.changedFields);

    expect(saved).toBe(false);
    expect(await repository.get(product.id)).toMatchObject({ name: 'First', revision: 2 });
  });

  it('copies a new status to the stock item, where reservations check it', async () => {
    const { repository } = await aRepository();
    const product = aProduct();
    await repository.create(product, 3);
    const { product: next, changedFields } = updateProduct(product, { status: 'DISCONTINUED' }, LATER);

    await repository.update(product, next, changedFields);

    expect(await repository.getStock(product.sku)).toMatchObject({ productStatus: 'DISCONTINUED', onHand: 3 });
  });

  it('adds restocked units to on hand and available', async () => {
    const { repository } = await aRepository();
    const product = aProduct();
    await repository.create(product, 2);

    const stock = await repository.restock(product.sku, 10);

    expect(stock).toMatchObject({ onHand: 12, reserved: 0, available: 12 });
  });

  it('refuses to restock a sku that has no stock item', async () => {
    const { repository } = await aRepository();

    await expect(repository.restock('NO-SUCH-SKU', 1)).rejects.toThrow(ProductNotFoundError);
  });
});
