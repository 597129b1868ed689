import type { OrderCancelledData } from '@shop/events';
import { InvoiceNotIssuedYetError } from '../domain/errors';
import { buildCreditNote } from '../domain/invoice';
import type { ActivityLog } from '../ports';
import { completeIssue, type IssueSteps } from './issue-document';

export type IssueCreditNoteDeps = IssueSteps & {
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly log: ActivityLog;
};

export type IssueCreditNoteResult =
  | { readonly kind: 'CREDITED'; readonly creditNoteId: string; readonly number: string }
  | { readonly kind: 'NOT_INVOICED' };

/**
 * Cancels the invoice of a cancelled order with a credit note (its own number series), once. An order never
 * invoiced needs none: that is logged and the cancellation is done.
 *
 * @throws InvoiceNotIssuedYetError while the invoice is numbered but not issued: SQS retries the record later.
 */
export const makeIssueCreditNote =
  (deps: IssueCreditNoteDeps) =>
  async (data: OrderCancelledData): Promise<IssueCreditNoteResult> => {
    const { orderId } = data;
    const documents = await deps.store.documentsOf(orderId);
    const { invoice } = documents;
    if (invoice === undefined) {
      deps.log.info('Cancelled order was never invoiced: no credit note', { orderId });
      return { kind: 'NOT_INVOICED' };
    }
    if (invoice.status !== 'ISSUED') throw new InvoiceNotIssuedYetError(orderId);
    const creditNote =
      documents.creditNote ??
      (await deps.store.saveNumbered(
        buildCreditNote(invoice, { id: deps.newId(), issuedAt: deps.clock().toISOString() }),
      ));
    const issued = await completeIssue(creditNote, deps);
    deps.log.info('Credit note issued', { orderId, creditNoteId: issued.id, number: issued.number });
    return { kind: 'CREDITED', creditNoteId: issued.id, number: issued.number };
  };
