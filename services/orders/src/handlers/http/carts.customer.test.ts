import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUG, TEA } from '../../domain/test-data';
import { linesOf, startCartRoutes, type CartRoutes } from '../testing/cart-routes';
import { bodyOf, errorCodeOf } from '../testing/handler-env';
import type { MergeView } from './cart-actions';
import type { CartView } from './cart-view';

let routes: CartRoutes;

beforeAll(async () => {
  routes = await startCartRoutes([MUG, TEA]);
});
afterAll(() => routes.stop());

const call: CartRoutes['call'] = (...args) => routes.call(...args);
const setQuantity: CartRoutes['setQuantity'] = (...args) => routes.setQuantity(...args);
const setMyQuantity: CartRoutes['setMyQuantity'] = (...args) => routes.setMyQuantity(...args);
const newCart = () => routes.newCart();

describe('customer carts', () => {
  it("creates the customer's cart on first sight and finds the same one after", async () => {
    const first = await call('GET /me/cart', { customerId: 'customer-first' });
    const again = await call('GET /me/cart', { customerId: 'customer-first' });

    expect(first.statusCode).toBe(200);
    expect(bodyOf<CartView>(first)).toMatchObject({ owner: 'customer', lines: [] });
    expect(bodyOf<CartView>(first)).not.toHaveProperty('expiresAt');
    expect(bodyOf<CartView>(again).id).toBe(bodyOf<CartView>(first).id);
  });

  it("sets a line of the customer's cart, creating the cart on first use", async () => {
    const response = await setMyQuantity('customer-shop', TEA.id, 3);

    expect(response.statusCode).toBe(200);
    expect(bodyOf<CartView>(response)).toMatchObject({ owner: 'customer', totals: { itemCount: 3 } });
    const mine = bodyOf<CartView>(await call('GET /me/cart', { customerId: 'customer-shop' }));
    expect([mine.id, linesOf(mine)]).toEqual([bodyOf<CartView>(response).id, [[TEA.id, 3]]]);
  });

  it('sets the quantity of a product already in the cart, and 0 removes it', async () => {
    await setMyQuantity('customer-sets', MUG.id, 2);
    await setMyQuantity('customer-sets', TEA.id, 1);

    const changed = await setMyQuantity('customer-sets', MUG.id, 5);
    const removed = await setMyQuantity('customer-sets', TEA.id, 0);

    expect(linesOf(bodyOf<CartView>(changed))).toEqual([
      [MUG.id, 5],
      [TEA.id, 1],
    ]);
    expect(linesOf(bodyOf<CartView>(removed))).toEqual([[MUG.id, 5]]);
  });

  it('removes a line, and removing it again changes nothing', async () => {
    await setMyQuantity('customer-removes', MUG.id, 1);
    const input = { customerId: 'customer-removes', pathParameters: { productId: MUG.id } };

    const first = await call('DELETE /me/cart/lines/{productId}', input);
    const again = await call('DELETE /me/cart/lines/{productId}', input);

    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(linesOf(bodyOf<CartView>(again))).toEqual([]);
  });

  it('answers the refusals of the guest cart routes', async () => {
    const unknownProduct = await setMyQuantity('customer-refused', 'prod_nope', 1);
    const tooMany = await setMyQuantity('customer-refused', MUG.id, 100);

    expect([unknownProduct.statusCode, errorCodeOf(unknownProduct)]).toEqual([404, 'ORDERS.PRODUCT_NOT_FOUND']);
    expect([tooMany.statusCode, errorCodeOf(tooMany)]).toEqual([400, 'ORDERS.INVALID_QUANTITY']);
  });

  it.each(['PUT', 'DELETE'])(
    'answers 401 ORDERS.UNAUTHENTICATED on %s /me/cart/lines without JWT claims',
    async (method) => {
      const response = await call(`${method} /me/cart/lines/{productId}`, {
        pathParameters: { productId: MUG.id },
        body: { quantity: 1 },
      });

      expect([response.statusCode, errorCodeOf(response)]).toEqual([401, 'ORDERS.UNAUTHENTICATED']);
    },
  );
});

describe('POST /me/cart/merge', () => {
  const merge = (customerId: string, guestCartId: string) =>
    call('POST /me/cart/merge', { customerId, body: { guestCartId } });

  it('adds the guest cart to the customer cart, then deletes the guest cart', async () => {
    await setMyQuantity('customer-ada', MUG.id, 1);
    const guestCartId = await newCart();
    await setQuantity(guestCartId, MUG.id, 2);
    await setQuantity(guestCartId, TEA.id, 1);

    const response = await merge('customer-ada', guestCartId);

    expect(response.statusCode).toBe(200);
    expect(bodyOf<MergeView>(response).dropped).toEqual([]);
    expect(linesOf(bodyOf<MergeView>(response).cart)).toEqual([
      [MUG.id, 3],
      [TEA.id, 1],
    ]);
    expect(await routes.carts.get(guestCartId)).toBeUndefined();
  });

  it('merges nothing twice when the same merge is retried', async () => {
    const guestCartId = await newCart();
    await setQuantity(guestCartId, MUG.id, 2);

    await merge('customer-retry', guestCartId);
    const retry = await merge('customer-retry', guestCartId);

    expect(retry.statusCode).toBe(200);
    expect(linesOf(bodyOf<MergeView>(retry).cart)).toEqual([[MUG.id, 2]]);
  });

  it('merges nothing twice when a crash left the guest cart behind after the merge', async () => {
    const guestCartId = await newCart();
    await setQuantity(guestCartId, TEA.id, 4);
    const guest = await routes.carts.get(guestCartId);
    await merge('customer-crash', guestCartId);
    if (guest !== undefined) await routes.carts.save({ ...guest, version: 0 }); // the guest cart, as if never deleted

    const retry = await merge('customer-crash', guestCartId);

    expect(linesOf(bodyOf<MergeView>(retry).cart)).toEqual([[TEA.id, 4]]);
    expect(await routes.carts.get(guestCartId)).toBeUndefined();
  });

  it('reports what did not fit instead of failing the sign-in', async () => {
    await setMyQuantity('customer-full', MUG.id, 98);
    const guestCartId = await newCart();
    await setQuantity(guestCartId, MUG.id, 5);

    const response = await merge('customer-full', guestCartId);

    expect(bodyOf<MergeView>(response).dropped).toEqual([{ productId: MUG.id, sku: MUG.sku, quantity: 4 }]);
    expect(bodyOf<MergeView>(response).cart.lines[0]?.quantity).toBe(99);
  });

  it("brings nothing from an unknown guest cart, or from another customer's cart", async () => {
    const otherCartId = bodyOf<CartView>(await setMyQuantity('customer-other', TEA.id, 2)).id;

    const unknown = await merge('customer-lone', 'cart_unknown');
    const someoneElses = await merge('customer-lone', otherCartId);

    expect(bodyOf<MergeView>(unknown).cart.lines).toEqual([]);
    expect(bodyOf<MergeView>(someoneElses).cart.lines).toEqual([]);
    expect((await routes.carts.get(otherCartId))?.cart.lines).toHaveLength(1);
  });

  it('answers 400 REQUEST.INVALID without a guest cart id', async () => {
    const response = await call('POST /me/cart/merge', { customerId: 'customer-ada', body: {} });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([400, 'REQUEST.INVALID']);
  });
});
