import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReservationNotFoundError, ReservationStateError } from '../domain/errors';
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
import { DynamoInventory } from './dynamodb-inventory';
import { DynamoProductRepository } from './dynamodb-product-repository';
import { stockItem } from './table';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws.stop());

/** A fresh table with a mug (stock `mugs`) and a tea (stock `teas`). */
async function aShop(mugs = 10, teas = 5) {
  const tableName = uniqueTableName('inventory');
  await createProductsTable(aws.client, tableName);
  const options = { doc: aws.doc, tableName, clock: () => NOW };
  const products = new DynamoProductRepository(options);
  const mug = aProduct({ sku: 'MUG' });
  const tea = aProduct({ sku: 'TEA' });
  await products.create(mug, mugs);
  await products.create(tea, teas);
  const line = (product: typeof mug, quantity: number) => ({ sku: product.sku, productId: product.id, quantity });
  return { tableName, products, inventory: new DynamoInventory(options), mug, tea, line };
}

const order = (orderId: string, lines: { sku: string; productId: string; quantity: number }[]) => ({
  orderId,
  taskToken: `token-${orderId}`,
  lines,
});

const eventsOf = async (tableName: string, detailType: string) =>
  (await outboxEvents(aws.doc, tableName)).filter((event) => event.detailType === detailType);

describe('DynamoInventory.reserve', () => {
  it('reserves every line and puts StockReserved in the outbox', async () => {
    const { inventory, products, tableName, mug, tea, line } = await aShop();

    const outcome = await inventory.reserve(order('ord_1', [line(mug, 2), line(tea, 1)]));

    expect(outcome.kind).toBe('RESERVED');
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    expect(await products.getStock('TEA')).toMatchObject({ onHand: 5, reserved: 1, available: 4 });
    const [reserved] = await eventsOf(tableName, 'Inventory.StockReserved');
    expect(reserved?.data).toMatchObject({
      orderId: 'ord_1',
      taskToken: 'token-ord_1',
      lines: [line(mug, 2), line(tea, 1)],
    });
  });

  it('reserves nothing when one line is short, and says which line and why', async () => {
    const { inventory, products, tableName, mug, tea, line } = await aShop(10, 1);

    const outcome = await inventory.reserve(order('ord_2', [line(mug, 2), line(tea, 3)]));

    expect(outcome).toMatchObject({ kind: 'REFUSED', reasonCode: 'INSUFFICIENT_STOCK' });
    expect(await products.getStock('MUG')).toMatchObject({ reserved: 0, available: 10 });
    const [failed] = await eventsOf(tableName, 'Inventory.StockReservationFailed');
    expect(failed?.data).toMatchObject({
      orderId: 'ord_2',
      reasonCode: 'INSUFFICIENT_STOCK',
      lines: [{ sku: 'TEA', productId: tea.id, requested: 3, available: 1 }],
    });
  });

  it('refuses a discontinued product', async () => {
    const { inventory, products, mug, line } = await aShop();
    const { product, changedFields } = updateProduct(mug, { status: 'DISCONTINUED' }, LATER);
    await products.update(mug, product, changedFields);

    const outcome = await inventory.reserve(order('ord_3', [line(mug, 1)]));

    expect(outcome).toMatchObject({ kind: 'REFUSED', reasonCode: 'PRODUCT_DISCONTINUED' });
  });

  it('reserves once for a duplicated order', async () => {
    const { inventory, products, tableName, mug, line } = await aShop();

    const first = await inventory.reserve(order('ord_4', [line(mug, 3)]));
    const again = await inventory.reserve(order('ord_4', [line(mug, 3)]));

    expect(first.kind).toBe('RESERVED');
    expect(again).toEqual({ kind: 'ALREADY_SETTLED', status: 'RESERVED' });
    expect(await products.getStock('MUG')).toMatchObject({ reserved: 3, available: 7 });
    expect(await eventsOf(tableName, 'Inventory.StockReserved')).toHaveLength(1);
  });

  it('reserves exactly the stock there is under 50 concurrent orders, never going negative', async () => {
    const { inventory, products, tableName, mug, line } = await aShop(10);
    const orders = Array.from({ length: 50 }, (_, i) => order(`ord_c${i}`, [line(mug, 1)]));

    const outcomes = await Promise.all(orders.map((o) => inventory.reserve(o)));

    expect(outcomes.filter((o) => o.kind === 'RESERVED')).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'REFUSED')).toHaveLength(40);
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    expect(await eventsOf(tableName, 'Inventory.StockReserved')).toHaveLength(10);
    const failures = await eventsOf(tableName, 'Inventory.StockReservationFailed');
    expect(failures).toHaveLength(40);
    expect(failures.every((f) => (f.data.lines as { available: number }[])[0]?.available === 0)).toBe(true);
  });

  it('answers a duplicated order sent concurrently with one reservation', async () => {
    const { inventory, products, mug, line } = await aShop(10);

    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => inventory.reserve(order('ord_dup', [line(mug, 2)]))),
    );

    expect(outcomes.filter((o) => o.kind === 'RESERVED')).toHaveLength(1);
    expect(await products.getStock('MUG')).toMatchObject({ reserved: 2, available: 8 });
  });
});

describe('DynamoInventory.release', () => {
  it('puts the reserved stock back on sale once and publishes StockReleased', async () => {
    const { inventory, products, tableName, mug, line } = await aShop();
    await inventory.reserve(order('ord_5', [line(mug, 4)]));

    const first = await inventory.release('ord_5');
    const again = await inventory.release('ord_5');

    expect(first).toEqual({ kind: 'CHANGED', status: 'RELEASED' });
    expect(again).toEqual({ kind: 'UNCHANGED', status: 'RELEASED' });
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    const released = await eventsOf(tableName, 'Inventory.StockReleased');
    expect(released.map((e) => e.data)).toEqual([
      expect.objectContaining({ orderId: 'ord_5', reasonCode: 'ORDER_CANCELLED', lines: [line(mug, 4)] }),
    ]);
  });

  it('remembers a cancellation that came first, so the late order reserves nothing', async () => {
    const { inventory, products, mug, line } = await aShop();

    const released = await inventory.release('ord_6');
    const late = await inventory.reserve(order('ord_6', [line(mug, 1)]));

    expect(released.kind).toBe('NOTHING_RESERVED');
    expect(late).toEqual({ kind: 'ALREADY_SETTLED', status: 'RELEASED' });
    expect(await products.getStock('MUG')).toMatchObject({ reserved: 0, available: 10 });
  });
});

describe('DynamoInventory.commit', () => {
  it('sells the reserved units once', async () => {
    const { inventory, products, mug, line } = await aShop();
    await inventory.reserve(order('ord_7', [line(mug, 3)]));

    const first = await inventory.commit('ord_7');
    const again = await inventory.commit('ord_7');

    expect(first).toEqual({ kind: 'CHANGED', status: 'COMMITTED' });
    expect(again).toEqual({ kind: 'UNCHANGED', status: 'COMMITTED' });
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
  });

  it('keeps a committed sale when the order is cancelled afterwards', async () => {
    const { inventory, products, mug, line } = await aShop();
    await inventory.reserve(order('ord_8', [line(mug, 3)]));
    await inventory.commit('ord_8');

    const outcome = await inventory.release('ord_8');

    expect(outcome).toEqual({ kind: 'UNCHANGED', status: 'COMMITTED' });
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 7, reserved: 0 });
  });

  it('refuses to commit an order that reserved nothing, or whose stock was released', async () => {
    const { inventory, mug, line } = await aShop();
    await inventory.reserve(order('ord_9', [line(mug, 1)]));
    await inventory.release('ord_9');

    await expect(inventory.commit('ord_none')).rejects.toThrow(ReservationNotFoundError);
    await expect(inventory.commit('ord_9')).rejects.toThrow(ReservationStateError);
  });
});

describe('DynamoInventory under transaction conflicts', () => {
  // The local cloud serializes conflicting transactions instead of cancelling them, so DynamoDB's
  // TransactionConflict is played by a mocked client here.
  const conflict = () =>
    new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
    });

  function aContendedInventory() {
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' }));
    const dynamodb = mockClient(doc);
    const stock = stockItem(
      { sku: 'MUG', productId: 'prod_mug', productStatus: 'ACTIVE', onHand: 5, reserved: 0, available: 5 },
      NOW,
    );
    dynamodb.on(GetCommand).resolves({});
    dynamodb.on(BatchGetCommand).resolves({ Responses: { t: [stock] } });
    return { dynamodb, inventory: new DynamoInventory({ doc, tableName: 't', clock: () => NOW }) };
  }

  it('decides again and retries when the transaction conflicts with another', async () => {
    const { dynamodb, inventory } = aContendedInventory();
    dynamodb.on(TransactWriteCommand).rejectsOnce(conflict()).resolves({});

    const outcome = await inventory.reserve(order('ord_1', [{ sku: 'MUG', productId: 'prod_mug', quantity: 1 }]));

    expect(outcome.kind).toBe('RESERVED');
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(dynamodb.commandCalls(BatchGetCommand)).toHaveLength(2);
  });

  it('gives up with a retryable error when the conflicts never stop', async () => {
    const { dynamodb, inventory } = aContendedInventory();
    dynamodb.on(TransactWriteCommand).rejects(conflict());

    const act = inventory.reserve(order('ord_2', [{ sku: 'MUG', productId: 'prod_mug', quantity: 1 }]));

    await expect(act).rejects.toThrow(expect.objectContaining({ code: 'PRODUCTS.STOCK_CONTENDED' }));
  });
});
