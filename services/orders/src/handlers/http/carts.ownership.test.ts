import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUG, TEA } from '../../domain/test-data';
import { linesOf, startCartRoutes, type CartRoutes } from '../testing/cart-routes';
import { bodyOf, errorCodeOf } from '../testing/handler-env';
import type { CartView } from './cart-view';

let routes: CartRoutes;

beforeAll(async () => {
  routes = await startCartRoutes([MUG, TEA]);
});
afterAll(() => routes.stop());

const call: CartRoutes['call'] = (...args) => routes.call(...args);

/** A customer's cart holding 2 mugs; its id, as the customer's own `GET /me/cart` shows it. */
async function aCustomerCartWithTwoMugs(customerId: string): Promise<string> {
  return bodyOf<CartView>(await routes.setMyQuantity(customerId, MUG.id, 2)).id;
}

/** The error body with the cart id taken out, to compare refusals of different ids. */
const withoutId = (response: { body?: string }, cartId: string) => (response.body ?? '').replaceAll(cartId, '<id>');

describe("a customer's cart on the public guest cart routes", () => {
  it('answers 404 ORDERS.CART_NOT_FOUND on GET, exactly as for an id nobody was given', async () => {
    const cartId = await aCustomerCartWithTwoMugs('customer-hidden');

    const customers = await call('GET /carts/{cartId}', { pathParameters: { cartId } });
    const nobodys = await call('GET /carts/{cartId}', { pathParameters: { cartId: 'cart_nobody' } });

    expect([customers.statusCode, errorCodeOf(customers)]).toEqual([404, 'ORDERS.CART_NOT_FOUND']);
    expect(withoutId(customers, cartId)).toBe(withoutId(nobodys, 'cart_nobody'));
  });

  it('answers 404 ORDERS.CART_NOT_FOUND on PUT and DELETE of a line, and leaves the cart unchanged', async () => {
    const cartId = await aCustomerCartWithTwoMugs('customer-kept');

    const set = await routes.setQuantity(cartId, TEA.id, 5);
    const removed = await call('DELETE /carts/{cartId}/lines/{productId}', {
      pathParameters: { cartId, productId: MUG.id },
    });

    expect([set.statusCode, errorCodeOf(set)]).toEqual([404, 'ORDERS.CART_NOT_FOUND']);
    expect([removed.statusCode, errorCodeOf(removed)]).toEqual([404, 'ORDERS.CART_NOT_FOUND']);
    const stored = await routes.carts.get(cartId);
    expect([stored?.version, linesOf(stored?.cart ?? { lines: [] })]).toEqual([2, [[MUG.id, 2]]]);
  });
});

describe('another customer', () => {
  it("changes only their own cart through /me, never the first customer's", async () => {
    const adasCartId = await aCustomerCartWithTwoMugs('customer-ada');

    const graces = await routes.setMyQuantity('customer-grace', TEA.id, 1);
    const removed = await call('DELETE /me/cart/lines/{productId}', {
      customerId: 'customer-grace',
      pathParameters: { productId: MUG.id },
    });

    expect(bodyOf<CartView>(graces).id).not.toBe(adasCartId);
    expect(linesOf(bodyOf<CartView>(removed))).toEqual([[TEA.id, 1]]);
    const adas = bodyOf<CartView>(await call('GET /me/cart', { customerId: 'customer-ada' }));
    expect([adas.id, linesOf(adas)]).toEqual([adasCartId, [[MUG.id, 2]]]);
  });

  it("cannot read or change the first customer's cart with its id", async () => {
    const adasCartId = await aCustomerCartWithTwoMugs('customer-ada-2');

    const read = await call('GET /carts/{cartId}', {
      customerId: 'customer-grace-2',
      pathParameters: { cartId: adasCartId },
    });
    const change = await call('PUT /carts/{cartId}/lines/{productId}', {
      customerId: 'customer-grace-2',
      pathParameters: { cartId: adasCartId, productId: MUG.id },
      body: { quantity: 0 },
    });

    expect([read.statusCode, change.statusCode]).toEqual([404, 404]);
    expect(linesOf((await routes.carts.get(adasCartId))?.cart ?? { lines: [] })).toEqual([[MUG.id, 2]]);
  });
});
