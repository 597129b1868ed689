import { describe, expect, it } from 'vitest';
import { ANSWER_BUDGET_MS } from '../harness/budgets';
import { BusObserver } from '../harness/bus-observer';
import { getProduct, listAll, newProductBody, type Product } from '../harness/catalog';
import { callApi } from '../harness/shop-api';
import { useSession } from '../harness/session';

const session = useSession();
const { target } = session;

describe('the admin routes, for a member of the admin group', () => {
  it('creates a product that GET and the listings then show, with its stock', async () => {
    const body = newProductBody({ stock: 7 });

    const response = await callApi<Product>(target, '/admin/products', {
      method: 'POST',
      token: session.admin.idToken,
      body,
    });
    session.track(response.body.id);

    const read = await getProduct(target, response.body.id);
    const listed = await listAll(target, { q: body.name.split(' ').at(-1) ?? '' });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/products/${response.body.id}`);
    expect(response.body).toMatchObject({
      sku: body.sku,
      name: body.name,
      category: body.category,
      price: body.price,
      status: 'ACTIVE',
      revision: 1,
    });
    expect(read.body).toEqual({ ...response.body, available: 7 });
    expect(listed.items).toEqual([response.body]);
  });

  it('updates the name and price, and GET shows the new revision', async () => {
    const product = await session.aProduct();

    const response = await callApi<Product>(target, `/admin/products/${product.id}`, {
      method: 'PATCH',
      token: session.admin.idToken,
      body: { name: `${product.name} mark II`, price: { amount: 1995, currency: 'GBP' } },
    });

    const read = await getProduct(target, product.id);
    expect(response.status).toBe(200);
    expect(read.body).toMatchObject({
      name: `${product.name} mark II`,
      price: { amount: 1995, currency: 'GBP' },
      revision: product.revision + 1,
      sku: product.sku,
    });
  });

  it('restocks a sku: the units are added to those available', async () => {
    const product = await session.aProduct({ stock: 4 });

    const response = await callApi(target, `/admin/products/${product.id}/restock`, {
      method: 'POST',
      token: session.admin.idToken,
      body: { quantity: 6 },
    });

    const read = await getProduct(target, product.id);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      sku: product.sku,
      productId: product.id,
      productStatus: 'ACTIVE',
      onHand: 10,
      reserved: 0,
      available: 10,
    });
    expect(read.body.available).toBe(10);
  });

  it('publishes Product.ProductInfoUpdated carrying the whole product at its new price', async () => {
    const product = await session.aProduct();
    const observer = await BusObserver.start(session.clients, target, {
      source: ['shop.products'],
      'detail-type': ['Product.ProductInfoUpdated'],
      detail: { data: { product: { id: [product.id] } } },
    });

    try {
      await callApi(target, `/admin/products/${product.id}`, {
        method: 'PATCH',
        token: session.admin.idToken,
        body: { price: { amount: 2495, currency: 'GBP' } },
      });

      const [updated] = await observer.waitFor(() => true, 1, ANSWER_BUDGET_MS);
      expect(updated?.detail.data).toMatchObject({
        product: {
          id: product.id,
          sku: product.sku,
          name: product.name,
          price: { amount: 2495, currency: 'GBP' },
          revision: product.revision + 1,
        },
        changedFields: ['price'],
      });
    } finally {
      await observer.stop();
    }
  });
});
