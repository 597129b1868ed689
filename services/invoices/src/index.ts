// What other code may use from the invoices service: its domain types and rules (pure TypeScript), the error
// codes it answers with, and the ports. Handlers are Lambda entry points, bundled from their files.
export * from './domain/errors';
export { checkFigures, taxOn } from './domain/figures';
export {
  buildCreditNote,
  buildInvoice,
  pdfKeyOf,
  type BuiltInvoice,
  type CreditNote,
  type CreditNoteDraft,
  type DocumentStatus,
  type Invoice,
  type InvoiceDocument,
  type InvoiceDraft,
  type InvoiceLine,
  type Numbered,
  type Totals,
} from './domain/invoice';
export {
  MAX_SEQUENCE,
  SERIES,
  documentNumber,
  numberingYear,
  parseDocumentNumber,
  type Series,
} from './domain/numbering';
export { TAX_RATES, percent, rateName, type RateName } from './domain/tax-rates';
export { summarizeTax, type TaxSummaryEntry } from './domain/tax-summary';
export { PDF_LINK_SECONDS, type Caller, type InvoiceView } from './use-cases/get-invoice';
export type * from './ports';
