import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newGuestCart } from '../../domain';
import { aProduct, LAMP, MUG, TEA } from '../../domain/test-data';
import { linesOf, startCartRoutes, type CartRoutes } from '../testing/cart-routes';
import { bodyOf, errorCodeOf } from '../testing/handler-env';
import type { CartView } from './cart-view';

const MANY = Array.from({ length: 51 }, (_, i) => aProduct({ id: `prod_many_${i}`, sku: `MANY-${i}` }));
let routes: CartRoutes;

beforeAll(async () => {
  routes = await startCartRoutes([MUG, TEA, LAMP, ...MANY]);
});
afterAll(() => routes.stop());

const call: CartRoutes['call'] = (...args) => routes.call(...args);
const setQuantity: CartRoutes['setQuantity'] = (...args) => routes.setQuantity(...args);
const newCart = () => routes.newCart();

describe('guest carts', () => {
  it('creates an empty guest cart with an unguessable id, expiring in 7 days', async () => {
    const before = Date.now();

    const response = await call('POST /carts');

    const cart = bodyOf<CartView>(response);
    expect(response.statusCode).toBe(201);
    expect(response.headers?.location).toBe(`/carts/${cart.id}`);
    expect(cart).toMatchObject({ owner: 'guest', currency: 'GBP', lines: [], totals: { itemCount: 0 } });
    expect(cart.id).toMatch(/^cart_[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(cart.expiresAt ?? '') - before).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
  });

  it('adds a product and prices the cart from the catalog copy', async () => {
    const cartId = await newCart();

    const response = await setQuantity(cartId, MUG.id, 2);

    expect(response.statusCode).toBe(200);
    expect(bodyOf<CartView>(response)).toMatchObject({
      lines: [
        {
          productId: MUG.id,
          sku: MUG.sku,
          name: MUG.name,
          quantity: 2,
          available: true,
          unitPrice: { amount: 1250, currency: 'GBP' },
          net: { amount: 2500, currency: 'GBP' },
          tax: { amount: 500, currency: 'GBP' },
          gross: { amount: 3000, currency: 'GBP' },
        },
      ],
      totals: { net: { amount: 2500 }, tax: { amount: 500 }, gross: { amount: 3000 }, itemCount: 2 },
    });
  });

  it('sets the quantity of a product already in the cart, and 0 removes it', async () => {
    const cartId = await newCart();
    await setQuantity(cartId, MUG.id, 2);
    await setQuantity(cartId, TEA.id, 1);

    const changed = await setQuantity(cartId, MUG.id, 5);
    const removed = await setQuantity(cartId, TEA.id, 0);

    expect(linesOf(bodyOf<CartView>(changed))).toEqual([
      [MUG.id, 5],
      [TEA.id, 1],
    ]);
    expect(linesOf(bodyOf<CartView>(removed))).toEqual([[MUG.id, 5]]);
  });

  it('removes a line, and removing it again changes nothing', async () => {
    const cartId = await newCart();
    await setQuantity(cartId, MUG.id, 1);
    const path = { pathParameters: { cartId, productId: MUG.id } };

    const first = await call('DELETE /carts/{cartId}/lines/{productId}', path);
    const again = await call('DELETE /carts/{cartId}/lines/{productId}', path);

    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(linesOf(bodyOf<CartView>(again))).toEqual([]);
  });

  it('shows a product discontinued since it was added as unavailable, outside the totals', async () => {
    const product = aProduct({ id: 'prod_fading', sku: 'FADING' });
    await routes.catalog.put(product);
    const cartId = await newCart();
    await setQuantity(cartId, MUG.id, 1);
    await setQuantity(cartId, product.id, 1);
    await routes.catalog.put({ ...product, status: 'DISCONTINUED', revision: 2 });

    const response = await call('GET /carts/{cartId}', { pathParameters: { cartId } });

    const cart = bodyOf<CartView>(response);
    expect(cart.lines[1]).toEqual({
      productId: product.id,
      sku: product.sku,
      quantity: 1,
      available: false,
      reason: 'PRODUCT_UNAVAILABLE',
      name: product.name,
    });
    expect(cart.totals).toMatchObject({ gross: { amount: 1500 }, itemCount: 1 });
  });
});

describe('cart refusals', () => {
  it('answers 404 ORDERS.CART_NOT_FOUND for a cart id nobody was given', async () => {
    const response = await call('GET /carts/{cartId}', { pathParameters: { cartId: 'cart_nobody' } });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([404, 'ORDERS.CART_NOT_FOUND']);
  });

  it('answers 404 ORDERS.PRODUCT_NOT_FOUND for a product the catalog does not have', async () => {
    const response = await setQuantity(await newCart(), 'prod_nope', 1);

    expect([response.statusCode, errorCodeOf(response)]).toEqual([404, 'ORDERS.PRODUCT_NOT_FOUND']);
  });

  it('answers 409 ORDERS.PRODUCT_UNAVAILABLE for a discontinued product', async () => {
    const response = await setQuantity(await newCart(), LAMP.id, 1);

    expect([response.statusCode, errorCodeOf(response)]).toEqual([409, 'ORDERS.PRODUCT_UNAVAILABLE']);
  });

  it.each([100, 1.5, -1])('answers 400 ORDERS.INVALID_QUANTITY for a quantity of %s', async (quantity) => {
    const response = await setQuantity(await newCart(), MUG.id, quantity);

    expect([response.statusCode, errorCodeOf(response)]).toEqual([400, 'ORDERS.INVALID_QUANTITY']);
  });

  it('answers 400 REQUEST.INVALID for a body without a numeric quantity', async () => {
    const response = await setQuantity(await newCart(), MUG.id, 'two');

    expect([response.statusCode, errorCodeOf(response)]).toEqual([400, 'REQUEST.INVALID']);
  });

  it('answers 409 ORDERS.CART_FULL for a 51st product, and keeps the 50', async () => {
    const cartId = await newCart();
    for (const product of MANY.slice(0, 50)) await setQuantity(cartId, product.id, 1);

    const response = await setQuantity(cartId, MANY[50]?.id ?? '', 1);

    expect([response.statusCode, errorCodeOf(response)]).toEqual([409, 'ORDERS.CART_FULL']);
    expect((await routes.carts.get(cartId))?.cart.lines).toHaveLength(50);
  });

  it('answers 410 ORDERS.CART_EXPIRED for a guest cart past its 7 days that TTL has not removed yet', async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await routes.carts.save({
      cart: newGuestCart('cart_stale', 'cart_stale', eightDaysAgo),
      version: 0,
      mergedGuestCartIds: [],
    });

    const read = await call('GET /carts/{cartId}', { pathParameters: { cartId: 'cart_stale' } });
    const change = await setQuantity('cart_stale', MUG.id, 1);

    expect([read.statusCode, errorCodeOf(read)]).toEqual([410, 'ORDERS.CART_EXPIRED']);
    expect([change.statusCode, errorCodeOf(change)]).toEqual([410, 'ORDERS.CART_EXPIRED']);
  });

  it('answers 401 ORDERS.UNAUTHENTICATED on a customer route reached without JWT claims', async () => {
    const response = await call('GET /me/cart');

    expect([response.statusCode, errorCodeOf(response)]).toEqual([401, 'ORDERS.UNAUTHENTICATED']);
  });

  it('answers 404 ORDERS.ROUTE_NOT_FOUND for a route the function does not serve', async () => {
    const response = await call('PATCH /carts/{cartId}', { pathParameters: { cartId: 'cart_x' } });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([404, 'ORDERS.ROUTE_NOT_FOUND']);
  });
});
