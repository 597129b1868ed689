import { OrderCancelled, OrderPlaced } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { type BusEvent, BusObserver } from '../harness/bus-observer';
import { getProduct } from '../harness/catalog';
import {
  orderCancelledData,
  orderEntry,
  orderIdPrefix,
  orderPlacedData,
  uncheckedOrderEntry,
} from '../harness/order-events';
import { ANSWER_BUDGET_MS, DEAD_LETTER_BUDGET_MS } from '../harness/budgets';
import { eventually } from '../harness/poll';
import { putEntries } from '../harness/put-events';
import { findInbox, takeMessage, waitUntilDrained } from '../harness/queues';
import { useSession } from '../harness/session';

const RESERVED = 'Inventory.StockReserved';
const FAILED = 'Inventory.StockReservationFailed';
const RELEASED = 'Inventory.StockReleased';

const session = useSession();
const { target } = session;
const aProduct = (stock: number) => session.aProduct({ stock });

/** Observes the products service's stock answers for the orders whose id starts with `prefix`. */
const observeAnswers = (prefix: string) =>
  BusObserver.start(session.clients, target, {
    source: ['shop.products'],
    'detail-type': [RESERVED, FAILED, RELEASED],
    detail: { data: { orderId: [{ prefix }] } },
  });

const orderIdOf = (event: BusEvent) => String(event.detail.data.orderId);
const ofType = (type: string) => (event: BusEvent) => event['detail-type'] === type;
const answeredOrders = (received: readonly BusEvent[]) =>
  new Set(received.filter((e) => e['detail-type'] !== RELEASED).map(orderIdOf));
const available = async (id: string) => (await getProduct(target, id)).body.available;

describe('stock reservations, driven by order events on the bus', () => {
  it(
    'reserves exactly 10 of 50 concurrent one-unit orders for a sku with 10 in stock, and refuses 40',
    { timeout: 3 * ANSWER_BUDGET_MS },
    async () => {
      const product = await aProduct(10);
      const prefix = orderIdPrefix();
      const observer = await observeAnswers(prefix);
      const line = { sku: product.sku, productId: product.id, quantity: 1 };
      const entries = Array.from({ length: 50 }, (_, i) =>
        orderEntry(target, OrderPlaced, orderPlacedData(`${prefix}_${i}`, [line])),
      );
      const seen: number[] = [];

      try {
        await putEntries(session.clients.events, entries);
        const sampling = sampleAvailable(product.id, seen);
        const received = await observer
          .waitUntil((events) => answeredOrders(events).size === 50, '50 stock answers', 2 * ANSWER_BUDGET_MS)
          .finally(sampling.stop);

        const reserved = received.filter(ofType(RESERVED));
        const failed = received.filter(ofType(FAILED));
        expect(answeredOrders(received).size).toBe(50);
        expect({ reserved: reserved.length, failed: failed.length }).toEqual({ reserved: 10, failed: 40 });
        expect(new Set([...reserved, ...failed].map(orderIdOf)).size).toBe(50);
        expect(reserved.every((e) => JSON.stringify(e.detail.data.lines) === JSON.stringify([line]))).toBe(true);
        expect(failed.every((e) => e.detail.data.reasonCode === 'INSUFFICIENT_STOCK')).toBe(true);
        expect(await available(product.id)).toBe(0);
        expect(seen.every((units) => units >= 0 && units <= 10)).toBe(true);
      } finally {
        await observer.stop();
      }
    },
  );

  it(
    'reserves once for an OrderPlaced delivered twice and once more under a new event id',
    { timeout: 4 * ANSWER_BUDGET_MS },
    async () => {
      const product = await aProduct(5);
      const prefix = orderIdPrefix();
      const observer = await observeAnswers(prefix);
      const inbox = await findInbox(session.clients.sqs, target, 'ProductsOrderPlacedInbox');
      const data = orderPlacedData(`${prefix}_dup`, [{ sku: product.sku, productId: product.id, quantity: 2 }]);
      const original = orderEntry(target, OrderPlaced, data);
      const replayed = orderEntry(target, OrderPlaced, { ...data, taskToken: `${data.taskToken}-again` });

      try {
        await putEntries(session.clients.events, [original, original, replayed]);
        await observer.waitFor(() => true, 1, ANSWER_BUDGET_MS);
        // Duplicates publish nothing: wait until the inbox has no message left, received or waiting.
        await waitUntilDrained(session.clients.sqs, inbox.queueUrl, 2 * ANSWER_BUDGET_MS);

        expect(observer.received.map((e) => e['detail-type'])).toEqual([RESERVED]);
        expect(observer.received[0]?.detail.data.taskToken).toBeOneOf([data.taskToken, `${data.taskToken}-again`]);
        expect(await available(product.id)).toBe(3);
      } finally {
        await observer.stop();
      }
    },
  );

  it(
    'releases the stock of a cancelled order and publishes StockReleased',
    { timeout: 3 * ANSWER_BUDGET_MS },
    async () => {
      const product = await aProduct(3);
      const prefix = orderIdPrefix();
      const orderId = `${prefix}_cancel`;
      const observer = await observeAnswers(prefix);
      const lines = [{ sku: product.sku, productId: product.id, quantity: 2 }];

      try {
        await putEntries(session.clients.events, [orderEntry(target, OrderPlaced, orderPlacedData(orderId, lines))]);
        const [reserved] = await observer.waitFor(ofType(RESERVED), 1, ANSWER_BUDGET_MS);
        const whileReserved = await available(product.id);
        await putEntries(session.clients.events, [orderEntry(target, OrderCancelled, orderCancelledData(orderId))]);

        const [released] = await observer.waitFor(ofType(RELEASED), 1, ANSWER_BUDGET_MS);
        expect(whileReserved).toBe(1);
        expect(released?.detail.data).toMatchObject({
          orderId,
          reservationId: reserved?.detail.data.reservationId,
          reasonCode: 'ORDER_CANCELLED',
          lines,
        });
        expect(
          await eventually(
            () => available(product.id),
            (units) => units === 3,
            { what: 'stock back at 3', timeoutMs: 10_000 },
          ),
        ).toBe(3);
      } finally {
        await observer.stop();
      }
    },
  );

  // Slow by design: the inbox retries a failing message every visibility timeout (60 s) until its fifth receive.
  it(
    'moves a poison OrderPlaced to the DLQ while the valid events of its PutEvents call are reserved',
    { timeout: ANSWER_BUDGET_MS + DEAD_LETTER_BUDGET_MS },
    async () => {
      const product = await aProduct(5);
      const prefix = orderIdPrefix();
      const observer = await observeAnswers(prefix);
      const inbox = await findInbox(session.clients.sqs, target, 'ProductsOrderPlacedInbox');
      const line = { sku: product.sku, productId: product.id, quantity: 1 };
      const poisonId = `${prefix}_poison`;
      const poison = orderPlacedData(poisonId, [{ ...line, quantity: -1 }]);
      const valid = [1, 2, 3].map((i) => orderEntry(target, OrderPlaced, orderPlacedData(`${prefix}_${i}`, [line])));

      try {
        await putEntries(
          session.clients.events,
          valid.toSpliced(1, 0, uncheckedOrderEntry(target, OrderPlaced, poison)),
        );

        const reserved = await observer.waitFor(ofType(RESERVED), 3, ANSWER_BUDGET_MS);
        const dead = JSON.parse(
          await takeMessage(
            session.clients.sqs,
            inbox.deadLetterQueueUrl,
            (body) => body.includes(poisonId),
            DEAD_LETTER_BUDGET_MS,
          ),
        ) as BusEvent;
        expect(reserved.map(orderIdOf).toSorted()).toEqual([1, 2, 3].map((i) => `${prefix}_${i}`));
        expect(dead.detail.data).toMatchObject({ order: { id: poisonId } });
        expect(observer.received.filter((e) => orderIdOf(e) === poisonId)).toEqual([]);
        expect(await available(product.id)).toBe(2);
      } finally {
        await observer.stop();
      }
    },
  );
});

/** Reads the product's available units every 100 ms until stopped, collecting every value seen. */
function sampleAvailable(productId: string, seen: number[]): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      seen.push(await available(productId));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
