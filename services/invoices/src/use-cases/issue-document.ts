import { pdfKeyOf, type InvoiceDocument } from '../domain/invoice';
import type { DocumentEvents, DocumentRenderer, InvoiceStore, PdfStore } from '../ports';

export type IssueSteps = {
  readonly store: InvoiceStore;
  readonly pdfs: PdfStore;
  readonly renderer: DocumentRenderer;
  readonly events: DocumentEvents;
};

/**
 * The steps after numbering, each safe to repeat, so a redelivery after a crash anywhere goes on from where the
 * last attempt stopped: render and store the PDF (same key, same bytes), publish the event, mark it issued.
 * Publishing before marking means a crash in between publishes twice (consumers are idempotent), never zero times.
 */
export async function completeIssue(document: InvoiceDocument, steps: IssueSteps): Promise<InvoiceDocument> {
  if (document.status === 'ISSUED') return document;
  await steps.pdfs.put(pdfKeyOf(document), await steps.renderer.render(document));
  await steps.events.issued(document);
  await steps.store.markIssued(document);
  return { ...document, status: 'ISSUED' };
}
