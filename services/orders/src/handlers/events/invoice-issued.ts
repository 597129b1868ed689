import { InvoiceIssued } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { DynamoOrderInvoices } from '../../adapters/dynamodb-order-invoices';
import { idempotencyTableName, tableName } from '../config';
import { documentClient, dynamoDbClient } from '../dependencies';

const invoices = new DynamoOrderInvoices({ doc: documentClient, tableName: tableName() });

/**
 * Records on the order the invoice issued for it, so the order shows it and links to it. The write sets the
 * same values however often it runs; Powertools idempotency, keyed on the invoice id, skips a repeat before it
 * reaches the table. An invoice for an order this service does not hold (or holds for another customer) fails
 * the record every time, so it ends in the DLQ, where its alarm calls for a look.
 */
const recordOnce = makeIdempotentFunction(
  async (event: EventOf<typeof InvoiceIssued>) => {
    const { invoice, orderId, customerId } = event.detail.data;
    await invoices.record({ orderId, customerId, invoice });
    logger.info('Invoice recorded on the order', { orderId, invoiceId: invoice.id, invoiceNumber: invoice.number });
    return { orderId, invoiceId: invoice.id };
  },
  { tableName: idempotencyTableName(), key: 'detail.data.invoice.id', client: dynamoDbClient },
);

export const handler = makeSqsHandler(InvoiceIssued, recordOnce);
