import { describe, expect, it } from 'vitest';
import { getProduct, restock, type StockLevel } from '../harness/catalog';
import { CHECKOUT_BUDGET_MS, finalOrder, TEST_CARDS } from '../harness/checkout';
import { useCheckout } from '../harness/checkout-session';
import { eventually } from '../harness/poll';
import { useSession } from '../harness/session';

const session = useSession();
const checkout = useCheckout(session);
const { target } = session;

const statuses = (order: { history: readonly { status: string }[] }) => order.history.map((entry) => entry.status);
const available = async (productId: string) => (await getProduct(target, productId)).body.available;

/** Waits until products has the stock back at `units` (a release comes through an event, so eventually). */
const availableBecomes = (productId: string, units: number) =>
  eventually(
    () => available(productId),
    (value) => value === units,
    { what: `${units} units available again`, timeoutMs: CHECKOUT_BUDGET_MS },
  );

describe('checkout through the local cloud: every started checkout ends CONFIRMED or CANCELLED', () => {
  it('confirms an order paid with an approving card, and commits its stock as a sale', async () => {
    const product = await session.aProduct({ stock: 5 });

    const { response, shopper } = await checkout.checkOut(TEST_CARDS.approves, [[product, 2]]);
    const order = await finalOrder(target, shopper.user.idToken, response.body.orderId);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      orderId: expect.stringMatching(/^ord_/),
      status: 'PENDING',
      links: { self: `/orders/${response.body.orderId}` },
    });
    expect(response.headers.get('location')).toBe(`/orders/${response.body.orderId}`);
    expect(order.status).toBe('CONFIRMED');
    expect(statuses(order)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CONFIRMED']);
    expect(order.lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 2 })]);
    expect(order.totals.total.amount).toBeGreaterThan(0);
    expect(await available(product.id)).toBe(3);
    // The sale is committed once products handles Order.OrderConfirmed: nothing reserved, 2 units gone from hand.
    // Each look is a restock of 1 (the only view of on-hand and reserved), counted in the expectation.
    let restocks = 0;
    const stock = await eventually<StockLevel>(
      () => (restocks++, restock(target, session.admin.idToken, product.id, 1)),
      (level) => level.reserved === 0,
      { what: 'the reservation committed as a sale', timeoutMs: CHECKOUT_BUDGET_MS, intervalMs: 1000 },
    );
    expect(stock).toEqual(expect.objectContaining({ onHand: 5 - 2 + restocks, reserved: 0 }));
  });

  it('cancels an order for more than is in stock as OUT_OF_STOCK, before any payment', async () => {
    const product = await session.aProduct({ stock: 1 });

    const { response, shopper } = await checkout.checkOut(TEST_CARDS.approves, [[product, 2]]);
    const order = await finalOrder(target, shopper.user.idToken, response.body.orderId);

    expect(response.status).toBe(202);
    expect(order.status).toBe('CANCELLED');
    expect(order.reasonCode).toBe('OUT_OF_STOCK');
    expect(statuses(order)).toEqual(['PENDING', 'CANCELLED']);
    expect(await available(product.id)).toBe(1);
  });

  it('cancels an order whose card is declined as PAYMENT_DECLINED, and releases its stock', async () => {
    const product = await session.aProduct({ stock: 3 });

    const { response, shopper } = await checkout.checkOut(TEST_CARDS.declines, [[product, 1]]);
    const order = await finalOrder(target, shopper.user.idToken, response.body.orderId);

    expect(order.status).toBe('CANCELLED');
    expect(order.reasonCode).toBe('PAYMENT_DECLINED');
    expect(statuses(order)).toEqual(['PENDING', 'STOCK_RESERVED', 'CANCELLED']);
    expect(await availableBecomes(product.id, 3)).toBe(3);
  });

  it('retries a payment that fails transiently with the same key, and confirms the order', async () => {
    const product = await session.aProduct({ stock: 2 });

    // This card answers 503 to the first authorization of an idempotency key and approves the retry: the
    // order is confirmed only if the workflow retried.
    const { response, shopper } = await checkout.checkOut(TEST_CARDS.failsOnce, [[product, 1]]);
    const order = await finalOrder(target, shopper.user.idToken, response.body.orderId);

    expect(order.status).toBe('CONFIRMED');
    expect(statuses(order)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CONFIRMED']);
    expect(await available(product.id)).toBe(1);
  });

  it(
    'compensates a payment that times out: the order is cancelled as PAYMENT_FAILED and the stock released',
    { timeout: CHECKOUT_BUDGET_MS + 60_000 },
    async () => {
      const product = await session.aProduct({ stock: 2 });

      const { response, shopper } = await checkout.checkOut(TEST_CARDS.timesOut, [[product, 1]]);
      const order = await finalOrder(target, shopper.user.idToken, response.body.orderId);

      expect(order.status).toBe('CANCELLED');
      expect(order.reasonCode).toBe('PAYMENT_FAILED');
      expect(statuses(order)).toEqual(['PENDING', 'STOCK_RESERVED', 'CANCELLED']);
      expect(await availableBecomes(product.id, 2)).toBe(2);
    },
  );

  it('ends each of 12 concurrent checkouts for 4 units CONFIRMED or CANCELLED, selling no more than 4', async () => {
    const product = await session.aProduct({ stock: 4 });
    const cards = [TEST_CARDS.approves, TEST_CARDS.mastercard, TEST_CARDS.declines];

    // The customers sign up one after the other (set-up); their checkouts run at once (what is tested).
    const shoppers = [];
    for (let i = 0; i < 12; i++) shoppers.push(await checkout.aShopper([[product, 1]]));
    const attempts = await Promise.all(
      shoppers.map((shopper, i) => checkout.checkOutAs(shopper, cards[i % cards.length] ?? TEST_CARDS.approves)),
    );
    const orders = await Promise.all(
      attempts.map(({ response, shopper }) => finalOrder(target, shopper.user.idToken, response.body.orderId)),
    );

    const confirmed = orders.filter((order) => order.status === 'CONFIRMED').length;
    expect(attempts.every(({ response }) => response.status === 202)).toBe(true);
    expect(orders.every((order) => order.status === 'CONFIRMED' || order.status === 'CANCELLED')).toBe(true);
    expect(confirmed).toBeGreaterThan(0);
    expect(confirmed).toBeLessThanOrEqual(4);
    expect(await availableBecomes(product.id, 4 - confirmed)).toBe(4 - confirmed);
  });
});
