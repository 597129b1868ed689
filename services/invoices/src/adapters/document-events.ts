import { CreditNoteIssued, eventOf, InvoiceIssued, type EventPublisher } from '@shop/events';
import type { InvoiceDocument } from '../domain/invoice';
import type { DocumentEvents } from '../ports';

/**
 * Publishes Invoice.InvoiceIssued and Invoice.CreditNoteIssued with EventPublisher (validated against the
 * contracts, metadata from the correlation context). Ids, numbers and totals only: no personal data.
 */
export class PublishedDocumentEvents implements DocumentEvents {
  constructor(private readonly publisher: EventPublisher<'invoices'>) {}

  async issued(document: InvoiceDocument): Promise<void> {
    const { id, number, issuedAt, currency, totals, orderId, customerId } = document;
    const time = new Date(issuedAt);
    if (document.kind === 'INVOICE') {
      const invoice = { id, number, issuedAt, currency, totals };
      await this.publisher.publish(eventOf(InvoiceIssued, { invoice, orderId, customerId }, { time }));
      return;
    }
    const creditNote = { id, number, issuedAt, currency, totals };
    await this.publisher.publish(
      eventOf(CreditNoteIssued, { creditNote, invoice: document.invoice, orderId, customerId }, { time }),
    );
  }
}
