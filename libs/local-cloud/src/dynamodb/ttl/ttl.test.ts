import {
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestTable, readStreamRecords, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

const TABLE = 'ttl-sessions';
const nowSeconds = () => Math.floor(Date.now() / 1000);
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createTestTable(db, TABLE, { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  await db.client.send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }));
});
afterAll(() => db.close());

const put = (pk: string, expiresAt?: AttributeValue) =>
  db.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: pk }, ...(expiresAt ? { expiresAt } : {}) } }));
const exists = async (pk: string) =>
  (await db.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item !== undefined;

describe('time to live', () => {
  it('describes the TTL attribute once enabled', async () => {
    const { TimeToLiveDescription } = await db.client.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));

    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('refuses to enable TTL twice', async () => {
    const err = await db.client
      .send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }))
      .catch((error: unknown) => error);

    expect(err).toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already enabled' });
  });

  it('still returns an expired item until the sweeper deletes it, then deletes only items AWS would', async () => {
    await put('expired', { N: String(nowSeconds() - 60) });
    await put('future', { N: String(nowSeconds() + 3600) });
    await put('text-ttl', { S: String(nowSeconds() - 60) });
    await put('too-old', { N: String(nowSeconds() - 6 * 365 * 24 * 3600) });
    await put('no-ttl');
    const visibleBeforeSweep = await exists('expired');

    await db.service.sweepExpiredItems();

    expect(visibleBeforeSweep).toBe(true);
    expect(await exists('expired')).toBe(false);
    expect(await Promise.all(['future', 'text-ttl', 'too-old', 'no-ttl'].map(exists))).toEqual([true, true, true, true]);
  });

  it('records a TTL deletion in the stream as a service deletion', async () => {
    await put('expired-streamed', { N: String(nowSeconds() - 1) });

    await db.service.sweepExpiredItems();

    const removal = (await readStreamRecords(db, TABLE)).find((record) => record.eventName === 'REMOVE' && record.dynamodb?.Keys?.pk?.S === 'expired-streamed');
    expect(removal?.userIdentity).toEqual({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });
    expect(removal?.dynamodb?.OldImage?.pk).toEqual({ S: 'expired-streamed' });
  });

  it('deletes expired items in the background', async () => {
    const sweeping = await startLocalDynamoDb({ ttlSweepIntervalMs: 50 });
    try {
      await createTestTable(sweeping, 'ttl-background');
      await sweeping.client.send(
        new UpdateTimeToLiveCommand({ TableName: 'ttl-background', TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } }),
      );

      await sweeping.client.send(new PutItemCommand({ TableName: 'ttl-background', Item: { pk: { S: 'gone' }, ttl: { N: String(nowSeconds() - 5) } } }));

      await vi.waitFor(async () => {
        const { Item } = await sweeping.client.send(new GetItemCommand({ TableName: 'ttl-background', Key: { pk: { S: 'gone' } } }));
        expect(Item).toBeUndefined();
      }, { timeout: 15_000, interval: 50 });
    } finally {
      await sweeping.close();
    }
  });
});
