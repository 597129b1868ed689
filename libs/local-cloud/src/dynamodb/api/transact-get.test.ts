import {
  PutItemCommand,
  ResourceNotFoundException,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

const TABLE = 'transact-get';
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, TABLE);
  for (const pk of ['tg-1', 'tg-2']) {
    await db.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: pk }, secret: { S: 's' }, shown: { S: pk } } }));
  }
});
afterAll(() => db.close());

// Many requests through one item lock: allow for a busy shared machine.
describe('TransactGetItems', { timeout: 120_000 }, () => {
  it('returns one response per item in request order, empty for a missing item, with projections', async () => {
    const { Responses } = await db.client.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: TABLE, Key: { pk: { S: 'tg-2' } }, ProjectionExpression: 'shown' } },
          { Get: { TableName: TABLE, Key: { pk: { S: 'tg-missing' } } } },
          { Get: { TableName: TABLE, Key: { pk: { S: 'tg-1' } } } },
        ],
      }),
    );

    expect(Responses).toEqual([
      { Item: { shown: { S: 'tg-2' } } },
      {},
      { Item: { pk: { S: 'tg-1' }, secret: { S: 's' }, shown: { S: 'tg-1' } } },
    ]);
  });

  it('never sees a transaction half applied', async () => {
    const writePair = (value: string) =>
      db.client.send(
        new TransactWriteItemsCommand({
          TransactItems: ['pair-a', 'pair-b'].map((pk) => ({ Put: { TableName: TABLE, Item: { pk: { S: pk }, v: { S: value } } } })),
        }),
      );
    const readPair = () =>
      db.client.send(
        new TransactGetItemsCommand({
          TransactItems: ['pair-a', 'pair-b'].map((pk) => ({ Get: { TableName: TABLE, Key: { pk: { S: pk } } } })),
        }),
      );
    await writePair('v0');

    const [reads] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, readPair)),
      Promise.all(Array.from({ length: 30 }, (_, i) => writePair(`v${i + 1}`))),
    ]);

    for (const { Responses } of reads) {
      const [a, b] = (Responses ?? []).map((response) => response.Item?.v?.S);
      expect(a).toBe(b);
    }
  });

  it('answers a wrongly typed key with a ValidationError cancellation reason', async () => {
    const err = await db.client
      .send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: TABLE, Key: { pk: { N: '1' } } } }] }))
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(TransactionCanceledException);
    expect((err as TransactionCanceledException).CancellationReasons?.[0]?.Code).toBe('ValidationError');
  });

  it('answers an unknown table with ResourceNotFoundException', async () => {
    const err = await db.client
      .send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'nope-table', Key: { pk: { S: '1' } } } }] }))
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });
});
