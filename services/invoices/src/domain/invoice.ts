import type { Address, Money, OrderConfirmedData } from '@shop/events';
import { checkFigures } from './figures';
import { numberingYear } from './numbering';
import { rateName } from './tax-rates';
import { summarizeTax, type TaxSummaryEntry } from './tax-summary';

/** One printed line: what, how many, at what price and rate, and its sums. */
export type InvoiceLine = {
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly taxRateBasisPoints: number;
  /** The rate's name in the billing country, e.g. "Standard rate 20%". */
  readonly taxRateName: string;
  readonly subtotal: Money;
  readonly tax: Money;
  readonly total: Money;
};

export type Totals = { readonly subtotal: Money; readonly shipping: Money; readonly tax: Money; readonly total: Money };

/** NUMBERED: the number is taken and the document saved. ISSUED: its PDF is stored and its event published. */
export type DocumentStatus = 'NUMBERED' | 'ISSUED';

/** What an invoice and a credit note share: who, what, and the sums. */
type DocumentBody = {
  readonly id: string;
  readonly issuedAt: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly customer: { readonly name: string; readonly email: string };
  readonly billingAddress: Address;
  readonly currency: string;
  readonly lines: readonly InvoiceLine[];
  readonly taxSummary: readonly TaxSummaryEntry[];
  readonly totals: Totals;
};

export type InvoiceDraft = DocumentBody & { readonly kind: 'INVOICE' };
export type CreditNoteDraft = DocumentBody & {
  readonly kind: 'CREDIT_NOTE';
  /** The invoice this credit note cancels, in full. */
  readonly invoice: { readonly id: string; readonly number: string };
};
/** A draft is numbered when it is saved: the number and the saving are one transaction. */
export type Numbered<D> = D & { readonly number: string; readonly status: DocumentStatus };
export type Invoice = Numbered<InvoiceDraft>;
export type CreditNote = Numbered<CreditNoteDraft>;
export type InvoiceDocument = Invoice | CreditNote;

/** The invoice, and the rates the tax table could not name (print as "VAT x%"; worth a warning). */
export type BuiltInvoice = { readonly draft: InvoiceDraft; readonly unknownRates: readonly number[] };

/**
 * The invoice of a confirmed order, from the event alone: its lines with each rate's name in the billing
 * country, a tax summary per rate, and the order's totals. The number comes when it is saved.
 *
 * @throws FiguresDoNotAddUpError if the order's figures do not add up exactly (see checkFigures).
 */
export function buildInvoice(data: OrderConfirmedData, ids: { id: string; issuedAt: string }): BuiltInvoice {
  const { order, customer, billingAddress } = data;
  checkFigures(order);
  const country = billingAddress.country;
  const unknownRates = new Set<number>();
  const lines = order.lines.map((line): InvoiceLine => {
    const rate = rateName(country, line.taxRateBasisPoints);
    if (!rate.known) unknownRates.add(line.taxRateBasisPoints);
    const { sku, name, quantity, unitPrice, taxRateBasisPoints, subtotal, tax, total } = line;
    return { sku, name, quantity, unitPrice, taxRateBasisPoints, taxRateName: rate.name, subtotal, tax, total };
  });
  const draft: InvoiceDraft = {
    kind: 'INVOICE',
    ...ids,
    orderId: order.id,
    customerId: customer.id,
    customer: { name: customer.name, email: customer.email },
    billingAddress,
    currency: order.currency,
    lines,
    taxSummary: summarizeTax(lines, order.totals, country),
    totals: order.totals,
  };
  return { draft, unknownRates: [...unknownRates] };
}

/** The credit note that cancels an invoice in full: the same lines and sums, its own id and issue date. */
export function buildCreditNote(invoice: Invoice, ids: { id: string; issuedAt: string }): CreditNoteDraft {
  const { customerId, customer, billingAddress, currency, lines, taxSummary, totals, orderId } = invoice;
  return {
    kind: 'CREDIT_NOTE',
    ...ids,
    orderId,
    customerId,
    customer,
    billingAddress,
    currency,
    lines,
    taxSummary,
    totals,
    invoice: { id: invoice.id, number: invoice.number },
  };
}

/** Where a document's PDF is stored: `invoices/<year>/<number>.pdf` or `credit-notes/<year>/<number>.pdf`. */
export function pdfKeyOf(document: Pick<InvoiceDocument, 'kind' | 'number' | 'issuedAt'>): string {
  const folder = document.kind === 'INVOICE' ? 'invoices' : 'credit-notes';
  return `${folder}/${numberingYear(document.issuedAt)}/${document.number}.pdf`;
}
