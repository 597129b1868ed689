import { OrderPlaced } from '@shop/events';
import { BusObserver } from '../src/harness/bus-observer';
import { createProduct, type Product } from '../src/harness/catalog';
import type { ShopClients } from '../src/harness/clients';
import { orderEntry, orderIdPrefix, orderPlacedData } from '../src/harness/order-events';
import { putEntries } from '../src/harness/put-events';
import { callApi } from '../src/harness/shop-api';
import type { ShopTarget } from '../src/harness/target';
import { type Figure, latencyFigures, summarize } from './stats';

/** A request the bench could not use: the figures would be wrong. */
export class BenchRequestError extends Error {
  override readonly name = 'BenchRequestError';
  readonly code = 'E2E.BENCH_REQUEST_FAILED';
}

async function timedGet(target: ShopTarget, path: string): Promise<number> {
  const started = performance.now();
  const response = await callApi(target, path);
  const elapsed = performance.now() - started;
  if (response.status !== 200)
    throw new BenchRequestError(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return elapsed;
}

/** The first `GET /products` (the listing function's cold start), then `requests` more, one at a time. */
export async function measureListing(
  target: ShopTarget,
  plan: { requests: number; warmup: number },
): Promise<Figure[]> {
  const group = 'GET /products (20 newest)';
  const cold = await timedGet(target, '/products');
  for (let i = 0; i < plan.warmup; i++) await timedGet(target, '/products');
  const warm: number[] = [];
  for (let i = 0; i < plan.requests; i++) warm.push(await timedGet(target, '/products'));
  return [
    {
      group,
      name: 'first request (cold start)',
      value: cold,
      unit: 'ms',
      note: 'HTTP round trip, the function starting',
    },
    ...latencyFigures(group, 'warm', summarize(warm), 'one request at a time'),
  ];
}

export interface ReservationPlan {
  readonly skus: number;
  readonly orders: number;
  readonly warmup: number;
  readonly senders: number;
}

/**
 * Reservations per second: `orders` one-unit OrderPlaced events over `skus` products with stock for all, put by
 * `senders` concurrent callers (10 per PutEvents call), until the last StockReserved is observed on the bus.
 */
export async function measureReservations(
  target: ShopTarget,
  clients: ShopClients,
  adminToken: string,
  plan: ReservationPlan,
): Promise<Figure[]> {
  const group = 'reservations (OrderPlaced → StockReserved)';
  // Set-up is not measured: one at a time, so a busy machine does not time out cold functions.
  const products: Product[] = [];
  for (let i = 0; i < plan.skus; i++)
    products.push(await createProduct(target, adminToken, { stock: plan.orders + plan.warmup }));
  await runOrders(target, clients, products, plan.warmup, plan.senders);
  const run = await runOrders(target, clients, products, plan.orders, plan.senders);
  return [
    {
      group,
      name: 'reservations per second',
      value: (plan.orders * 1000) / run.totalMs,
      unit: '/s',
      note: `${plan.orders} orders over ${plan.skus} skus, ${plan.senders} concurrent callers, first PutEvents → last StockReserved observed`,
    },
    { group, name: 'PutEvents, all calls', value: run.ingestMs, unit: 'ms', note: 'first call → last answer' },
    { group, name: 'first PutEvents → last StockReserved', value: run.totalMs, unit: 'ms' },
    ...latencyFigures(group, 'PutEvents → StockReserved', summarize(run.latencies), 'per order, queueing included'),
  ];
}

async function runOrders(
  target: ShopTarget,
  clients: ShopClients,
  products: readonly Product[],
  count: number,
  senders: number,
) {
  const prefix = orderIdPrefix();
  const observer = await BusObserver.start(clients, target, {
    source: ['shop.products'],
    'detail-type': ['Inventory.StockReserved', 'Inventory.StockReservationFailed'],
    detail: { data: { orderId: [{ prefix }] } },
  });
  try {
    const entries = Array.from({ length: count }, (_, i) => {
      const product = products[i % products.length] as Product;
      return orderEntry(
        target,
        OrderPlaced,
        orderPlacedData(`${prefix}_${i}`, [{ sku: product.sku, productId: product.id, quantity: 1 }]),
      );
    });
    const sentAt = new Map<string, number>();
    const started = Date.now();
    const waiting = observer.waitUntil((received) => received.length >= count, `${count} stock answers`, 300_000);
    await Promise.all(
      Array.from({ length: senders }, (_, s) =>
        send(
          clients,
          entries.filter((_e, i) => i % senders === s),
          sentAt,
        ),
      ),
    );
    const ingestMs = Date.now() - started;
    const received = await waiting;
    const failed = received.filter((event) => event['detail-type'] !== 'Inventory.StockReserved');
    if (failed.length > 0)
      throw new BenchRequestError(`${failed.length} reservations were refused: stock too low for the plan`);
    const latencies = received.map(
      (event) => event.receivedAt - (sentAt.get(String(event.detail.data.orderId)) ?? started),
    );
    return { ingestMs, totalMs: Math.max(...received.map((event) => event.receivedAt)) - started, latencies };
  } finally {
    await observer.stop();
  }
}

async function send(
  clients: ShopClients,
  entries: readonly ReturnType<typeof orderEntry>[],
  sentAt: Map<string, number>,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 10) {
    const batch = entries.slice(i, i + 10);
    const now = Date.now();
    for (const entry of batch)
      sentAt.set((JSON.parse(entry.Detail ?? '{}') as { data: { order: { id: string } } }).data.order.id, now);
    await putEntries(clients.events, batch);
  }
}
