import type { OrderConfirmedData } from '@shop/events';
import { buildInvoice } from '../domain/invoice';
import type { ActivityLog, BusinessMetrics } from '../ports';
import { completeIssue, type IssueSteps } from './issue-document';

export type IssueInvoiceDeps = IssueSteps & {
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly log: ActivityLog;
  readonly metrics: BusinessMetrics;
};

export type IssueInvoiceResult = { readonly invoiceId: string; readonly number: string };

/**
 * Issues the invoice of a confirmed order: checks its figures, numbers and saves it (or finds the one already
 * saved: a duplicate or a retry burns no number), then completes whatever steps are left, and counts the invoice
 * when this call is the one that marked it issued.
 *
 * @throws FiguresDoNotAddUpError (poison: never retried) before anything is written.
 */
export const makeIssueInvoice =
  (deps: IssueInvoiceDeps) =>
  async (data: OrderConfirmedData): Promise<IssueInvoiceResult> => {
    const orderId = data.order.id;
    let invoice = (await deps.store.documentsOf(orderId)).invoice;
    if (invoice === undefined) {
      const { draft, unknownRates } = buildInvoice(data, { id: deps.newId(), issuedAt: deps.clock().toISOString() });
      if (unknownRates.length > 0) {
        deps.log.warn('Tax rate missing from the rate table; printed as "VAT x%"', {
          orderId,
          country: draft.billingAddress.country,
          unknownRates,
        });
      }
      invoice = await deps.store.saveNumbered(draft);
    }
    const wasIssued = invoice.status === 'ISSUED';
    const issued = await completeIssue(invoice, deps);
    if (!wasIssued) deps.metrics.invoiceIssued();
    deps.log.info('Invoice issued', { orderId, invoiceId: issued.id, number: issued.number });
    return { invoiceId: issued.id, number: issued.number };
  };
