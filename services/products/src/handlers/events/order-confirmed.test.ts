import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { aLambdaContext, anSqsEvent } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoInventory } from '../../adapters/dynamodb-inventory';
import { useLocalAws } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { anOrderConfirmedRecord } from '../../test-support/order-events';
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
  ({ handler } = await import('./order-confirmed'));
});
afterAll(() => aws.stop());

describe('order-confirmed handler', () => {
  it('sells the reserved units once, however often the confirmation arrives', async () => {
    await inventory.reserve({ orderId: 'ord_y', taskToken: 't', lines: [shop.line(3)] });

    await handler(anSqsEvent([anOrderConfirmedRecord('m-1', 'ord_y')]), aLambdaContext());
    const again = await handler(anSqsEvent([anOrderConfirmedRecord('m-2', 'ord_y')]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect(await shop.products.getStock(shop.mug.sku)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
  });

  it('fails the record of a confirmation for an order that reserved nothing', async () => {
    const response = await handler(anSqsEvent([anOrderConfirmedRecord('m-3', 'ord_unknown')]), aLambdaContext()).catch(
      (error: unknown) => error,
    );

    // A batch of one failed record is a failed invocation (Powertools' FullBatchFailureError): SQS retries it.
    expect(response).toMatchObject({ name: 'FullBatchFailureError' });
    expect(await shop.products.getStock(shop.mug.sku)).toMatchObject({ onHand: 7 });
  });
});
