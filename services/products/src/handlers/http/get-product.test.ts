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
let getProduct: HttpHandler;
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
  ({ handler: getProduct } = await import('./get-product'));
});
afterAll(() => aws.stop());

describe('GET /products/{id}', () => {
  it('returns the product with the units available', async () => {
    const event = anHttpEvent({ path: `/products/${mug.id}`, pathParameters: { id: mug.id } });

    const response = await getProduct(event, aLambdaContext());

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ ...mug, available: 7 });
  });

  it('answers 404 PRODUCTS.NOT_FOUND for an unknown id', async () => {
    const event = anHttpEvent({ path: '/products/prod_nope', pathParameters: { id: 'prod_nope' } });

    const response = await getProduct(event, aLambdaContext());

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response).error).toMatchObject({ code: 'PRODUCTS.NOT_FOUND' });
  });
});
