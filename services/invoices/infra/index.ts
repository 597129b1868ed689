export { InvoicesData, type InvoicesDataProps } from './invoices-data';
export {
  InvoicesService,
  type InvoicesServiceProps,
  type InvoicesFunctions,
  INVOICES_EVENT_SOURCE,
  INVOICE_CONSUMER_MAX_CONCURRENCY,
  CONSUMER_TIMEOUT,
} from './invoices-service';
export { INVOICES_ROUTES } from './invoices-routes';
export { EventInbox, type EventInboxProps } from './event-inbox';
export { AlarmedDeadLetterQueue, type AlarmedDeadLetterQueueProps } from './dead-letter-queue';
export { PDF_PREFIXES, grantPdfAccess } from './pdf-access';
