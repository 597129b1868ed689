import { OrderConfirmed } from '@shop/events';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import type { HttpHandler } from '@shop/lambda-kit';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { anOrderConfirmed } from '../../domain/test-data';
import { anInvoiceRequest, bodyOf, useLocalShop } from '../../test-support/handler-env';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../../test-support/local-aws';
import { aLocalInvoicesShop, type LocalInvoicesShop } from '../../test-support/local-shop';
import { drainQueue, putEvents } from '../../test-support/queue-consumer';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

const CUSTOMER = { sub: 'cust-1', 'cognito:groups': '[customers]' };
const OTHER_CUSTOMER = { sub: 'cust-2' };
const ADMIN = { sub: 'admin-1', 'cognito:groups': '[admin ops]' };

let aws: LocalAws;
let shop: LocalInvoicesShop;
let handler: HttpHandler;

beforeAll(async () => {
  aws = await startLocalAws();
  shop = await aLocalInvoicesShop(aws);
  useLocalShop(aws, shop, shop.inboxes.confirmed.deadLetterQueueUrl);
  const confirmed = (await import('../events/order-confirmed')).handler as (
    event: SQSEvent,
    context: Context,
  ) => Promise<SQSBatchResponse>;
  await putEvents(shop.clients.events, shop.names.bus, OrderConfirmed, [
    anOrderConfirmed({ orderId: 'ord_1', customerId: 'cust-1' }),
  ]);
  await drainQueue(shop.clients.sqs, shop.inboxes.confirmed.queueUrl, confirmed);
  ({ handler } = await import('./get-invoice'));
});
afterAll(() => aws.stop());

const get = (orderId: string, claims?: Record<string, string>) =>
  handler(anInvoiceRequest(orderId, claims), aLambdaContext());

describe('GET /orders/{orderId}/invoice', () => {
  it('gives the customer the invoice and a link that downloads its PDF', async () => {
    const response = await get('ord_1', CUSTOMER);

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['cache-control']).toBe('private, no-store');
    const { invoice, pdf } = bodyOf(response) as {
      invoice: Record<string, unknown>;
      pdf: { url: string; expiresAt: string };
    };
    expect(invoice).toMatchObject({ orderId: 'ord_1', currency: 'GBP', totals: { total: { amount: 4330 } } });
    expect(invoice.number).toMatch(/^INV-\d{4}-000001$/);
    expect(Object.keys(invoice).sort()).toEqual(
      ['billingAddress', 'currency', 'id', 'issuedAt', 'lines', 'number', 'orderId', 'taxSummary', 'totals'].sort(),
    );
    const download = await fetch(pdf.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await download.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('gives an admin any customer’s invoice', async () => {
    const response = await get('ord_1', ADMIN);

    expect(response.statusCode).toBe(200);
  });

  it('answers another customer exactly as it answers for an order with no invoice', async () => {
    const other = await get('ord_1', OTHER_CUSTOMER);
    const none = await get('ord_1_missing', CUSTOMER);

    expect(other.statusCode).toBe(404);
    expect(bodyOf(other)).toEqual({
      error: {
        code: 'INVOICES.NOT_FOUND',
        message: 'No invoice for order ord_1. If the order was confirmed just now, it may still be on its way.',
      },
    });
    expect(none.statusCode).toBe(404);
    expect((bodyOf(none).error as { code: string }).code).toBe('INVOICES.NOT_FOUND');
  });

  it('answers a caller without claims as if there were no invoice', async () => {
    const response = await get('ord_1');

    expect(response.statusCode).toBe(404);
  });
});
