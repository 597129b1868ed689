import { describe, expect, it } from 'vitest';
import type { ApiError } from '../harness/catalog';
import { finalOrder, TEST_CARDS } from '../harness/checkout';
import { useCheckout } from '../harness/checkout-session';
import { forgedIdToken } from '../harness/forged-token';
import { useSession } from '../harness/session';
import { callApi } from '../harness/shop-api';

const session = useSession();
const checkout = useCheckout(session);
const { target } = session;

describe('who may see what: a customer reaches only their own carts, orders and invoices', () => {
  it("answers 404 to a customer asking for another customer's order, invoice or cart, and lists only their own", async () => {
    const product = await session.aProduct({ stock: 5 });
    const { response, shopper: owner } = await checkout.checkOut(TEST_CARDS.approves, [[product, 1]]);
    const orderId = response.body.orderId;
    await finalOrder(target, owner.user.idToken, orderId);
    const stranger = await checkout.aShopper();
    const asStranger = { token: stranger.user.idToken };

    const order = await callApi<ApiError>(target, `/orders/${orderId}`, asStranger);
    const invoice = await callApi<ApiError>(target, `/orders/${orderId}/invoice`, asStranger);
    const cart = await callApi<ApiError>(target, `/carts/${owner.cartId}`, asStranger);
    const anonymousCart = await callApi<ApiError>(target, `/carts/${owner.cartId}`);
    const strangersOrders = await callApi<{ items: { id: string }[] }>(target, '/orders', asStranger);

    expect(order.status).toBe(404);
    expect(invoice.status).toBe(404);
    expect(cart.status).toBe(404);
    expect(anonymousCart.status).toBe(404);
    for (const refusal of [order, invoice, cart]) expect(JSON.stringify(refusal.body)).not.toContain(owner.user.email);
    expect(strangersOrders.body.items).toEqual([]);
    expect((await callApi(target, `/orders/${orderId}`, { token: owner.user.idToken })).status).toBe(200);
  });

  it.each(['/me', '/me/cart', '/orders'])('answers 401 to %s without a token', async (path) => {
    const answer = await callApi(target, path);

    expect(answer.status).toBe(401);
  });

  it.each(['/me', '/me/cart', '/orders'])(
    'answers 401 to %s with a token of another issuer, even naming a real customer',
    async (path) => {
      const customer = await checkout.aShopper();
      const subject = JSON.parse(Buffer.from(customer.user.idToken.split('.')[1] ?? '', 'base64url').toString()).sub;
      const token = forgedIdToken({ audience: target.storefrontClientId, subject });

      const answer = await callApi(target, path, { token });

      expect(answer.status).toBe(401);
    },
  );

  it('answers 401 to a checkout with a token of another issuer, and starts nothing', async () => {
    const customer = await checkout.aShopper();
    const token = forgedIdToken({ audience: target.storefrontClientId });

    const answer = await fetch(`${target.checkoutApiUrl}checkout`, {
      method: 'POST',
      headers: { authorization: token, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
      body: JSON.stringify({ cartId: customer.cartId }),
    });

    expect(answer.status).toBe(401);
    expect(
      (await callApi<{ items: unknown[] }>(target, '/orders', { token: customer.user.idToken })).body.items,
    ).toEqual([]);
  });
});
