import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { FACADE_CODES } from './errors';
import { makeShopApi } from './index';
import { aCart, aCartLine, startFakeBackend, type Reply } from './testing/fake-backend';

let backend: Awaited<ReturnType<typeof startFakeBackend>>;

async function apiWith(routes: Record<string, Reply>, idToken?: string) {
  backend = await startFakeBackend(routes);
  return makeShopApi({
    apiUrl: backend.url,
    checkoutApiUrl: `${backend.url}/prod/`,
    paymentsUrl: `${backend.url}/sandbox`,
    paymentsApiKey: 'test-key',
    cognito: new CognitoIdentityProviderClient({ region: 'eu-west-2' }),
    userPoolClientId: 'client',
    ...(idToken && { idToken }),
  });
}

afterEach(async () => {
  await backend?.close();
});

const GUEST_CART = { id: 'cart_abc', owner: 'guest' } as const;
const MY_CART = { id: 'cart_mine', owner: 'customer' } as const;
const myCart = (lines: unknown[]) => ({ ...aCart(lines), ...MY_CART });

describe('shop-api guest carts', () => {
  it('adds to the quantity already in the cart, by its id and without the ID token', async () => {
    const api = await apiWith(
      {
        'GET /carts/cart_abc': { status: 200, body: aCart([aCartLine('prod_01MUG', 2)]) },
        'PUT /carts/cart_abc/lines/prod_01MUG': { status: 200, body: aCart([aCartLine('prod_01MUG', 3)]) },
      },
      'id-token',
    );

    const cart = await api.addToCart(GUEST_CART, 'prod_01MUG', 1);

    expect(backend.requests[1]).toMatchObject({ method: 'PUT', path: '/carts/cart_abc/lines/prod_01MUG', body: { quantity: 3 } });
    expect(backend.requests[1]?.headers.authorization).toBeUndefined();
    expect(cart.lines[0]?.quantity).toBe(3);
  });

  it('keeps a line that cannot be bought, with its reason', async () => {
    const gone = { productId: 'prod_OLD', sku: 'OLD-1', quantity: 1, available: false, reason: 'PRODUCT_UNAVAILABLE' };
    const api = await apiWith({ 'GET /carts/cart_abc': { status: 200, body: aCart([gone]) } });

    const cart = await api.getCart('cart_abc');

    expect(cart.lines[0]).toMatchObject({ available: false, reason: 'PRODUCT_UNAVAILABLE' });
  });
});

describe("shop-api a signed-in customer's cart", () => {
  it('adds to the quantity already in the cart through /me/cart with the ID token, never by its id', async () => {
    const api = await apiWith(
      {
        'GET /me/cart': { status: 200, body: myCart([aCartLine('prod_01MUG', 2)]) },
        'PUT /me/cart/lines/prod_01MUG': { status: 200, body: myCart([aCartLine('prod_01MUG', 3)]) },
      },
      'id-token',
    );

    const cart = await api.addToCart(MY_CART, 'prod_01MUG', 1);

    expect(backend.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me/cart', 'PUT /me/cart/lines/prod_01MUG']);
    expect(backend.requests[1]).toMatchObject({ body: { quantity: 3 }, headers: { authorization: 'Bearer id-token' } });
    expect(cart).toMatchObject({ owner: 'customer', lines: [{ quantity: 3 }] });
  });

  it('sets and removes lines with PUT and DELETE /me/cart/lines/{productId}', async () => {
    const api = await apiWith(
      {
        'PUT /me/cart/lines/prod%2F1': { status: 200, body: myCart([aCartLine('prod/1', 4)]) },
        'DELETE /me/cart/lines/prod%2F1': { status: 200, body: myCart([]) },
      },
      'id-token',
    );

    const set = await api.setLineQuantity(MY_CART, 'prod/1', 4);
    const removed = await api.removeLine(MY_CART, 'prod/1');

    expect(set.lines[0]?.quantity).toBe(4);
    expect(removed.lines).toEqual([]);
    expect(backend.requests.map((r) => [r.method, r.body, r.headers.authorization])).toEqual([
      ['PUT', { quantity: 4 }, 'Bearer id-token'],
      ['DELETE', undefined, 'Bearer id-token'],
    ]);
  });

  it('refuses to change the cart without a session, before reaching the API', async () => {
    const api = await apiWith({});

    const error = await api.setLineQuantity(MY_CART, 'prod_01MUG', 1).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: FACADE_CODES.signedOut, status: 401 });
    expect(backend.requests).toHaveLength(0);
  });
});
