import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { aLambdaContext, anSqsEvent } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoInventory } from '../../adapters/dynamodb-inventory';
import { useLocalAws } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { anOrderCancelledRecord } from '../../test-support/order-events';
import { outboxEvents } from '../../test-support/outbox-events';
import { aShopWithAMug } from '../../test-support/shop-fixture';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let shop: Awaited<ReturnType<typeof aShopWithAMug>>;
let inventory: DynamoInventory;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startLocalAws();
  shop = await aShopWithAMug(aws, 10);
  inventory = new DynamoInventory({ doc: aws.doc, tableName: shop.tableName });
  useLocalAws(aws, { TABLE_NAME: shop.tableName, IDEMPOTENCY_TABLE_NAME: shop.idempotencyTableName });
  ({ handler } = await import('./order-cancelled'));
});
afterAll(() => aws.stop());

describe('order-cancelled handler', () => {
  it('releases the reserved stock once, however often the cancellation arrives', async () => {
    await inventory.reserve({ orderId: 'ord_x', taskToken: 't', lines: [shop.line(4)] });

    const first = await handler(anSqsEvent([anOrderCancelledRecord('m-1', 'ord_x')]), aLambdaContext());
    const again = await handler(anSqsEvent([anOrderCancelledRecord('m-2', 'ord_x')]), aLambdaContext());

    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(await shop.products.getStock(shop.mug.sku)).toMatchObject({ reserved: 0, available: 10 });
    const released = (await outboxEvents(aws.doc, shop.tableName)).filter(
      (e) => e.detailType === 'Inventory.StockReleased',
    );
    expect(released.map((e) => e.data.orderId)).toEqual(['ord_x']);
  });

  it('accepts the cancellation of an order that reserved nothing', async () => {
    const response = await handler(anSqsEvent([anOrderCancelledRecord('m-3', 'ord_never')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
  });
});
