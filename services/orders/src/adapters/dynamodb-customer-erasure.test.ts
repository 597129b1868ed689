import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine, newCustomerCart } from '../domain';
import { CATALOG, MUG, NOW } from '../domain/test-data';
import { DynamoCartRepository } from './dynamodb-cart-repository';
import { DynamoCustomerErasure } from './dynamodb-customer-erasure';
import { anOrderItem, SHIPPING } from './testing/order-items';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let tableName: string;
let carts: DynamoCartRepository;

const DELETED_AT = '2025-04-02T08:15:00.000Z';
const REDACTED = {
  name: 'Deleted customer',
  line1: '[deleted]',
  city: '[deleted]',
  postalCode: '[deleted]',
  country: 'GB',
};

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  tableName = uniqueTableName('erasure');
  await createOrdersTable(dynamodb.client, tableName);
  carts = new DynamoCartRepository({ doc: dynamodb.doc, tableName });
});
afterAll(() => dynamodb.stop());

const erasure = (doc: DynamoDBDocumentClient = dynamodb.doc) =>
  new DynamoCustomerErasure({ doc, tableName, pageSize: 2 });

async function ordersOf(customerId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `ord_${customerId}_${i}`);
  for (const [i, orderId] of ids.entries()) {
    const Item = anOrderItem({ orderId, customerId, createdAt: `2025-03-14T10:0${i}:00.000Z`, status: 'CONFIRMED' });
    await dynamodb.doc.send(new PutCommand({ TableName: tableName, Item }));
  }
  return ids;
}

async function storedOrder(orderId: string) {
  const Key = { pk: `ORDER#${orderId}`, sk: 'ORDER' };
  const { Item = {} } = await dynamodb.doc.send(new GetCommand({ TableName: tableName, Key }));
  return {
    ...Item,
    shippingAddress: JSON.parse(String(Item.shippingAddress)),
    billingAddress: JSON.parse(String(Item.billingAddress)),
  };
}

/** A document client whose `failAfter`-th UpdateItem (and every later one) fails, as under throttling. */
function failingAfter(failAfter: number): DynamoDBDocumentClient {
  let updates = 0;
  const send = (command: unknown) => {
    if (command instanceof UpdateCommand && ++updates > failAfter) return Promise.reject(new Error('Throttled'));
    return dynamodb.doc.send(command as never);
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

describe('DynamoCustomerErasure.anonymiseOrders', () => {
  it("redacts the addresses of every order of the customer, over several pages, and no one else's", async () => {
    const adas = await ordersOf('ada', 5);
    const [graces] = await ordersOf('grace', 1);

    const anonymised = await erasure().anonymiseOrders('ada', DELETED_AT);

    expect(anonymised).toBe(5);
    for (const orderId of adas) {
      expect(await storedOrder(orderId)).toMatchObject({
        shippingAddress: REDACTED,
        billingAddress: REDACTED,
        anonymisedAt: DELETED_AT,
        status: 'CONFIRMED',
        lines: expect.stringContaining('MUG-ENAMEL-BLU'),
        totals: expect.stringContaining('3000'),
      });
    }
    expect((await storedOrder(graces ?? '')).shippingAddress).toEqual(SHIPPING);
  });

  it('finishes the job on a retry after failing part way, skipping the orders already done', async () => {
    const orders = await ordersOf('lin', 5);
    await expect(erasure(failingAfter(3)).anonymiseOrders('lin', DELETED_AT)).rejects.toThrow('Throttled');

    const anonymised = await erasure().anonymiseOrders('lin', DELETED_AT);

    expect(anonymised).toBe(2);
    for (const orderId of orders) expect((await storedOrder(orderId)).billingAddress).toEqual(REDACTED);
  });

  it('anonymises nothing more when run again', async () => {
    await ordersOf('kay', 3);
    await erasure().anonymiseOrders('kay', DELETED_AT);

    const again = await erasure().anonymiseOrders('kay', DELETED_AT);

    expect(again).toBe(0);
  });
});

describe('DynamoCustomerErasure.deleteCart', () => {
  it("deletes the customer's cart and the pointer to it", async () => {
    const cartId = await carts.customerCartId('customer-cart', 'cart_erased');
    const cart = addLine(
      newCustomerCart(cartId, 'customer-cart', NOW),
      { productId: MUG.id, quantity: 1 },
      CATALOG,
      NOW,
    );
    await carts.save({ cart, version: 0, mergedGuestCartIds: [] });

    const hadCart = await erasure().deleteCart('customer-cart');

    expect(hadCart).toBe(true);
    expect(await carts.get('cart_erased')).toBeUndefined();
    expect(await carts.customerCartId('customer-cart', 'cart_next')).toBe('cart_next');
  });

  it('answers false for a customer with no cart', async () => {
    expect(await erasure().deleteCart('customer-cartless')).toBe(false);
  });
});
