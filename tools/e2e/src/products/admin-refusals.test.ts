import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, getProduct, listAll, newProductBody, type Product } from '../harness/catalog';
import { callApi } from '../harness/shop-api';
import { useSession } from '../harness/session';

const session = useSession();
const { target } = session;

type Caller = 'customer' | 'anonymous' | 'admin';
interface RefusedCase {
  readonly name: string;
  readonly caller: Caller;
  readonly route: 'create' | 'update' | 'restock';
  readonly body: unknown;
  readonly status: number;
  readonly code?: string;
}

const refused: RefusedCase[] = [
  {
    name: 'a customer creating a product',
    caller: 'customer',
    route: 'create',
    body: newProductBody(),
    status: 403,
    code: 'PRODUCTS.FORBIDDEN',
  },
  {
    name: 'a customer changing a price',
    caller: 'customer',
    route: 'update',
    body: { price: { amount: 1, currency: 'GBP' } },
    status: 403,
    code: 'PRODUCTS.FORBIDDEN',
  },
  {
    name: 'a customer restocking',
    caller: 'customer',
    route: 'restock',
    body: { quantity: 5 },
    status: 403,
    code: 'PRODUCTS.FORBIDDEN',
  },
  { name: 'no token, creating a product', caller: 'anonymous', route: 'create', body: newProductBody(), status: 401 },
  {
    name: 'no token, changing a price',
    caller: 'anonymous',
    route: 'update',
    body: { price: { amount: 1, currency: 'GBP' } },
    status: 401,
  },
  { name: 'no token, restocking', caller: 'anonymous', route: 'restock', body: { quantity: 5 }, status: 401 },
  {
    name: 'a body that is not JSON',
    caller: 'admin',
    route: 'create',
    body: '{"sku": "E2E-BROKEN", ',
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'a negative price on create',
    caller: 'admin',
    route: 'create',
    body: newProductBody({ price: { amount: -100, currency: 'GBP' } }),
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'a negative initial stock',
    caller: 'admin',
    route: 'create',
    body: newProductBody({ stock: -1 }),
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'a lower-case sku',
    caller: 'admin',
    route: 'create',
    body: newProductBody({ sku: 'e2e-lower' }),
    status: 400,
    code: 'PRODUCTS.INVALID_REQUEST',
  },
  {
    name: 'a negative price on update',
    caller: 'admin',
    route: 'update',
    body: { price: { amount: -1, currency: 'GBP' } },
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'an update that is not JSON',
    caller: 'admin',
    route: 'update',
    body: '{"name": ',
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'a negative restock quantity',
    caller: 'admin',
    route: 'restock',
    body: { quantity: -5 },
    status: 400,
    code: 'REQUEST.INVALID',
  },
  {
    name: 'a zero restock quantity',
    caller: 'admin',
    route: 'restock',
    body: { quantity: 0 },
    status: 400,
    code: 'REQUEST.INVALID',
  },
];

describe('refused admin requests change nothing', () => {
  let product: Product;
  const tokenOf = (caller: Caller) =>
    ({ customer: session.customer.idToken, admin: session.admin.idToken, anonymous: undefined })[caller];
  const requestFor = (route: RefusedCase['route']) =>
    ({
      create: { path: '/admin/products', method: 'POST' },
      update: { path: `/admin/products/${product.id}`, method: 'PATCH' },
      restock: { path: `/admin/products/${product.id}/restock`, method: 'POST' },
    })[route] as { path: string; method: 'POST' | 'PATCH' };

  beforeAll(async () => {
    product = await session.aProduct({ stock: 10 });
  });

  it.each(refused)('answers $status to $name', async ({ caller, route, body, status, code }) => {
    const before = await getProduct(target, product.id);
    const { path, method } = requestFor(route);

    const response = await callApi<ApiError>(target, path, { method, body, token: tokenOf(caller) });

    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
    expect((await getProduct(target, product.id)).body).toEqual(before.body);
    if (route === 'create' && typeof body === 'object') {
      const { sku } = body as { sku: string };
      const listed = await listAll(target, { q: (body as { name: string }).name.split(' ').at(-1) ?? '' });
      expect(listed.items.filter((item) => item.sku === sku)).toEqual([]);
    }
  });

  it('answers 409 PRODUCTS.SKU_TAKEN to a second product with the same sku', async () => {
    const before = await getProduct(target, product.id);

    const response = await callApi<ApiError>(target, '/admin/products', {
      method: 'POST',
      token: session.admin.idToken,
      body: newProductBody({ sku: product.sku }),
    });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PRODUCTS.SKU_TAKEN');
    expect((await getProduct(target, product.id)).body).toEqual(before.body);
  });

  it('answers 404 PRODUCTS.NOT_FOUND to an update of an unknown product', async () => {
    const response = await callApi<ApiError>(target, '/admin/products/prod_01UNKNOWNUNKNOWNUNKNOWN00', {
      method: 'PATCH',
      token: session.admin.idToken,
      body: { name: 'Ghost' },
    });

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('PRODUCTS.NOT_FOUND');
  });
});
