import { OrderCancelled } from '@shop/events';
import { makeIdempotentFunction, type EventOf } from '@shop/lambda-kit';
import { newDocumentId } from '../../adapters/ids';
import { idempotencyTableName } from '../../config';
import { makeIssueCreditNote } from '../../use-cases/issue-credit-note';
import { activityLog, dynamoDbClient } from '../dependencies';
import { makeDeadLetters, makeIssueSteps } from '../issue-dependencies';
import { makeInboxHandler } from './inbox-handler';

const issueCreditNote = makeIssueCreditNote({
  ...makeIssueSteps(),
  clock: () => new Date(),
  newId: newDocumentId('cn'),
  log: activityLog,
});

/** One credit note per cancelled, invoiced order; an order never invoiced is recorded as done. */
const issueCreditNoteOnce = makeIdempotentFunction(
  (event: EventOf<typeof OrderCancelled>) => issueCreditNote(event.detail.data),
  {
    tableName: idempotencyTableName(),
    key: 'detail.data.orderId',
    client: dynamoDbClient,
    // Its own prefix: the confirmation consumer keys on the same order ids, in the same table.
    keyPrefix: 'invoices.order-cancelled',
  },
);

export const handler = makeInboxHandler(OrderCancelled, issueCreditNoteOnce, makeDeadLetters());
