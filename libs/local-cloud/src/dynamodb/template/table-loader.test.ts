import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, ListTagsOfResourceCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTableResourceError } from '../errors';
import { startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

/** What CDK's TableV2 synthesizes (AWS::DynamoDB::GlobalTable), after intrinsic resolution. */
const GLOBAL_TABLE = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'gsi1pk', AttributeType: 'S' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
  GlobalSecondaryIndexes: [
    { IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
  ],
  StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
  TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
  SSESpecification: { SSEEnabled: true },
  Replicas: [{ Region: 'us-east-1', Tags: [{ Key: 'service', Value: 'orders' }], PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
};

/** What CDK's Table synthesizes (AWS::DynamoDB::Table) with provisioned capacity and an LSI. */
const PROVISIONED_TABLE = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'created', AttributeType: 'N' },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
  LocalSecondaryIndexes: [
    {
      IndexName: 'by-created',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'created', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
};

let db: LocalDynamoDb;
beforeAll(async () => {
  db = await startLocalDynamoDb({ accountId: '123456789012' });
});
afterAll(() => db.close());

describe('loading table resources', () => {
  it('creates a GlobalTable with its index, stream, TTL and replica tags', async () => {
    const attributes = await db.service.loadTable('AWS::DynamoDB::GlobalTable', 'shop-orders', GLOBAL_TABLE);

    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'shop-orders' }));
    const { TimeToLiveDescription } = await db.client.send(new DescribeTimeToLiveCommand({ TableName: 'shop-orders' }));
    const { Tags } = await db.client.send(new ListTagsOfResourceCommand({ ResourceArn: attributes.Arn }));
    expect(attributes.Arn).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/shop-orders');
    expect(attributes.StreamArn).toBe(Table?.LatestStreamArn);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['gsi1']);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    expect(Tags).toEqual([{ Key: 'service', Value: 'orders' }]);
  });

  it('creates a provisioned Table with a local secondary index', async () => {
    const attributes = await db.service.loadTable('AWS::DynamoDB::Table', 'shop-events', PROVISIONED_TABLE);

    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'shop-events' }));
    expect(attributes.StreamArn).toBeUndefined();
    expect(Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 3 });
    expect(Table?.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['by-created']);
  });

  it("gives the table's stream the ARN the template resolved", async () => {
    const streamArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/shop-carts/stream/2025-01-01T00:00:00.000';

    const attributes = await db.service.loadTable('AWS::DynamoDB::GlobalTable', 'shop-carts', GLOBAL_TABLE, { streamArn });

    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'shop-carts' }));
    const { StreamDescription } = await db.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    expect(attributes.StreamArn).toBe(streamArn);
    expect(Table?.LatestStreamArn).toBe(streamArn);
    expect(StreamDescription?.StreamStatus).toBe('ENABLED');
  });

  it('refuses a template stream ARN of another table', async () => {
    const streamArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/other/stream/2025-01-01T00:00:00.000';

    const load = db.service.loadTable('AWS::DynamoDB::GlobalTable', 'shop-wrong', GLOBAL_TABLE, { streamArn });

    await expect(load).rejects.toThrow(InvalidTableResourceError);
  });

  it('keeps a table and its items on disk across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-dynamodb-'));
    try {
      const first = await startLocalDynamoDb({ dataDir });
      await first.service.loadTable('AWS::DynamoDB::GlobalTable', 'kept', GLOBAL_TABLE);
      await first.client.send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: 'a' }, sk: { S: 'b' } } }));
      await first.close();

      const second = await startLocalDynamoDb({ dataDir });
      const attributes = await second.service.loadTable('AWS::DynamoDB::GlobalTable', 'kept', GLOBAL_TABLE);
      const { Item } = await second.client.send(new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }));
      const { TimeToLiveDescription } = await second.client.send(new DescribeTimeToLiveCommand({ TableName: 'kept' }));
      await second.close();

      expect(Item).toEqual({ pk: { S: 'a' }, sk: { S: 'b' } });
      expect(TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
      expect(attributes.StreamArn).toMatch(/table\/kept\/stream\//);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("reopens a kept table's stream under the template's ARN when its view type changes", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-dynamodb-'));
    const streamArn = 'arn:aws:dynamodb:us-east-1:000000000000:table/kept/stream/2025-01-01T00:00:00.000';
    try {
      const first = await startLocalDynamoDb({ dataDir });
      await first.service.loadTable('AWS::DynamoDB::GlobalTable', 'kept', GLOBAL_TABLE, { streamArn });
      await first.close();

      const second = await startLocalDynamoDb({ dataDir });
      const keysOnly = { ...GLOBAL_TABLE, StreamSpecification: { StreamViewType: 'KEYS_ONLY' } };
      await second.service.loadTable('AWS::DynamoDB::GlobalTable', 'kept', keysOnly, { streamArn });
      const { StreamDescription } = await second.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      await second.close();

      expect(StreamDescription).toMatchObject({ StreamStatus: 'ENABLED', StreamViewType: 'KEYS_ONLY' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
