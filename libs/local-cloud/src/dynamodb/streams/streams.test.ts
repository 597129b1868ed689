import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, readStreamRecords, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, 'streamed', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  await createTestTable(db, 'keys-only', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
});
afterAll(() => db.close());

const put = (table: string, pk: string, extra: Record<string, unknown> = {}) =>
  db.client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, ...extra } as never }));
const recordsFor = async (table: string, pk: string) =>
  (await readStreamRecords(db, table)).filter((record) => record.dynamodb?.Keys?.pk?.S === pk);

describe('DynamoDB Streams', () => {
  it('describes the stream on the table and lists it', async () => {
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'streamed' }));
    const { Streams } = await db.streams.send(new ListStreamsCommand({ TableName: 'streamed' }));

    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toBe(`${Table?.TableArn}/stream/${Table?.LatestStreamLabel}`);
    expect(Streams).toEqual([{ StreamArn: Table?.LatestStreamArn, TableName: 'streamed', StreamLabel: Table?.LatestStreamLabel }]);
  });

  it('records an insert, a modification and a removal with keys, images and rising sequence numbers', async () => {
    await put('streamed', 'life', { v: { N: '1' } });
    await db.client.send(
      new UpdateItemCommand({ TableName: 'streamed', Key: { pk: { S: 'life' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } }),
    );
    await db.client.send(new DeleteItemCommand({ TableName: 'streamed', Key: { pk: { S: 'life' } } }));

    const records = await recordsFor('streamed', 'life');

    expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(records.map((record) => [record.dynamodb?.OldImage?.v, record.dynamodb?.NewImage?.v])).toEqual([
      [undefined, { N: '1' }],
      [{ N: '1' }, { N: '2' }],
      [{ N: '2' }, undefined],
    ]);
    const sequence = records.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? '0'));
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
    expect(new Set(sequence).size).toBe(3);
    expect(records[0]).toMatchObject({ eventSource: 'aws:dynamodb', eventVersion: '1.1', awsRegion: 'us-east-1' });
    expect(records[0]?.dynamodb?.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(records[0]?.userIdentity).toBeUndefined();
  });

  it('records keys only for a KEYS_ONLY stream', async () => {
    await put('keys-only', 'k1', { secret: { S: 'x' } });

    const [record] = await recordsFor('keys-only', 'k1');

    expect(record?.dynamodb).toMatchObject({ Keys: { pk: { S: 'k1' } }, StreamViewType: 'KEYS_ONLY' });
    expect(record?.dynamodb?.NewImage).toBeUndefined();
  });

  it('records nothing for a write that changes nothing', async () => {
    await put('streamed', 'same', { v: { S: 'a' } });

    await put('streamed', 'same', { v: { S: 'a' } });

    expect(await recordsFor('streamed', 'same')).toHaveLength(1);
  });

  it('records the writes of transactions and batches', async () => {
    await db.client.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'streamed', Item: { pk: { S: 'from-tx' } } } }] }),
    );
    await db.client.send(new BatchWriteItemCommand({ RequestItems: { streamed: [{ PutRequest: { Item: { pk: { S: 'from-batch' } } } }] } }));

    expect((await recordsFor('streamed', 'from-tx')).map((record) => record.eventName)).toEqual(['INSERT']);
    expect((await recordsFor('streamed', 'from-batch')).map((record) => record.eventName)).toEqual(['INSERT']);
  });

  it('starts a LATEST iterator after the records already there', async () => {
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'streamed' }));
    const StreamArn = Table?.LatestStreamArn;
    const { StreamDescription } = await db.streams.send(new DescribeStreamCommand({ StreamArn }));
    const { ShardIterator } = await db.streams.send(
      new GetShardIteratorCommand({ StreamArn, ShardId: StreamDescription?.Shards?.[0]?.ShardId, ShardIteratorType: 'LATEST' }),
    );

    await put('streamed', 'after-latest');

    const { Records } = await db.streams.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records?.map((record) => record.dynamodb?.Keys?.pk?.S)).toEqual(['after-latest']);
  });

  it('enables a stream with UpdateTable and closes the shard when it is disabled', async () => {
    await createTestTable(db, 'late-stream');
    await db.client.send(
      new UpdateTableCommand({ TableName: 'late-stream', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }),
    );
    await put('late-stream', 'one');
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'late-stream' }));

    await db.client.send(new UpdateTableCommand({ TableName: 'late-stream', StreamSpecification: { StreamEnabled: false } }));

    const StreamArn = Table?.LatestStreamArn;
    const { StreamDescription } = await db.streams.send(new DescribeStreamCommand({ StreamArn }));
    const { ShardIterator } = await db.streams.send(
      new GetShardIteratorCommand({ StreamArn, ShardId: StreamDescription?.Shards?.[0]?.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const { Records, NextShardIterator } = await db.streams.send(new GetRecordsCommand({ ShardIterator }));
    expect(StreamDescription?.StreamStatus).toBe('DISABLED');
    expect(Records?.map((record) => record.dynamodb?.NewImage)).toEqual([{ pk: { S: 'one' } }]);
    expect(NextShardIterator).toBeUndefined();
  });
});
