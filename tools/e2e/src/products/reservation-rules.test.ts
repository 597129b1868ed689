import { OrderConfirmed, OrderPlaced } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { ANSWER_BUDGET_MS } from '../harness/budgets';
import { type BusEvent, BusObserver } from '../harness/bus-observer';
import { discontinue, getProduct } from '../harness/catalog';
import { orderConfirmedData, orderEntry, orderIdPrefix, orderPlacedData } from '../harness/order-events';
import { putEntries } from '../harness/put-events';
import { findInbox, waitUntilDrained } from '../harness/queues';
import { callApi } from '../harness/shop-api';
import { useSession } from '../harness/session';

const session = useSession();
const { target } = session;

/** Observes the stock answers for the orders whose id starts with `prefix`. */
const observeAnswers = (prefix: string) =>
  BusObserver.start(session.clients, target, {
    source: ['shop.products'],
    'detail-type': ['Inventory.StockReserved', 'Inventory.StockReservationFailed'],
    detail: { data: { orderId: [{ prefix }] } },
  });

const available = async (id: string) => (await getProduct(target, id)).body.available;

/** Places one order and returns the first stock answer for it. */
async function placeOrder(
  lines: Parameters<typeof orderPlacedData>[1],
): Promise<{ orderId: string; answer: BusEvent }> {
  const prefix = orderIdPrefix();
  const orderId = `${prefix}_1`;
  const observer = await observeAnswers(prefix);
  try {
    await putEntries(session.clients.events, [orderEntry(target, OrderPlaced, orderPlacedData(orderId, lines))]);
    const [answer] = await observer.waitFor(() => true, 1, ANSWER_BUDGET_MS);
    return { orderId, answer: answer as BusEvent };
  } finally {
    await observer.stop();
  }
}

describe('the reservation rules', () => {
  it('reserves every line of an order or none, naming only the lines it could not reserve', async () => {
    const [plenty, scarce] = await Promise.all([session.aProduct({ stock: 5 }), session.aProduct({ stock: 1 })]);
    const lineOf = (product: typeof plenty, quantity: number) => ({
      sku: product.sku,
      productId: product.id,
      quantity,
    });

    const { orderId, answer } = await placeOrder([lineOf(plenty, 2), lineOf(scarce, 3)]);

    expect(answer['detail-type']).toBe('Inventory.StockReservationFailed');
    expect(answer.detail.data).toMatchObject({
      orderId,
      reasonCode: 'INSUFFICIENT_STOCK',
      lines: [{ sku: scarce.sku, productId: scarce.id, requested: 3, available: 1 }],
    });
    expect([await available(plenty.id), await available(scarce.id)]).toEqual([5, 1]);
  });

  it('refuses an order for a product it does not know', async () => {
    const { answer } = await placeOrder([{ sku: 'E2E-NO-SUCH-SKU', productId: 'prod_e2e_unknown', quantity: 1 }]);

    expect(answer['detail-type']).toBe('Inventory.StockReservationFailed');
    expect(answer.detail.data).toMatchObject({ reasonCode: 'UNKNOWN_PRODUCT' });
  });

  it('refuses an order for a discontinued product and keeps its stock', async () => {
    const product = await session.aProduct({ stock: 4 });
    await discontinue(target, session.admin.idToken, product.id);

    const { answer } = await placeOrder([{ sku: product.sku, productId: product.id, quantity: 1 }]);

    expect(answer['detail-type']).toBe('Inventory.StockReservationFailed');
    expect(answer.detail.data).toMatchObject({ reasonCode: 'PRODUCT_DISCONTINUED' });
    expect(await available(product.id)).toBe(4);
  });

  it(
    'commits the reservation of a confirmed order: the units leave stock on hand',
    { timeout: 3 * ANSWER_BUDGET_MS },
    async () => {
      const product = await session.aProduct({ stock: 5 });
      const lines = [{ sku: product.sku, productId: product.id, quantity: 2 }];
      const inbox = await findInbox(session.clients.sqs, target, 'ProductsOrderConfirmedInbox');
      const { orderId, answer } = await placeOrder(lines);

      await putEntries(session.clients.events, [
        orderEntry(target, OrderConfirmed, orderConfirmedData(orderId, lines)),
      ]);
      // A commit publishes nothing: wait until the OrderConfirmed inbox has no message left, then look at the stock.
      await waitUntilDrained(session.clients.sqs, inbox.queueUrl, ANSWER_BUDGET_MS);

      const restocked = await callApi(target, `/admin/products/${product.id}/restock`, {
        method: 'POST',
        token: session.admin.idToken,
        body: { quantity: 1 },
      });
      expect(answer['detail-type']).toBe('Inventory.StockReserved');
      expect(restocked.body).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    },
  );
});
