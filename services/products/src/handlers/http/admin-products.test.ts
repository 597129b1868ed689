import type { HttpHandler } from '@shop/lambda-kit';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import type { Product } from '../../domain/product';
import { aNewProduct } from '../../domain/test-data';
import {
  ADMIN_CLAIMS,
  anAuthorizedHttpEvent,
  bodyOf,
  CUSTOMER_CLAIMS,
  useLocalAws,
} from '../../test-support/handler-env';
import {
  createProductsTable,
  LOCAL_AWS_TIMEOUTS,
  startLocalAws,
  uniqueTableName,
  type LocalAws,
} from '../../test-support/local-aws';
import { outboxEvents } from '../../test-support/outbox-events';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let tableName: string;
let handler: HttpHandler;
let repository: DynamoProductRepository;

beforeAll(async () => {
  aws = await startLocalAws();
  tableName = uniqueTableName('admin');
  await createProductsTable(aws.client, tableName);
  repository = new DynamoProductRepository({ doc: aws.doc, tableName });
  useLocalAws(aws, { TABLE_NAME: tableName });
  ({ handler } = await import('./admin-products'));
});
afterAll(() => aws.stop());

/** `claims` null: an anonymous caller. */
const create = (body: unknown, claims: Record<string, string> | null = ADMIN_CLAIMS) =>
  handler(
    anAuthorizedHttpEvent(
      { method: 'POST', path: '/admin/products', routeKey: 'POST /admin/products', body },
      claims ?? undefined,
    ),
    aLambdaContext(),
  );

const patch = (id: string, body: unknown) =>
  handler(
    anAuthorizedHttpEvent(
      {
        method: 'PATCH',
        path: `/admin/products/${id}`,
        routeKey: 'PATCH /admin/products/{id}',
        pathParameters: { id },
        body,
      },
      ADMIN_CLAIMS,
    ),
    aLambdaContext(),
  );

const restock = (id: string, body: unknown) =>
  handler(
    anAuthorizedHttpEvent(
      {
        method: 'POST',
        path: `/admin/products/${id}/restock`,
        routeKey: 'POST /admin/products/{id}/restock',
        pathParameters: { id },
        body,
      },
      ADMIN_CLAIMS,
    ),
    aLambdaContext(),
  );

const eventCount = async () => (await outboxEvents(aws.doc, tableName)).length;

describe('POST /admin/products', () => {
  it('creates the product with its stock and answers 201 with its location', async () => {
    const response = await create({ ...aNewProduct({ sku: 'LAMP-BRASS' }), stock: 4 });

    const product = bodyOf(response) as unknown as Product;
    expect(response.statusCode).toBe(201);
    expect(response.headers?.location).toBe(`/products/${product.id}`);
    expect(await repository.getStock('LAMP-BRASS')).toMatchObject({ onHand: 4, available: 4 });
  });

  it('answers 401 without a signed-in caller and 403 for a customer, creating nothing', async () => {
    const before = await eventCount();

    const anonymous = await create(aNewProduct({ sku: 'NOPE-1' }), null);
    const customer = await create(aNewProduct({ sku: 'NOPE-1' }), CUSTOMER_CLAIMS);

    expect(anonymous.statusCode).toBe(401);
    expect(bodyOf(anonymous).error).toMatchObject({ code: 'PRODUCTS.UNAUTHENTICATED' });
    expect(customer.statusCode).toBe(403);
    expect(bodyOf(customer).error).toMatchObject({ code: 'PRODUCTS.FORBIDDEN' });
    expect(await repository.getBySku('NOPE-1')).toBeUndefined();
    expect(await eventCount()).toBe(before);
  });

  it('answers 400 for a negative price and creates nothing', async () => {
    const response = await create(aNewProduct({ sku: 'NEG-PRICE', price: { amount: -100, currency: 'GBP' } }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({
      code: 'REQUEST.INVALID',
      fields: [expect.objectContaining({ path: 'body.price.amount' })],
    });
    expect(await repository.getBySku('NEG-PRICE')).toBeUndefined();
  });

  it('answers 400 PRODUCTS.INVALID_REQUEST for a body that breaks a catalog rule', async () => {
    const response = await create(aNewProduct({ sku: 'lower-case' }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({ code: 'PRODUCTS.INVALID_REQUEST' });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await create('{"sku":');

    expect(response.statusCode).toBe(400);
  });

  it('answers 409 PRODUCTS.SKU_TAKEN for a sku in use', async () => {
    await create(aNewProduct({ sku: 'TWICE' }));

    const response = await create(aNewProduct({ sku: 'TWICE', name: 'Another' }));

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response).error).toMatchObject({ code: 'PRODUCTS.SKU_TAKEN' });
  });
});

describe('PATCH /admin/products/{id}', () => {
  it('changes the price and publishes the whole product', async () => {
    const product = bodyOf(await create(aNewProduct({ sku: 'KETTLE' }))) as unknown as Product;

    const response = await patch(product.id, { price: { amount: 2500, currency: 'GBP' } });

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ price: { amount: 2500 }, revision: 2 });
    const updates = (await outboxEvents(aws.doc, tableName)).filter(
      (e) => e.detailType === 'Product.ProductInfoUpdated',
    );
    expect(updates.map((e) => e.data)).toContainEqual(expect.objectContaining({ changedFields: ['price'] }));
  });

  it('answers 404 for an unknown product and 400 for an empty change', async () => {
    const product = bodyOf(await create(aNewProduct({ sku: 'JUG' }))) as unknown as Product;

    const unknown = await patch('prod_missing', { name: 'x' });
    const empty = await patch(product.id, {});

    expect(unknown.statusCode).toBe(404);
    expect(empty.statusCode).toBe(400);
  });
});

describe('POST /admin/products/{id}/restock', () => {
  it('adds the units to the stock', async () => {
    const product = bodyOf(await create({ ...aNewProduct({ sku: 'SPOON' }), stock: 1 })) as unknown as Product;

    const response = await restock(product.id, { quantity: 24 });

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ sku: 'SPOON', onHand: 25, available: 25 });
  });

  it.each([0, -5, 2.5])('answers 400 for a quantity of %s and changes nothing', async (quantity) => {
    const product = bodyOf(
      await create({ ...aNewProduct({ sku: `BAD-QTY-${String(quantity).replace(/\W/g, '')}` }), stock: 3 }),
    ) as unknown as Product;

    const response = await restock(product.id, { quantity });

    expect(response.statusCode).toBe(400);
    expect(await repository.getStock(product.sku)).toMatchObject({ onHand: 3 });
  });
});

describe('other routes', () => {
  it('answers 404 for a route this function does not serve', async () => {
    const event = anAuthorizedHttpEvent(
      { method: 'DELETE', path: '/admin/products/x', routeKey: 'DELETE /admin/products/{id}' },
      ADMIN_CLAIMS,
    );

    const response = await handler(event, aLambdaContext());

    expect(response.statusCode).toBe(404);
  });
});
