import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

const STOCK = 'concurrency-stock';
const ORDERS = 'concurrency-orders';
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, STOCK);
  await createTestTable(db, ORDERS);
});
afterAll(() => db.close());

const setStock = (pk: string, count: number) =>
  db.client.send(new PutItemCommand({ TableName: STOCK, Item: { pk: { S: pk }, count: { N: String(count) } } }));
const stockOf = async (pk: string) =>
  Number((await db.client.send(new GetItemCommand({ TableName: STOCK, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item?.count?.N);

/** Reserve one unit and record the order, in one transaction that must not take stock below zero. */
const reserve = (pk: string, orderId: string) =>
  db.client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Update: {
            TableName: STOCK,
            Key: { pk: { S: pk } },
            UpdateExpression: 'SET #c = #c - :one',
            ConditionExpression: '#c >= :one',
            ExpressionAttributeNames: { '#c': 'count' },
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
        { Put: { TableName: ORDERS, Item: { pk: { S: orderId }, sku: { S: pk } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
  );

/** The same reservation as a plain conditional UpdateItem, racing the transactions for the same counter. */
const decrement = (pk: string) =>
  db.client.send(
    new UpdateItemCommand({
      TableName: STOCK,
      Key: { pk: { S: pk } },
      UpdateExpression: 'SET #c = #c - :one',
      ConditionExpression: '#c >= :one',
      ExpressionAttributeNames: { '#c': 'count' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
    }),
  );

const outcomes = async (attempts: Array<Promise<unknown>>) => {
  const settled = await Promise.allSettled(attempts);
  return {
    succeeded: settled.filter((result) => result.status === 'fulfilled').length,
    failures: settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : [])),
  };
};

const ordersFor = async (sku: string) =>
  ((await db.client.send(new ScanCommand({ TableName: ORDERS }))).Items ?? []).filter((item) => item.sku?.S === sku).length;

// Many requests through one item lock: allow for a busy shared machine.
describe('concurrent writers', { timeout: 120_000 }, () => {
  it('lets exactly as many of 50 concurrent transactions succeed as there is stock, and no more', async () => {
    await setStock('sku-a', 20);

    const { succeeded, failures } = await outcomes(Array.from({ length: 50 }, (_, i) => reserve('sku-a', `order-a-${i}`)));

    expect(succeeded).toBe(20);
    expect(failures).toHaveLength(30);
    expect(failures.every((err) => err instanceof TransactionCanceledException)).toBe(true);
    expect(await stockOf('sku-a')).toBe(0);
    expect(await ordersFor('sku-a')).toBe(20);
  });

  it('keeps transactions and plain conditional updates on one counter from overselling each other', async () => {
    await setStock('sku-b', 30);

    const attempts = Array.from({ length: 60 }, (_, i) => (i % 2 ? reserve('sku-b', `order-b-${i}`) : decrement('sku-b')));
    const { succeeded, failures } = await outcomes(attempts);

    expect(succeeded).toBe(30);
    expect(failures.every((err) => err instanceof TransactionCanceledException || err instanceof ConditionalCheckFailedException)).toBe(true);
    expect(await stockOf('sku-b')).toBe(0);
  });
});
