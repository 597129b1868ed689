// Invoices per second through the queue consumer: OrderConfirmed events go onto a bus in the local cloud, a rule
// puts them on the inbox queue, and pollers (as Lambda's event source mapping, at most 5 at a time) hand batches
// of 10 to the real order-confirmed handler, which numbers, renders, stores and publishes each invoice.
//
//   npm run bench -w services/invoices            (or: npx nx run invoices:bench)
//   INVOICES=500 POLLERS=5 npm run bench -w services/invoices
//
// The local cloud runs on this machine, so the figure measures this machine and the emulator as much as the
// code: compare runs on one machine, not with AWS.
import { performance } from 'node:perf_hooks';
import { OrderConfirmed } from '@shop/events';
import { DynamoInvoiceStore } from '../src/adapters/dynamodb-invoice-store';
import { anOrderConfirmed } from '../src/domain/test-data';
import { useLocalShop } from '../src/test-support/handler-env';
import { startLocalAws } from '../src/test-support/local-aws';
import { aLocalInvoicesShop } from '../src/test-support/local-shop';
import { drainQueue, putEvents } from '../src/test-support/queue-consumer';

const count = Number(process.env.INVOICES ?? 200);
const pollers = Number(process.env.POLLERS ?? 5);

const aws = await startLocalAws();
try {
  const shop = await aLocalInvoicesShop(aws);
  useLocalShop(aws, shop, shop.inboxes.confirmed.deadLetterQueueUrl);
  const { handler } = await import('../src/handlers/events/order-confirmed');
  const orders = Array.from({ length: count }, (_, index) => anOrderConfirmed({ orderId: `ord_bench_${index}` }));
  await putEvents(shop.clients.events, shop.names.bus, OrderConfirmed, orders);

  const started = performance.now();
  // Up to the last batch handled: the pollers' final empty receives are not the consumer's work.
  let finished = started;
  const timed: typeof handler = async (event, context) => {
    const response = await handler(event, context);
    finished = performance.now();
    return response;
  };
  const handled = await drainQueue(shop.clients.sqs, shop.inboxes.confirmed.queueUrl, timed, pollers);
  const seconds = (finished - started) / 1000;

  const store = new DynamoInvoiceStore({ doc: aws.doc, tableName: shop.names.table });
  const invoices = await Promise.all(orders.map(({ order }) => store.documentsOf(order.id)));
  const numbers = new Set(invoices.map(({ invoice }) => invoice?.status === 'ISSUED' && invoice.number));
  numbers.delete(false);
  console.log(
    `invoices: ${numbers.size} issued of ${count} (${handled} records handled, ${pollers} pollers) in ` +
      `${seconds.toFixed(1)} s: ${(numbers.size / seconds).toFixed(1)} invoices/s through the queue consumer`,
  );
  if (numbers.size !== count) process.exitCode = 1;
} finally {
  await aws.stop();
}
