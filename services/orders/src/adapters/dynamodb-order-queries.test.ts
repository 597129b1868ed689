import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrderQueries } from './dynamodb-order-queries';
import { encodeCursor } from './order-cursor';
import { anOrderItem, MUG_LINE, SHIPPING } from './testing/order-items';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let orders: DynamoOrderQueries;

const ADA = 'customer-ada';
const GRACE = 'customer-grace';
const at = (minute: number) => `2025-03-14T09:${String(minute).padStart(2, '0')}:00.000Z`;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  const tableName = uniqueTableName('orders');
  await createOrdersTable(dynamodb.client, tableName);
  orders = new DynamoOrderQueries({ doc: dynamodb.doc, tableName });
  const items = [
    ...[1, 2, 3, 4, 5].map((n) => anOrderItem({ orderId: `ord_ada${n}`, customerId: ADA, createdAt: at(n) })),
    anOrderItem({ orderId: 'ord_grace1', customerId: GRACE, createdAt: at(6) }),
    anOrderItem({
      orderId: 'ord_cancelled',
      customerId: GRACE,
      createdAt: at(7),
      status: 'CANCELLED',
      reasonCode: 'OUT_OF_STOCK',
    }),
  ];
  for (const Item of items) await dynamodb.doc.send(new PutCommand({ TableName: tableName, Item }));
});
afterAll(() => dynamodb.stop());

describe('DynamoOrderQueries.getForCustomer', () => {
  it('reads the order the workflow wrote, JSON attributes decoded', async () => {
    const order = await orders.getForCustomer('ord_ada1', ADA);

    expect(order).toEqual({
      id: 'ord_ada1',
      customerId: ADA,
      status: 'PENDING',
      lines: [MUG_LINE],
      totals: {
        subtotal: { amount: 2500, currency: 'GBP' },
        shipping: { amount: 0, currency: 'GBP' },
        tax: { amount: 500, currency: 'GBP' },
        total: { amount: 3000, currency: 'GBP' },
      },
      itemCount: 2,
      shippingAddress: SHIPPING,
      billingAddress: SHIPPING,
      createdAt: at(1),
      updatedAt: at(1),
      history: [{ status: 'PENDING', at: at(1) }],
    });
  });

  it('carries the reason code and history of a cancelled order', async () => {
    const order = await orders.getForCustomer('ord_cancelled', GRACE);

    expect(order).toMatchObject({ status: 'CANCELLED', reasonCode: 'OUT_OF_STOCK' });
    expect(order?.history.map((change) => change.status)).toEqual(['PENDING', 'CANCELLED']);
  });

  it("finds nothing for another customer's order or an unknown one", async () => {
    expect(await orders.getForCustomer('ord_grace1', ADA)).toBeUndefined();
    expect(await orders.getForCustomer('ord_nope', ADA)).toBeUndefined();
  });
});

describe('DynamoOrderQueries.listForCustomer', () => {
  it("pages through the customer's orders newest first, and only theirs", async () => {
    const first = await orders.listForCustomer(ADA, { limit: 2 });
    const second = await orders.listForCustomer(ADA, { limit: 2, cursor: first.nextCursor });
    const third = await orders.listForCustomer(ADA, { limit: 2, cursor: second.nextCursor });

    expect([first, second, third].flatMap((page) => page.items.map((order) => order.id))).toEqual([
      'ord_ada5',
      'ord_ada4',
      'ord_ada3',
      'ord_ada2',
      'ord_ada1',
    ]);
    expect(third.nextCursor).toBeUndefined();
  });

  it('returns no cursor when the last page is exactly full', async () => {
    const page = await orders.listForCustomer(GRACE, { limit: 2 });

    expect(page.items.map((order) => order.id)).toEqual(['ord_cancelled', 'ord_grace1']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('summarizes each order: status, totals, item count and dates', async () => {
    const page = await orders.listForCustomer(GRACE, { limit: 1 });

    expect(page.items[0]).toEqual({
      id: 'ord_cancelled',
      status: 'CANCELLED',
      reasonCode: 'OUT_OF_STOCK',
      totals: expect.objectContaining({ total: { amount: 3000, currency: 'GBP' } }),
      itemCount: 2,
      createdAt: at(7),
      updatedAt: at(7),
    });
  });

  it("refuses a cursor from another customer's listing with ORDERS.INVALID_CURSOR", async () => {
    const grace = await orders.listForCustomer(GRACE, { limit: 1 });

    await expect(orders.listForCustomer(ADA, { limit: 1, cursor: grace.nextCursor })).rejects.toMatchObject({
      code: 'ORDERS.INVALID_CURSOR',
    });
  });

  it('refuses a garbled or forged cursor with ORDERS.INVALID_CURSOR', async () => {
    const forged = encodeCursor({ gsi1pk: 'CUSTOMER#customer-grace', gsi1sk: 'ORDER#x', pk: 'x', sk: 'x' });

    for (const cursor of ['not a cursor!', 'bm90IGpzb24', forged]) {
      await expect(orders.listForCustomer(ADA, { limit: 1, cursor })).rejects.toMatchObject({
        code: 'ORDERS.INVALID_CURSOR',
      });
    }
  });
});
