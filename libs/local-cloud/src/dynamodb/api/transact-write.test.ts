import {
  GetItemCommand,
  IdempotentParameterMismatchException,
  PutItemCommand,
  ResourceNotFoundException,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

const TABLE = 'transact-orders';
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, TABLE);
});
afterAll(() => db.close());

const put = (pk: string, extra: Record<string, unknown> = {}) =>
  db.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: pk }, ...extra } as never }));
const get = async (pk: string) =>
  (await db.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;
const transact = (items: TransactWriteItem[], token?: string) =>
  db.client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token }));
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should have failed'), (err: unknown) => err);

describe('TransactWriteItems', () => {
  it('applies Put, Update, Delete and ConditionCheck together', async () => {
    await put('tw-upd', { n: { N: '1' } });
    await put('tw-del');
    await put('tw-check', { status: { S: 'open' } });

    await transact([
      { Put: { TableName: TABLE, Item: { pk: { S: 'tw-new' } } } },
      { Update: { TableName: TABLE, Key: { pk: { S: 'tw-upd' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      { Delete: { TableName: TABLE, Key: { pk: { S: 'tw-del' } } } },
      { ConditionCheck: { TableName: TABLE, Key: { pk: { S: 'tw-check' } }, ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':open': { S: 'open' } } } },
    ]);

    expect(await get('tw-new')).toEqual({ pk: { S: 'tw-new' } });
    expect((await get('tw-upd'))?.n).toEqual({ N: '2' });
    expect(await get('tw-del')).toBeUndefined();
  });

  it('cancels every action when one condition fails, with a reason per action in order', async () => {
    await put('tw-taken', { owner: { S: 'ann' } });

    const err = await rejection(
      transact([
        { Put: { TableName: TABLE, Item: { pk: { S: 'tw-free' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: TABLE, Item: { pk: { S: 'tw-taken' } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      ]),
    );

    expect(err).toBeInstanceOf(TransactionCanceledException);
    const cancelled = err as TransactionCanceledException;
    expect(cancelled.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]');
    expect(cancelled.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'tw-taken' }, owner: { S: 'ann' } } },
    ]);
    expect(await get('tw-free')).toBeUndefined();
  });

  it('undoes the writes before an update that fails on the stored data', async () => {
    await put('tw-text', { n: { S: 'not a number' } });

    const err = await rejection(
      transact([
        { Put: { TableName: TABLE, Item: { pk: { S: 'tw-undone' } } } },
        { Update: { TableName: TABLE, Key: { pk: { S: 'tw-text' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      ]),
    );

    expect((err as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual(['None', 'ValidationError']);
    expect(await get('tw-undone')).toBeUndefined();
    expect((await get('tw-text'))?.n).toEqual({ S: 'not a number' });
  });

  it('reports a wrongly typed key as that action’s ValidationError', async () => {
    const err = await rejection(transact([{ Delete: { TableName: TABLE, Key: { pk: { N: '5' } } } }]));

    expect((err as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'ValidationError', Message: 'The provided key element does not match the schema' },
    ]);
  });

  it('refuses two actions on one item', async () => {
    const err = await rejection(
      transact([
        { Put: { TableName: TABLE, Item: { pk: { S: 'tw-twice' } } } },
        { ConditionCheck: { TableName: TABLE, Key: { pk: { S: 'tw-twice' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ]),
    );

    expect(err).toMatchObject({ name: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' });
    expect(await get('tw-twice')).toBeUndefined();
  });

  it('refuses more than 100 actions', async () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: { S: `tw-many-${i}` } } } }));

    const err = await rejection(transact(items));

    expect(err).toMatchObject({ name: 'ValidationException' });
    expect((err as Error).message).toMatch(/at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100$/);
  });

  it('refuses a malformed expression before writing anything', async () => {
    const err = await rejection(
      transact([
        { Put: { TableName: TABLE, Item: { pk: { S: 'tw-syntax' } } } },
        { ConditionCheck: { TableName: TABLE, Key: { pk: { S: 'x' } }, ConditionExpression: 'attribute_exists(' } },
      ]),
    );

    expect(err).toMatchObject({ name: 'ValidationException' });
    expect((err as Error).message).toMatch(/^Invalid ConditionExpression: Syntax error/);
    expect(await get('tw-syntax')).toBeUndefined();
  });

  it('answers an unknown table with ResourceNotFoundException', async () => {
    const err = await rejection(transact([{ Put: { TableName: 'no-such-table', Item: { pk: { S: 'x' } } } }]));

    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as Error).message).toBe('Requested resource not found');
  });

  it('repeats a request with the same ClientRequestToken without writing again', async () => {
    const increment: TransactWriteItem = {
      Update: { TableName: TABLE, Key: { pk: { S: 'tw-token' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } },
    };

    await transact([increment], 'token-1');
    await transact([increment], 'token-1');

    expect((await get('tw-token'))?.n).toEqual({ N: '1' });
  });

  it('refuses a different request with a ClientRequestToken already used', async () => {
    await transact([{ Put: { TableName: TABLE, Item: { pk: { S: 'tw-token-a' } } } }], 'token-2');

    const err = await rejection(transact([{ Put: { TableName: TABLE, Item: { pk: { S: 'tw-token-b' } } } }], 'token-2'));

    expect(err).toBeInstanceOf(IdempotentParameterMismatchException);
    expect(await get('tw-token-b')).toBeUndefined();
  });
});
