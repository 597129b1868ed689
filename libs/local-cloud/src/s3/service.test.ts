import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json, ResolvedResource, RunningService } from '../core/contracts';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { s3Service } from './service';
import { TEST_ACCOUNT, TEST_CREDENTIALS, TEST_REGION } from './test-server';

const resource = (logicalId: string, type: string, physicalName: string, properties: Record<string, Json>): ResolvedResource => ({
  stackName: 'Shop-Data', logicalId, type, ref: physicalName, physicalName, attributes: {}, properties,
});

const gateway = new Gateway({ logger: silentLogger });
const delivered: Array<Record<string, Json>> = [];
let running: RunningService;
let client: S3Client;

beforeAll(async () => {
  const { ports, provide } = makeLatePorts();
  provide({ events: { putEvents: async (_bus, entries) => void delivered.push(...entries) } });
  const url = await gateway.listen(0);
  running = await s3Service().start({
    resources: [
      resource('Invoices', 'AWS::S3::Bucket', 'shop-data-invoices-x1y2z3', {}),
      resource('InvoicesNotifications', 'Custom::S3BucketNotifications', 'n', { BucketName: 'shop-data-invoices-x1y2z3', NotificationConfiguration: { EventBridgeConfiguration: {} } }),
    ],
    ports, logger: silentLogger, endpointUrl: url, region: TEST_REGION, accountId: TEST_ACCOUNT, dataDir: '/tmp',
  });
  for (const endpoint of running.endpoints) gateway.register(endpoint);
  client = new S3Client({ endpoint: url, region: TEST_REGION, credentials: TEST_CREDENTIALS });
});
afterAll(async () => {
  client.destroy();
  await running.stop();
  await gateway.close();
});

describe('the S3 plug-in behind the gateway', () => {
  it('serves the template’s bucket, routes presigned URLs by their credential, and announces new objects', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'shop-data-invoices-x1y2z3', Key: 'inv-1.pdf', Body: '%PDF' }));

    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'shop-data-invoices-x1y2z3', Key: 'inv-1.pdf' }), { expiresIn: 60 });
    const response = await fetch(url);

    expect(await response.text()).toBe('%PDF');
    expect(delivered.map((entry) => [entry.Source, entry.DetailType])).toEqual([['aws.s3', 'Object Created']]);
  });
});
