import { describe, expect, it } from 'vitest';
import type { Json } from '../core/contracts';
import { makeLogger } from '../core/logger';
import { bucketSetupOf } from './template';

const resource = (type: string, properties: Record<string, Json>) => ({ stackName: 'Shop-Data', logicalId: 'Invoices', type, physicalName: 'shop-data-invoices-abc123', properties });

describe('bucketSetupOf', () => {
  it('creates a bucket under the resolved name', () => {
    const setup = bucketSetupOf(resource('AWS::S3::Bucket', {}), makeLogger({ sink: () => undefined }));

    expect(setup).toEqual({ bucket: 'shop-data-invoices-abc123' });
  });

  it('turns on EventBridge notifications from the bucket or from CDK’s notifications resource', () => {
    const logger = makeLogger({ sink: () => undefined });

    const onBucket = bucketSetupOf(resource('AWS::S3::Bucket', { NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } } }), logger);
    const viaCdk = bucketSetupOf(resource('Custom::S3BucketNotifications', { BucketName: 'shop-data-invoices-abc123', NotificationConfiguration: { EventBridgeConfiguration: {} }, Managed: true }), logger);

    expect(onBucket).toEqual({ bucket: 'shop-data-invoices-abc123', eventBridgeBucket: 'shop-data-invoices-abc123' });
    expect(viaCdk).toEqual({ eventBridgeBucket: 'shop-data-invoices-abc123' });
  });

  it('warns about notification targets it does not deliver to', () => {
    const lines: string[] = [];
    const logger = makeLogger({ sink: (line) => lines.push(line) });

    bucketSetupOf(resource('Custom::S3BucketNotifications', { BucketName: 'b', NotificationConfiguration: { QueueConfigurations: [] } }), logger);

    expect(lines.join('\n')).toContain('QueueConfigurations');
  });
});
