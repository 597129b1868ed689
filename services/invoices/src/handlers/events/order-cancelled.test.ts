import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { OrderCancelled, OrderConfirmed, type CreditNoteIssuedData } from '@shop/events';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoInvoiceStore } from '../../adapters/dynamodb-invoice-store';
import { anOrderConfirmed } from '../../domain/test-data';
import { pdfText, useLocalShop } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { aLocalInvoicesShop, type LocalInvoicesShop } from '../../test-support/local-shop';
import { drainQueue, putEvents, readAll } from '../../test-support/queue-consumer';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

let aws: LocalAws;
let shop: LocalInvoicesShop;
let store: DynamoInvoiceStore;
let handlers: { confirmed: Handler; cancelled: Handler };

beforeAll(async () => {
  aws = await startLocalAws();
  shop = await aLocalInvoicesShop(aws);
  store = new DynamoInvoiceStore({ doc: aws.doc, tableName: shop.names.table });
  useLocalShop(aws, shop, shop.inboxes.cancelled.deadLetterQueueUrl);
  handlers = {
    confirmed: (await import('./order-confirmed')).handler,
    cancelled: (await import('./order-cancelled')).handler,
  };
});
afterAll(() => aws.stop());

async function confirm(orderId: string) {
  await putEvents(shop.clients.events, shop.names.bus, OrderConfirmed, [anOrderConfirmed({ orderId })]);
  await drainQueue(shop.clients.sqs, shop.inboxes.confirmed.queueUrl, handlers.confirmed);
}

async function cancel(orderId: string, times = 1) {
  const cancellation = { ...OrderCancelled.sample, orderId };
  await putEvents(
    shop.clients.events,
    shop.names.bus,
    OrderCancelled,
    Array.from({ length: times }, () => cancellation),
  );
  await drainQueue(shop.clients.sqs, shop.inboxes.cancelled.queueUrl, handlers.cancelled);
}

async function creditNotesPublished(): Promise<CreditNoteIssuedData[]> {
  const events = await readAll(shop.clients.sqs, shop.inboxes.published.queueUrl);
  return events
    .filter((event) => event.body['detail-type'] === 'Invoice.CreditNoteIssued')
    .map((event) => (event.body.detail as { data: CreditNoteIssuedData }).data);
}

describe('order-cancelled handler, through the local cloud', () => {
  it('credits an invoiced order once, with its own number, PDF and event, however often it is cancelled', async () => {
    await confirm('ord_c1');

    await cancel('ord_c1', 2);

    const { invoice, creditNote } = await store.documentsOf('ord_c1');
    expect(creditNote).toMatchObject({ status: 'ISSUED', number: 'CN-2026-000001', invoice: { id: invoice?.id } });
    const published = await creditNotesPublished();
    expect(published).toEqual([
      expect.objectContaining({ orderId: 'ord_c1', invoice: { id: invoice?.id, number: invoice?.number } }),
    ]);
    expect(published[0]?.creditNote).toMatchObject({ number: 'CN-2026-000001', totals: invoice?.totals });
    const text = await pdfText(shop, 'credit-notes/2026/CN-2026-000001.pdf');
    expect(text).toContain('Credit note CN-2026-000001');
    expect(text).toContain(`Cancels invoice ${invoice?.number} in full`);
  });

  it('does nothing for an order never invoiced, and records the cancellation as done', async () => {
    await cancel('ord_never');

    expect(await store.documentsOf('ord_never')).toEqual({});
    expect(await creditNotesPublished()).toEqual([]);
    expect(await readAll(shop.clients.sqs, shop.inboxes.cancelled.deadLetterQueueUrl)).toEqual([]);
    const { Items = [] } = await aws.doc.send(new ScanCommand({ TableName: shop.names.idempotency }));
    expect(Items).toContainEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^invoices\.order-cancelled#/),
        status: 'COMPLETED',
        data: { kind: 'NOT_INVOICED' },
      }),
    );
  });
});
