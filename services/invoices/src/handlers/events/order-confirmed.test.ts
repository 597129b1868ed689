import { OrderConfirmed, type OrderConfirmedData } from '@shop/events';
import { aLambdaContext, anEventBridgeEvent, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoInvoiceStore } from '../../adapters/dynamodb-invoice-store';
import { anOrderConfirmed, gbp } from '../../domain/test-data';
import { pdfText, useLocalShop } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { aLocalInvoicesShop, type LocalInvoicesShop } from '../../test-support/local-shop';
import { drainQueue, putEvents, readAll } from '../../test-support/queue-consumer';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;
let shop: LocalInvoicesShop;
let store: DynamoInvoiceStore;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startLocalAws();
  shop = await aLocalInvoicesShop(aws);
  store = new DynamoInvoiceStore({ doc: aws.doc, tableName: shop.names.table });
  useLocalShop(aws, shop, shop.inboxes.confirmed.deadLetterQueueUrl);
  ({ handler } = await import('./order-confirmed'));
});
afterAll(() => aws.stop());

const confirm = (orders: readonly OrderConfirmedData[]) =>
  putEvents(shop.clients.events, shop.names.bus, OrderConfirmed, orders);
const consume = (pollers = 1) => drainQueue(shop.clients.sqs, shop.inboxes.confirmed.queueUrl, handler, pollers);
const invoiceOf = async (orderId: string) => (await store.documentsOf(orderId)).invoice;
const sequenceOf = (number: string | undefined) => Number(number?.slice(-6));

async function publishedFor(orderIds: readonly string[]) {
  const events = await readAll(shop.clients.sqs, shop.inboxes.published.queueUrl);
  const data = events.map((event) => (event.body.detail as { data: { orderId: string } }).data);
  return data.filter((d) => orderIds.includes(d.orderId));
}

describe('order-confirmed handler, through the local cloud', () => {
  it('issues one invoice with one number for an order confirmed three times', async () => {
    const order = anOrderConfirmed({ orderId: 'ord_thrice' });

    await confirm([order, order, order]);
    await consume();

    const invoice = await invoiceOf('ord_thrice');
    expect(invoice).toMatchObject({ status: 'ISSUED', orderId: 'ord_thrice' });
    const published = await publishedFor(['ord_thrice']);
    expect(published).toEqual([
      expect.objectContaining({ invoice: expect.objectContaining({ number: invoice?.number }) }),
    ]);
    const text = await pdfText(shop, `invoices/${invoice?.issuedAt.slice(0, 4)}/${invoice?.number}.pdf`);
    expect(text).toContain(`Invoice ${invoice?.number}`);
    expect(text).toContain('Enamel camping mug, blue');
    expect(text).toContain('GBP 43.30');
  });

  it('sends a poison message to the DLQ at once while the rest of its batch is invoiced', async () => {
    const poison = anOrderConfirmed({ orderId: 'ord_poison' });
    poison.order.totals = { ...poison.order.totals, total: gbp(4331) };
    const good = ['ord_b1', 'ord_b2', 'ord_b3', 'ord_b4'].map((orderId) => anOrderConfirmed({ orderId }));
    const records = [...good.slice(0, 2), poison, ...good.slice(2)].map((data, index) =>
      anSqsRecord(
        `m-${index}`,
        anEventBridgeEvent({
          id: `evt-${index}`,
          source: OrderConfirmed.source,
          detailType: OrderConfirmed.detailType,
          detail: { ...OrderConfirmed.sampleDetail, data },
        }),
      ),
    );

    const response = await handler(anSqsEvent(records), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    for (const { order } of good) expect((await invoiceOf(order.id))?.status, order.id).toBe('ISSUED');
    expect(await invoiceOf('ord_poison')).toBeUndefined();
    const deadLetters = await readAll(shop.clients.sqs, shop.inboxes.confirmed.deadLetterQueueUrl);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.attributes).toMatchObject({
      ErrorCode: 'INVOICES.FIGURES_DO_NOT_ADD_UP',
      SourceMessageId: 'm-2',
    });
    expect((deadLetters[0]?.body.detail as { data: OrderConfirmedData }).data.order.id).toBe('ord_poison');
  });

  it('numbers 100 concurrent confirmations without a gap or a repeat', async () => {
    const orders = Array.from({ length: 100 }, (_, index) => anOrderConfirmed({ orderId: `ord_many_${index}` }));

    await confirm(orders);
    await consume(10);

    const invoices = await Promise.all(orders.map(({ order }) => invoiceOf(order.id)));
    expect(invoices.every((invoice) => invoice?.status === 'ISSUED')).toBe(true);
    const sequences = invoices.map((invoice) => sequenceOf(invoice?.number)).sort((a, b) => a - b);
    const first = sequences[0] ?? 0;
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, index) => first + index));
    const published = await publishedFor(orders.map(({ order }) => order.id));
    expect(new Set(published.map((data) => data.orderId)).size).toBe(100);
    expect(published).toHaveLength(100);
  });
});
