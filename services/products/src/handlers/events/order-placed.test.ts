import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { aLambdaContext, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalAws } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { anOrderPlacedRecord } from '../../test-support/order-events';
import { outboxEvents } from '../../test-support/outbox-events';
import { aShopWithAMug } from '../../test-support/shop-fixture';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let shop: Awaited<ReturnType<typeof aShopWithAMug>>;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startLocalAws();
  shop = await aShopWithAMug(aws, 10);
  useLocalAws(aws, { TABLE_NAME: shop.tableName, IDEMPOTENCY_TABLE_NAME: shop.idempotencyTableName });
  ({ handler } = await import('./order-placed'));
});
afterAll(() => aws.stop());

const reservedEvents = async () =>
  (await outboxEvents(aws.doc, shop.tableName)).filter((event) => event.detailType === 'Inventory.StockReserved');

describe('order-placed handler', () => {
  it('reserves the order and answers with StockReserved carrying the task token', async () => {
    const response = await handler(anSqsEvent([anOrderPlacedRecord('m-1', 'ord_a', [shop.line(2)])]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await shop.products.getStock(shop.mug.sku)).toMatchObject({ reserved: 2 });
    expect((await reservedEvents()).map((e) => e.data)).toContainEqual(
      expect.objectContaining({ orderId: 'ord_a', taskToken: 'token-ord_a' }),
    );
  });

  it('reserves once when the same OrderPlaced is delivered twice', async () => {
    const before = (await shop.products.getStock(shop.mug.sku))?.reserved ?? 0;

    await handler(anSqsEvent([anOrderPlacedRecord('m-2', 'ord_b', [shop.line(1)])]), aLambdaContext());
    const again = await handler(anSqsEvent([anOrderPlacedRecord('m-3', 'ord_b', [shop.line(1)])]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect(await shop.products.getStock(shop.mug.sku)).toMatchObject({ reserved: before + 1 });
    expect((await reservedEvents()).filter((e) => e.data.orderId === 'ord_b')).toHaveLength(1);
  });

  it('fails only the poison message of a batch', async () => {
    const batch = anSqsEvent([
      anSqsRecord('poison-1', 'not json at all'),
      anSqsRecord('poison-2', {
        id: 'e',
        source: 'shop.orders',
        'detail-type': 'Order.OrderPlaced',
        detail: { data: {} },
      }),
      anOrderPlacedRecord('m-4', 'ord_c', [shop.line(1)]),
    ]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison-1' }, { itemIdentifier: 'poison-2' }]);
    expect((await reservedEvents()).map((e) => e.data.orderId)).toContain('ord_c');
  });
});
