import { S3EventNotificationEventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { startLocalS3, TEST_ACCOUNT, TEST_REGION, type LocalS3 } from '../test-server';

let local: LocalS3;

beforeAll(async () => {
  local = await startLocalS3();
  await local.service.createBucket('notified-bucket');
  await local.service.createBucket('quiet-bucket');
  local.service.enableEventBridge('notified-bucket');
});
beforeEach(() => {
  local.events.sent.length = 0;
});
afterAll(() => local.close());

/** The envelope EventBridge wraps around a PutEvents entry, so the Powertools schema can check the detail. */
const asDelivered = (entry: Record<string, Json>) => ({
  version: '0',
  id: '7c6e4a2b-0000-4000-8000-000000000000',
  'detail-type': entry.DetailType,
  source: entry.Source,
  account: TEST_ACCOUNT,
  time: entry.Time,
  region: TEST_REGION,
  resources: entry.Resources,
  detail: JSON.parse(String(entry.Detail)),
});

describe('S3 event notifications to EventBridge', () => {
  it('sends "Object Created" with the object size and ETag to the default bus', async () => {
    await local.client.send(new PutObjectCommand({ Bucket: 'notified-bucket', Key: 'a/report.csv', Body: 'a,b\n1,2\n' }));

    const [sent] = local.events.sent;
    const event = S3EventNotificationEventBridgeSchema.parse(asDelivered(sent?.entry ?? {}));
    expect(sent?.bus).toBe(`arn:aws:events:${TEST_REGION}:${TEST_ACCOUNT}:event-bus/default`);
    expect(event).toMatchObject({ source: 'aws.s3', 'detail-type': 'Object Created', resources: ['arn:aws:s3:::notified-bucket'] });
    expect(event.detail).toMatchObject({ bucket: { name: 'notified-bucket' }, object: { key: 'a/report.csv', size: 8 }, reason: 'PutObject' });
    expect(event.detail.object.etag).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends "Object Deleted" for objects that existed, one by one or in a batch', async () => {
    await local.client.send(new PutObjectCommand({ Bucket: 'notified-bucket', Key: 'gone-1', Body: 'x' }));
    await local.client.send(new PutObjectCommand({ Bucket: 'notified-bucket', Key: 'gone-2', Body: 'x' }));
    local.events.sent.length = 0;

    await local.client.send(new DeleteObjectCommand({ Bucket: 'notified-bucket', Key: 'gone-1' }));
    await local.client.send(new DeleteObjectCommand({ Bucket: 'notified-bucket', Key: 'never-existed' }));
    await local.client.send(new DeleteObjectsCommand({ Bucket: 'notified-bucket', Delete: { Objects: [{ Key: 'gone-2' }] } }));

    const details = local.events.sent.map(({ entry }) => ({ type: entry.DetailType, ...JSON.parse(String(entry.Detail)) }));
    expect(details).toMatchObject([
      { type: 'Object Deleted', object: { key: 'gone-1' }, reason: 'DeleteObject', 'deletion-type': 'Permanently Deleted' },
      { type: 'Object Deleted', object: { key: 'gone-2' }, reason: 'DeleteObjects' },
    ]);
  });

  it('completes a multipart upload into one object with a multipart ETag, and announces it once', async () => {
    const { UploadId } = await local.client.send(new CreateMultipartUploadCommand({ Bucket: 'notified-bucket', Key: 'big.bin' }));
    const first = Buffer.alloc(5 * 1024 * 1024, 'a');
    const part1 = await local.client.send(new UploadPartCommand({ Bucket: 'notified-bucket', Key: 'big.bin', UploadId, PartNumber: 1, Body: first }));
    const part2 = await local.client.send(new UploadPartCommand({ Bucket: 'notified-bucket', Key: 'big.bin', UploadId, PartNumber: 2, Body: 'tail' }));

    const completed = await local.client.send(
      new CompleteMultipartUploadCommand({ Bucket: 'notified-bucket', Key: 'big.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag }, { PartNumber: 2, ETag: part2.ETag }] } }),
    );

    const got = await local.client.send(new GetObjectCommand({ Bucket: 'notified-bucket', Key: 'big.bin', Range: 'bytes=-4' }));
    expect(completed.ETag).toMatch(/-2"$/);
    expect(await got.Body?.transformToString()).toBe('tail');
    expect(local.events.sent.map(({ entry }) => JSON.parse(String(entry.Detail)).reason)).toEqual(['CompleteMultipartUpload']);
  });

  it('sends nothing for buckets without EventBridge notifications', async () => {
    await local.client.send(new PutObjectCommand({ Bucket: 'quiet-bucket', Key: 'k', Body: 'x' }));

    expect(local.events.sent).toEqual([]);
  });
});
