import { documentNumber, numberingYear } from '../domain/numbering';
import type { CreditNoteDraft, InvoiceDocument, InvoiceDraft, Numbered } from '../domain/invoice';
import type {
  ActivityLog,
  BusinessMetrics,
  DocumentEvents,
  DocumentRenderer,
  InvoiceStore,
  OrderDocuments,
  PdfStore,
} from '../ports';

/** @internal An in-memory InvoiceStore with the same numbering rules as the DynamoDB one. */
export class InMemoryInvoiceStore implements InvoiceStore {
  readonly documents = new Map<string, OrderDocuments>();
  readonly counters = new Map<string, number>();

  async documentsOf(orderId: string): Promise<OrderDocuments> {
    return this.documents.get(orderId) ?? {};
  }

  async saveNumbered<D extends InvoiceDraft | CreditNoteDraft>(draft: D): Promise<Numbered<D>> {
    const slot = draft.kind === 'INVOICE' ? 'invoice' : 'creditNote';
    const existing = this.documents.get(draft.orderId)?.[slot];
    if (existing !== undefined) return existing as Numbered<D>;
    const series = draft.kind === 'INVOICE' ? 'INV' : 'CN';
    const year = numberingYear(draft.issuedAt);
    const sequence = (this.counters.get(`${series}#${year}`) ?? 0) + 1;
    this.counters.set(`${series}#${year}`, sequence);
    const numbered = { ...draft, number: documentNumber(series, year, sequence), status: 'NUMBERED' as const };
    this.documents.set(draft.orderId, { ...this.documents.get(draft.orderId), [slot]: numbered });
    return numbered;
  }

  async markIssued(document: InvoiceDocument): Promise<void> {
    const slot = document.kind === 'INVOICE' ? 'invoice' : 'creditNote';
    const current = this.documents.get(document.orderId) ?? {};
    const stored = current[slot];
    if (stored !== undefined)
      this.documents.set(document.orderId, { ...current, [slot]: { ...stored, status: 'ISSUED' } });
  }
}

/** @internal */
export class InMemoryPdfStore implements PdfStore {
  readonly objects = new Map<string, Uint8Array>();

  async put(key: string, pdf: Uint8Array): Promise<void> {
    this.objects.set(key, pdf);
  }

  async downloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    return `https://pdfs.example/${key}?expires=${expiresInSeconds}`;
  }
}

/** @internal Renders a document as its number, so tests can see which one was stored. */
export const textRenderer: DocumentRenderer = {
  render: async (document) => new TextEncoder().encode(document.number),
};

/** @internal Remembers each published document's number, in order. */
export class RecordedEvents implements DocumentEvents {
  readonly published: string[] = [];

  async issued(document: InvoiceDocument): Promise<void> {
    this.published.push(document.number);
  }
}

/** @internal */
export class RecordedLog implements ActivityLog {
  readonly lines: { level: 'info' | 'warn'; message: string; attributes: Record<string, unknown> }[] = [];

  info(message: string, attributes: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, attributes });
  }

  warn(message: string, attributes: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, attributes });
  }
}

/** @internal Counts what the use cases count. */
export class CountedMetrics implements BusinessMetrics {
  invoicesIssued = 0;

  invoiceIssued(): void {
    this.invoicesIssued += 1;
  }
}

/** @internal Every port of the issuing use cases, in memory, with a fixed clock and counted ids. */
export function inMemoryIssuing(now = new Date('2026-11-28T10:30:00.000Z')) {
  let ids = 0;
  return {
    store: new InMemoryInvoiceStore(),
    pdfs: new InMemoryPdfStore(),
    renderer: textRenderer,
    events: new RecordedEvents(),
    log: new RecordedLog(),
    metrics: new CountedMetrics(),
    clock: () => now,
    newId: () => `id_${++ids}`,
  };
}
