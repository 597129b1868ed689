import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { UserDeleted } from '@shop/events';
import { aLambdaContext, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { ANONYMISE_PAGE_SIZE, DynamoCustomerErasure } from '../../adapters/dynamodb-customer-erasure';
import { DynamoOrderQueries } from '../../adapters/dynamodb-order-queries';
import { anOrderItem, MUG_LINE, SHIPPING } from '../../adapters/testing/order-items';
import { addLine, newCustomerCart } from '../../domain';
import { CATALOG, MUG, NOW } from '../../domain/test-data';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let orders: DynamoOrderQueries;
let carts: DynamoCartRepository;
let customers: DynamoCustomerCopy;

const DELETED_AT = '2025-04-02T08:15:00.000Z';
const REDACTED = {
  name: 'Deleted customer',
  line1: '[deleted]',
  city: '[deleted]',
  postalCode: '[deleted]',
  country: 'GB',
};

beforeAll(async () => {
  aws = await startHandlerAws();
  const table = { doc: aws.doc, tableName: aws.tableName };
  orders = new DynamoOrderQueries(table);
  carts = new DynamoCartRepository(table);
  customers = new DynamoCustomerCopy(table);
  ({ handler } = await import('./customer-deleted'));
});
afterAll(() => aws.stop());

/** A customer as orders knows them: a profile copy, a cart with a mug, and `orderCount` confirmed orders. */
async function aCustomer(customerId: string, orderCount: number): Promise<string[]> {
  await customers.put({
    id: customerId,
    email: `${customerId}@example.com`,
    name: 'Ada',
    revision: 1,
    updatedAt: NOW.toISOString(),
  });
  const cartId = await carts.customerCartId(customerId, `cart_${customerId}`);
  const cart = addLine(newCustomerCart(cartId, customerId, NOW), { productId: MUG.id, quantity: 1 }, CATALOG, NOW);
  await carts.save({ cart, version: 0, mergedGuestCartIds: [] });
  const orderIds = Array.from({ length: orderCount }, (_, i) => `ord_${customerId}_${i}`);
  for (const [i, orderId] of orderIds.entries()) {
    const createdAt = new Date(NOW.getTime() + i * 60_000).toISOString();
    const Item = anOrderItem({ orderId, customerId, createdAt, status: 'CONFIRMED' });
    await aws.doc.send(new PutCommand({ TableName: aws.tableName, Item }));
  }
  return orderIds;
}

const deletion = (customerId: string, messageId?: string) =>
  aRecordOf(UserDeleted, { userId: customerId, deletedAt: DELETED_AT }, messageId);

/** An order as an earlier, interrupted attempt left it: already anonymised. */
async function markAnonymised(orderId: string, customerId: string) {
  const order = anOrderItem({ orderId, customerId, createdAt: NOW.toISOString(), status: 'CONFIRMED' });
  const redacted = JSON.stringify(REDACTED);
  const Item = { ...order, shippingAddress: redacted, billingAddress: redacted, anonymisedAt: DELETED_AT };
  await aws.doc.send(new PutCommand({ TableName: aws.tableName, Item }));
}

async function expectErased(customerId: string, orderIds: readonly string[]) {
  for (const orderId of orderIds) {
    const order = await orders.getForCustomer(orderId, customerId);
    expect(order, orderId).toMatchObject({ shippingAddress: REDACTED, billingAddress: REDACTED, lines: [MUG_LINE] });
    expect(order?.totals.total, orderId).toEqual({ amount: 3000, currency: 'GBP' });
  }
  expect(await customers.get(customerId)).toBeUndefined();
  expect(await carts.get(`cart_${customerId}`)).toBeUndefined();
}

describe('customer-deleted handler', () => {
  it('erases the profile and the cart, and redacts every order over more than one page', async () => {
    const orderIds = await aCustomer('ada', ANONYMISE_PAGE_SIZE + 3);
    const [graces] = await aCustomer('grace', 1);

    const response = await handler(anSqsEvent([deletion('ada')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    await expectErased('ada', orderIds);
    expect((await orders.getForCustomer(graces ?? '', 'grace'))?.shippingAddress).toEqual(SHIPPING);
    expect(await customers.get('grace')).toBeDefined();
  });

  it('keeps no personal data on the order item, only the country', async () => {
    const [orderId = ''] = await aCustomer('lin', 1);

    await handler(anSqsEvent([deletion('lin')]), aLambdaContext());

    const Key = { pk: `ORDER#${orderId}`, sk: 'ORDER' };
    const { Item } = await aws.doc.send(new GetCommand({ TableName: aws.tableName, Key }));
    const stored = JSON.stringify(Item);
    for (const erased of [SHIPPING.name, SHIPPING.line1, SHIPPING.line2, SHIPPING.city, SHIPPING.postalCode]) {
      expect(stored).not.toContain(erased);
    }
    expect(Item).toMatchObject({ anonymisedAt: DELETED_AT, customerId: 'lin' });
  });

  it('finishes a job a previous attempt left half done, and a duplicate changes nothing', async () => {
    const orderIds = await aCustomer('kay', 4);
    await new DynamoCustomerErasure({ doc: aws.doc, tableName: aws.tableName }).deleteCart('kay');
    await markAnonymised(orderIds[0] ?? '', 'kay');

    const first = await handler(anSqsEvent([deletion('kay')]), aLambdaContext());
    const again = await handler(anSqsEvent([deletion('kay', 'redelivered')]), aLambdaContext());

    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    await expectErased('kay', orderIds);
  });

  it('erases a customer it holds nothing of, leaving a tombstone that late profile events cannot pass', async () => {
    const response = await handler(anSqsEvent([deletion('unknown')]), aLambdaContext());

    const late = await customers.put({
      id: 'unknown',
      email: 'late@example.com',
      revision: 1,
      updatedAt: NOW.toISOString(),
    });

    expect(response.batchItemFailures).toEqual([]);
    expect(late).toBe(false);
  });

  it('fails only the records that are not UserDeleted events', async () => {
    await aCustomer('mo', 1);
    const batch = anSqsEvent([anSqsRecord('poison', '{"detail":{}}'), deletion('mo')]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
    expect(await customers.get('mo')).toBeUndefined();
  });
});
