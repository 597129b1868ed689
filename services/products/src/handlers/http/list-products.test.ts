import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aLambdaContext, anHttpEvent } from '@shop/lambda-kit/testing';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import { aProduct } from '../../domain/test-data';
import type { Product } from '../../domain/product';
import { bodyOf, useLocalAws } from '../../test-support/handler-env';
import {
  createProductsTable,
  LOCAL_AWS_TIMEOUTS,
  startLocalAws,
  uniqueTableName,
  type LocalAws,
} from '../../test-support/local-aws';
import type { HttpHandler } from '@shop/lambda-kit';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let listProducts: HttpHandler;
let mug: Product;

beforeAll(async () => {
  aws = await startLocalAws();
  const tableName = uniqueTableName('public');
  await createProductsTable(aws.client, tableName);
  const repository = new DynamoProductRepository({ doc: aws.doc, tableName });
  mug = aProduct({ sku: 'MUG', name: 'Enamel mug' }, new Date('2025-03-14T09:00:00.000Z'));
  await repository.create(mug, 7);
  await repository.create(aProduct({ sku: 'TEA', name: 'Earl Grey tea' }, new Date('2025-03-14T09:01:00.000Z')), 3);
  useLocalAws(aws, { TABLE_NAME: tableName });
  ({ handler: listProducts } = await import('./list-products'));
});
afterAll(() => aws.stop());

describe('GET /products', () => {
  it('lists the category newest first, a page at a time', async () => {
    const event = anHttpEvent({ path: '/products', queryStringParameters: { category: 'kitchen', limit: '1' } });

    const first = await listProducts(event, aLambdaContext());
    const cursor = bodyOf(first).nextCursor as string;
    const second = await listProducts(
      anHttpEvent({ path: '/products', queryStringParameters: { category: 'kitchen', limit: '1', cursor } }),
      aLambdaContext(),
    );

    expect(first.statusCode).toBe(200);
    expect((bodyOf(first).items as Product[]).map((p) => p.sku)).toEqual(['TEA']);
    expect((bodyOf(second).items as Product[]).map((p) => p.sku)).toEqual(['MUG']);
  });

  it('searches names and descriptions', async () => {
    const event = anHttpEvent({ path: '/products', queryStringParameters: { q: 'grey', sort: 'name' } });

    const response = await listProducts(event, aLambdaContext());

    expect((bodyOf(response).items as Product[]).map((p) => p.sku)).toEqual(['TEA']);
  });

  it('answers 400 with the invalid fields for a bad limit or sort', async () => {
    const event = anHttpEvent({ path: '/products', queryStringParameters: { limit: '0', sort: 'random' } });

    const response = await listProducts(event, aLambdaContext());

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({
      code: 'REQUEST.INVALID',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'query.limit' }),
        expect.objectContaining({ path: 'query.sort' }),
      ]),
    });
  });

  it('answers 400 PRODUCTS.INVALID_CURSOR for a cursor it did not give', async () => {
    const event = anHttpEvent({ path: '/products', queryStringParameters: { cursor: 'eyJ2IjoxfQ' } });

    const response = await listProducts(event, aLambdaContext());

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({ code: 'PRODUCTS.INVALID_CURSOR' });
  });
});
