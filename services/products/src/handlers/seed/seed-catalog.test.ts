import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_PRODUCTS } from '../../../seed/catalog';
import { SEED_IMAGES } from '../../../seed/images';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import { useLocalAws } from '../../test-support/handler-env';
import {
  createProductsTable,
  LOCAL_AWS_TIMEOUTS,
  startLocalAws,
  uniqueTableName,
  type LocalAws,
} from '../../test-support/local-aws';
import { outboxEvents } from '../../test-support/outbox-events';
import type { CustomResourceEvent, CustomResourceResponse } from './custom-resource';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

const BUCKET = 'products-images-test';
let aws: LocalAws;
let s3: S3Client;
let tableName: string;
let handler: (event: CustomResourceEvent, context: Context) => Promise<CustomResourceResponse>;
let cloudFormation: { server: Server; url: string; answers: { contentType?: string; body: CustomResourceResponse }[] };

/** Stands in for CloudFormation's presigned response URL and records what it is sent. */
async function aResponseUrl() {
  const answers: { contentType?: string; body: CustomResourceResponse }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      answers.push({ contentType: req.headers['content-type'], body: JSON.parse(body) as CustomResourceResponse });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`, answers };
}

beforeAll(async () => {
  aws = await startLocalAws();
  tableName = uniqueTableName('seed');
  await createProductsTable(aws.client, tableName);
  useLocalAws(aws, { TABLE_NAME: tableName, IMAGES_BUCKET_NAME: BUCKET });
  s3 = new S3Client({ forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  cloudFormation = await aResponseUrl();
  ({ handler } = await import('./seed-catalog'));
});
afterAll(async () => {
  cloudFormation.server.close();
  s3.destroy();
  await aws.stop();
});

const aRequest = (
  requestType: CustomResourceEvent['RequestType'],
  physicalResourceId?: string,
): CustomResourceEvent => ({
  RequestType: requestType,
  ResponseURL: cloudFormation.url,
  StackId: 'arn:aws:cloudformation:eu-west-2:123456789012:stack/Shop-Stateless/1',
  RequestId: `req-${requestType}`,
  LogicalResourceId: 'CatalogSeed',
  ...(physicalResourceId && { PhysicalResourceId: physicalResourceId }),
});

function firstSeedProduct() {
  const [first] = SEED_PRODUCTS;
  if (first === undefined) throw new Error('The seed catalog is empty');
  return first;
}

describe('seed-catalog handler', () => {
  it('loads the catalog and its images on Create, and tells CloudFormation', async () => {
    const response = await handler(aRequest('Create'), aLambdaContext());

    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { created: SEED_PRODUCTS.length, skipped: 0 } });
    expect(cloudFormation.answers.at(-1)).toEqual({ contentType: '', body: response });
    const first = firstSeedProduct();
    const imageKey = first.images[0]?.key ?? '';
    const repository = new DynamoProductRepository({ doc: aws.doc, tableName });
    expect(await repository.getBySku(first.sku)).toMatchObject({ name: first.name, price: first.price });
    expect(await repository.getStock(first.sku)).toMatchObject({ onHand: first.stock });
    const created = (await outboxEvents(aws.doc, tableName)).filter((e) => e.detailType === 'Product.ProductCreated');
    expect(created).toHaveLength(SEED_PRODUCTS.length);
    const image = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: imageKey }));
    expect(image.ContentType).toBe('image/svg+xml');
    expect(await image.Body?.transformToString()).toBe(SEED_IMAGES[imageKey]);
  });

  it('leaves existing products alone on Update, keeping the physical id', async () => {
    const response = await handler(aRequest('Update', 'products-seed-catalog'), aLambdaContext());

    expect(response).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'products-seed-catalog',
      Data: { created: 0, skipped: SEED_PRODUCTS.length },
    });
    const created = (await outboxEvents(aws.doc, tableName)).filter((e) => e.detailType === 'Product.ProductCreated');
    expect(created).toHaveLength(SEED_PRODUCTS.length);
  });

  it('answers Delete with success and keeps the catalog', async () => {
    const response = await handler(aRequest('Delete', 'products-seed-catalog'), aLambdaContext());

    expect(response).toMatchObject({ Status: 'SUCCESS', RequestId: 'req-Delete', LogicalResourceId: 'CatalogSeed' });
    const repository = new DynamoProductRepository({ doc: aws.doc, tableName });
    expect(await repository.getBySku(firstSeedProduct().sku)).toBeDefined();
  });
});
