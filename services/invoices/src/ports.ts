import type { CreditNote, CreditNoteDraft, Invoice, InvoiceDocument, InvoiceDraft, Numbered } from './domain/invoice';

/** An order's documents: its invoice and, once the order is cancelled, the credit note that cancels it. */
export type OrderDocuments = { readonly invoice?: Invoice; readonly creditNote?: CreditNote };

/**
 * Where invoices and credit notes are kept, and numbered.
 *
 * @example
 * const invoice = await store.saveNumbered(draft); // INV-2026-000124, or the order's existing invoice
 */
export interface InvoiceStore {
  /** The order's documents, read consistently. */
  documentsOf(orderId: string): Promise<OrderDocuments>;
  /**
   * Takes the next number of the draft's series and year and saves the draft with it, as one transaction, status
   * NUMBERED. If the order already has a document of this kind, saves nothing, burns no number and returns that one.
   *
   * @throws NumberContendedError when other writers kept taking the number first, attempt after attempt.
   */
  saveNumbered<D extends InvoiceDraft | CreditNoteDraft>(draft: D): Promise<Numbered<D>>;
  /** Records that the document's PDF is stored and its event published. Repeating it changes nothing. */
  markIssued(document: InvoiceDocument): Promise<void>;
}

/**
 * The PDFs, at keys `pdfKeyOf` gives.
 *
 * @example
 * await pdfs.put('invoices/2026/INV-2026-000124.pdf', bytes);
 */
export interface PdfStore {
  /** Stores (or overwrites with the same bytes) a PDF. */
  put(key: string, pdf: Uint8Array): Promise<void>;
  /** A URL anyone holding it can GET the PDF from, until `expiresInSeconds` have passed. */
  downloadUrl(key: string, expiresInSeconds: number): Promise<string>;
}

/**
 * Lays a document out as a PDF. Given the same document, it returns the same bytes.
 *
 * @example
 * const bytes = await renderer.render(invoice);
 */
export interface DocumentRenderer {
  render(document: InvoiceDocument): Promise<Uint8Array>;
}

/**
 * Tells the other services a document was issued (Invoice.InvoiceIssued, Invoice.CreditNoteIssued).
 *
 * @example
 * await events.issued(invoice);
 */
export interface DocumentEvents {
  issued(document: InvoiceDocument): Promise<void>;
}

/** What the use cases log: business facts worth a line, never personal data. */
export interface ActivityLog {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/** The business metrics the use cases count (in Lambda: EMF in the `Shop` namespace, read by the dashboards). */
export interface BusinessMetrics {
  /** One more invoice issued: counted by the attempt that marks it issued, so a redelivery counts nothing. */
  invoiceIssued(): void;
}
