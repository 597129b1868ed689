import { OrderConfirmed } from '@shop/events';
import { makeIdempotentFunction, type EventOf } from '@shop/lambda-kit';
import { newDocumentId } from '../../adapters/ids';
import { idempotencyTableName } from '../../config';
import { makeIssueInvoice } from '../../use-cases/issue-invoice';
import { businessMetrics } from '../business-metrics';
import { activityLog, dynamoDbClient } from '../dependencies';
import { makeDeadLetters, makeIssueSteps } from '../issue-dependencies';
import { makeInboxHandler } from './inbox-handler';

const issueInvoice = makeIssueInvoice({
  ...makeIssueSteps(),
  clock: () => new Date(),
  newId: newDocumentId('inv'),
  log: activityLog,
  metrics: businessMetrics,
});

/**
 * One invoice per order: Powertools idempotency keyed on the order id answers a redelivered or replayed event
 * (whatever its event id) from the stored result, and the store's per-order guard covers the rest (a record
 * whose idempotency entry expired, or a first attempt that died half way).
 */
const issueInvoiceOnce = makeIdempotentFunction(
  (event: EventOf<typeof OrderConfirmed>) => issueInvoice(event.detail.data),
  {
    tableName: idempotencyTableName(),
    key: 'detail.data.order.id',
    client: dynamoDbClient,
    // Its own prefix: the cancellation consumer keys on the same order ids, in the same table.
    keyPrefix: 'invoices.order-confirmed',
  },
);

export const handler = makeInboxHandler(OrderConfirmed, issueInvoiceOnce, makeDeadLetters());
