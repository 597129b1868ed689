import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../harness/catalog';
import {
  type CheckoutAccepted,
  checkoutBody,
  finalOrder,
  postCheckout,
  setCartLine,
  TEST_CARDS,
} from '../harness/checkout';
import { type Shopper, useCheckout } from '../harness/checkout-session';
import { callApi } from '../harness/shop-api';
import { useSession } from '../harness/session';

const session = useSession();
const checkout = useCheckout(session);
const { target } = session;

const ordersOf = async (shopper: Shopper) =>
  (await callApi<{ items: { id: string }[] }>(target, '/orders', { token: shopper.user.idToken })).body.items;

describe('POST /checkout: one order per Idempotency-Key', () => {
  it('answers the same order to the same request sent twice, and makes one order', async () => {
    const product = await session.aProduct({ stock: 5 });
    const first = await checkout.checkOut(TEST_CARDS.approves, [[product, 1]]);
    const call = { token: first.shopper.user.idToken, idempotencyKey: first.idempotencyKey, body: first.body };

    const again = await postCheckout<CheckoutAccepted>(target, call);
    await finalOrder(target, first.shopper.user.idToken, first.response.body.orderId);
    const afterwards = await postCheckout<CheckoutAccepted>(target, call);

    expect(first.response.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.orderId).toBe(first.response.body.orderId);
    expect(afterwards.body.orderId).toBe(first.response.body.orderId);
    expect((await ordersOf(first.shopper)).map((order) => order.id)).toEqual([first.response.body.orderId]);
  });

  it('starts one checkout for five concurrent copies of a request', async () => {
    const product = await session.aProduct({ stock: 5 });
    const [shopper, token] = await Promise.all([
      checkout.aShopper([[product, 1]]),
      checkout.tokenize(TEST_CARDS.approves),
    ]);
    const call = {
      token: shopper.user.idToken,
      idempotencyKey: randomUUID(),
      body: checkoutBody(shopper.cartId, token),
    };

    const answers = await Promise.all(Array.from({ length: 5 }, () => postCheckout<CheckoutAccepted>(target, call)));
    const orderIds = new Set(answers.map((answer) => answer.body.orderId));
    const [orderId] = [...orderIds];
    const order = await finalOrder(target, shopper.user.idToken, orderId ?? '');

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    expect(orderIds.size).toBe(1);
    expect(order.status).toBe('CONFIRMED');
    expect((await ordersOf(shopper)).map((listed) => listed.id)).toEqual([orderId]);
  });

  it('refuses a key reused for another request with 409 ORDERS.IDEMPOTENCY_KEY_REUSED', async () => {
    const product = await session.aProduct({ stock: 5 });
    const first = await checkout.checkOut(TEST_CARDS.approves, [[product, 1]]);
    const otherAddress = { ...first.body.shippingAddress, line1: '1 Other Street' };

    const reused = await postCheckout<ApiError>(target, {
      token: first.shopper.user.idToken,
      idempotencyKey: first.idempotencyKey,
      body: { ...first.body, shippingAddress: otherAddress },
    });

    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('ORDERS.IDEMPOTENCY_KEY_REUSED');
  });
});

describe('POST /checkout: bad input gets a 4xx with a stable code and starts nothing', () => {
  type Refusal = {
    readonly name: string;
    readonly status: number;
    readonly code: string;
    /** The request, from a shopper whose cart holds one unit and an approving card's token. */
    readonly request: (shopper: Shopper, token: string, amexToken: string) => { key: string | null; body: unknown };
  };
  const key = () => randomUUID();
  const refusals: Refusal[] = [
    {
      name: 'no Idempotency-Key header',
      status: 400,
      code: 'REQUEST.INVALID',
      request: (shopper, token) => ({ key: null, body: checkoutBody(shopper.cartId, token) }),
    },
    {
      name: 'a shipping address without a postal code',
      status: 400,
      code: 'REQUEST.INVALID',
      request: (shopper, token) => ({
        key: key(),
        body: checkoutBody(shopper.cartId, token, {
          shippingAddress: { name: 'Ada', line1: '1 Street', city: 'London', country: 'GB' },
        }),
      }),
    },
    {
      name: 'a country that is not an ISO code',
      status: 400,
      code: 'REQUEST.INVALID',
      request: (shopper, token) => ({
        key: key(),
        body: checkoutBody(shopper.cartId, token, {
          shippingAddress: { name: 'Ada', line1: '1 Street', city: 'London', postalCode: 'N1 1AA', country: 'England' },
        }),
      }),
    },
    {
      name: 'a body that is not JSON',
      status: 400,
      code: 'REQUEST.INVALID',
      request: () => ({ key: key(), body: '{"cartId": ' }),
    },
    {
      name: 'an unknown cart',
      status: 404,
      code: 'ORDERS.CART_NOT_FOUND',
      request: (_shopper, token) => ({ key: key(), body: checkoutBody(`cart_${randomUUID()}`, token) }),
    },
    {
      name: 'an Amex card while the amex-payments flag is off',
      status: 422,
      code: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
      request: (shopper, _token, amexToken) => ({ key: key(), body: checkoutBody(shopper.cartId, amexToken) }),
    },
  ];

  it.each(refusals)('refuses $name with $status $code', async ({ status, code, request }) => {
    const product = await session.aProduct({ stock: 5 });
    const [shopper, token, amexToken] = await Promise.all([
      checkout.aShopper([[product, 1]]),
      checkout.tokenize(TEST_CARDS.approves),
      checkout.tokenize(TEST_CARDS.amex),
    ]);
    const { key: idempotencyKey, body } = request(shopper, token, amexToken);

    const answer = await postCheckout<ApiError>(target, { token: shopper.user.idToken, idempotencyKey, body });

    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toEqual(expect.any(String));
    expect(await ordersOf(shopper)).toEqual([]);
  });

  it('refuses an empty cart with 422 ORDERS.EMPTY_CART, and the same customer can then check out', async () => {
    const product = await session.aProduct({ stock: 5 });
    const [shopper, token] = await Promise.all([checkout.aShopper(), checkout.tokenize(TEST_CARDS.approves)]);

    const empty = await postCheckout<ApiError>(target, {
      token: shopper.user.idToken,
      idempotencyKey: randomUUID(),
      body: checkoutBody(shopper.cartId, token),
    });
    await setCartLine(target, { token: shopper.user.idToken }, product.id, 1);
    const secondToken = await checkout.tokenize(TEST_CARDS.approves);
    const accepted = await postCheckout<CheckoutAccepted>(target, {
      token: shopper.user.idToken,
      idempotencyKey: randomUUID(),
      body: checkoutBody(shopper.cartId, secondToken),
    });
    await finalOrder(target, shopper.user.idToken, accepted.body.orderId);

    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('ORDERS.EMPTY_CART');
    expect(accepted.status).toBe(202);
    // The refused request left nothing behind: the customer's only order is the accepted one.
    expect((await ordersOf(shopper)).map((order) => order.id)).toEqual([accepted.body.orderId]);
  });

  it("refuses another customer's cart with 403 ORDERS.CART_NOT_OWNED", async () => {
    const product = await session.aProduct({ stock: 5 });
    const [owner, stranger, token] = await Promise.all([
      checkout.aShopper([[product, 1]]),
      checkout.aShopper(),
      checkout.tokenize(TEST_CARDS.approves),
    ]);

    const answer = await postCheckout<ApiError>(target, {
      token: stranger.user.idToken,
      idempotencyKey: randomUUID(),
      body: checkoutBody(owner.cartId, token),
    });

    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('ORDERS.CART_NOT_OWNED');
    expect(await ordersOf(owner)).toEqual([]);
  });

  it('refuses a request without a token with 401', async () => {
    const answer = await postCheckout(target, {
      token: '',
      idempotencyKey: randomUUID(),
      body: checkoutBody('cart_x', 'tok_x'),
    });

    expect(answer.status).toBe(401);
  });
});
