import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { InvoiceIssued, type InvoiceIssuedData } from '@shop/events';
import { aLambdaContext, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrderQueries } from '../../adapters/dynamodb-order-queries';
import { anOrderItem } from '../../adapters/testing/order-items';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let orders: DynamoOrderQueries;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const CUSTOMER = 'customer-ada';

beforeAll(async () => {
  aws = await startHandlerAws();
  orders = new DynamoOrderQueries({ doc: aws.doc, tableName: aws.tableName });
  for (const orderId of ['ord_invoiced', 'ord_twice', 'ord_fine', 'ord_other']) {
    const Item = anOrderItem({
      orderId,
      customerId: CUSTOMER,
      createdAt: '2025-03-14T09:26:53.120Z',
      status: 'CONFIRMED',
    });
    await aws.doc.send(new PutCommand({ TableName: aws.tableName, Item }));
  }
  ({ handler } = await import('./invoice-issued'));
});
afterAll(() => aws.stop());

let invoiceCount = 0;
function anInvoiceFor(orderId: string, customerId = CUSTOMER): InvoiceIssuedData {
  const n = ++invoiceCount;
  const invoice = { ...InvoiceIssued.sample.invoice, id: `inv_${n}`, number: `INV-2025-${String(n).padStart(6, '0')}` };
  return { ...InvoiceIssued.sample, invoice, orderId, customerId };
}

describe('invoice-issued handler', () => {
  it('shows the invoice on the order, with the link to it', async () => {
    const data = anInvoiceFor('ord_invoiced');

    const response = await handler(anSqsEvent([aRecordOf(InvoiceIssued, data)]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await orders.getForCustomer('ord_invoiced', CUSTOMER)).toMatchObject({
      invoice: { id: data.invoice.id, number: data.invoice.number, issuedAt: data.invoice.issuedAt },
      links: { invoice: '/orders/ord_invoiced/invoice' },
    });
  });

  it('records the invoice once when the event is delivered twice', async () => {
    const record = aRecordOf(InvoiceIssued, anInvoiceFor('ord_twice'));
    await handler(anSqsEvent([record]), aLambdaContext());

    const again = await handler(anSqsEvent([{ ...record, messageId: 'redelivered' }]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect((await orders.getForCustomer('ord_twice', CUSTOMER))?.invoice?.number).toBe('INV-2025-000002');
  });

  it("fails only the records for an unknown order, another customer's order, or not an event", async () => {
    const fine = anInvoiceFor('ord_fine');
    const batch = anSqsEvent([
      aRecordOf(InvoiceIssued, anInvoiceFor('ord_unknown'), 'unknown-order'),
      aRecordOf(InvoiceIssued, anInvoiceFor('ord_other', 'customer-grace'), 'other-customer'),
      anSqsRecord('not-json', 'not json'),
      aRecordOf(InvoiceIssued, fine),
    ]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual([
      'not-json',
      'other-customer',
      'unknown-order',
    ]);
    expect((await orders.getForCustomer('ord_fine', CUSTOMER))?.invoice?.id).toBe(fine.invoice.id);
    expect((await orders.getForCustomer('ord_other', CUSTOMER))?.invoice).toBeUndefined();
  });

  it('fails an unknown order again on every redelivery, so it ends in the DLQ', async () => {
    const poison = aRecordOf(InvoiceIssued, anInvoiceFor('ord_never'), 'poison');
    await handler(anSqsEvent([poison, aRecordOf(InvoiceIssued, anInvoiceFor('ord_fine'))]), aLambdaContext());

    const again = await handler(
      anSqsEvent([poison, aRecordOf(InvoiceIssued, anInvoiceFor('ord_fine'))]),
      aLambdaContext(),
    );

    expect(again.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
  });
});
