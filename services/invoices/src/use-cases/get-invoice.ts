import { InvoiceNotFoundError } from '../domain/errors';
import { pdfKeyOf, type Invoice } from '../domain/invoice';
import type { InvoiceStore, PdfStore } from '../ports';

/** How long a PDF link works: long enough to click, short enough that a leaked link soon stops working. */
export const PDF_LINK_SECONDS = 5 * 60;

/** Who asks: the JWT's `sub`, and whether they are in the `admin` group. */
export type Caller = { readonly customerId: string; readonly isAdmin: boolean };

export type InvoiceView = {
  readonly invoice: Pick<
    Invoice,
    'id' | 'number' | 'issuedAt' | 'orderId' | 'currency' | 'lines' | 'taxSummary' | 'totals' | 'billingAddress'
  > & { readonly creditNote?: { readonly id: string; readonly number: string; readonly issuedAt: string } };
  readonly pdf: { readonly url: string; readonly expiresAt: string };
};

/**
 * The issued invoice of an order, for its customer or an admin, with a link to its PDF valid five minutes.
 *
 * @throws InvoiceNotFoundError when there is no issued invoice yet, or the caller may not see it: the same
 *   answer, so a caller learns nothing about other customers' orders.
 */
export const makeGetInvoice =
  (deps: { store: InvoiceStore; pdfs: PdfStore; clock: () => Date }) =>
  async (orderId: string, caller: Caller): Promise<InvoiceView> => {
    const { invoice, creditNote } = await deps.store.documentsOf(orderId);
    if (invoice?.status !== 'ISSUED') throw new InvoiceNotFoundError(orderId);
    if (!caller.isAdmin && caller.customerId !== invoice.customerId) throw new InvoiceNotFoundError(orderId);
    const expiresAt = new Date(deps.clock().getTime() + PDF_LINK_SECONDS * 1000).toISOString();
    const url = await deps.pdfs.downloadUrl(pdfKeyOf(invoice), PDF_LINK_SECONDS);
    const { id, number, issuedAt, currency, lines, taxSummary, totals, billingAddress } = invoice;
    const credit =
      creditNote?.status === 'ISSUED'
        ? { creditNote: { id: creditNote.id, number: creditNote.number, issuedAt: creditNote.issuedAt } }
        : {};
    return {
      invoice: { id, number, issuedAt, orderId, currency, lines, taxSummary, totals, billingAddress, ...credit },
      pdf: { url, expiresAt },
    };
  };
