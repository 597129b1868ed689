import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  PutItemCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

const TABLE = 'item-ops';
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, TABLE, {
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
  });
});
afterAll(() => db.close());

describe('single-item operations', () => {
  it('serves the document client: put, update, get and query', async () => {
    await db.doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'cart#1', sk: 'line#1', qty: 1 } }));
    await db.doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'cart#1', sk: 'line#2', qty: 2 } }));

    await db.doc.send(
      new UpdateCommand({ TableName: TABLE, Key: { pk: 'cart#1', sk: 'line#1' }, UpdateExpression: 'ADD qty :n', ExpressionAttributeValues: { ':n': 4 } }),
    );

    const { Item } = await db.doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'cart#1', sk: 'line#1' } }));
    const { Items } = await db.doc.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'cart#1' } }),
    );
    expect(Item).toEqual({ pk: 'cart#1', sk: 'line#1', qty: 5 });
    expect(Items?.map((item) => item.qty)).toEqual([5, 2]);
  });

  it('returns the existing item in ConditionalCheckFailedException when asked for ALL_OLD', async () => {
    await db.doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'idem', sk: 'key', status: 'COMPLETED' } }));

    const err = await db.client
      .send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { pk: { S: 'idem' }, sk: { S: 'key' }, status: { S: 'INPROGRESS' } },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(ConditionalCheckFailedException);
    expect((err as ConditionalCheckFailedException).Item).toEqual({ pk: { S: 'idem' }, sk: { S: 'key' }, status: { S: 'COMPLETED' } });
  });

  it('raises the SDK’s ValidationException for a key that does not fit the table', async () => {
    const err = await db.client
      .send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'only-hash' } } }))
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(DynamoDBServiceException);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe('One or more parameter values were invalid: Missing the key sk in the item');
  });

  it('raises ResourceNotFoundException for a batch on an unknown table', async () => {
    const err = await db.client
      .send(new BatchWriteItemCommand({ RequestItems: { 'missing-table': [{ PutRequest: { Item: { pk: { S: 'x' } } } }] } }))
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });
});
