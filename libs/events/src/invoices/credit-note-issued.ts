import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CurrencyCode } from '../envelope';
import { CreditNoteId, CustomerId, InvoiceId, OrderId, Timestamp } from '../identifiers';
import { OrderTotals } from '../orders/order-parts';

export const CreditNoteIssued = defineEvent({
  producer: 'invoices',
  detailType: 'Invoice.CreditNoteIssued',
  version: '1',
  description:
    'A credit note was issued for an invoiced order that was cancelled, cancelling the whole invoice, and its PDF ' +
    'stored. Carries ids, the numbers and the credited totals: no personal data (the credit note itself holds ' +
    'that, behind the invoices API).',
  consumers: [],
  data: z.object({
    creditNote: z
      .object({
        id: CreditNoteId,
        number: z
          .string()
          .regex(/^CN-\d{4}-\d{6}$/, 'Expected a credit note number such as "CN-2025-000042"')
          .describe('Sequential, human-facing credit note number, its own series: CN-<year>-<6 digits>.'),
        issuedAt: Timestamp.describe('Date of issue printed on the credit note.'),
        currency: CurrencyCode,
        totals: OrderTotals.describe('The credited sums: those of the invoice, in full.'),
      })
      .describe('The credit note.'),
    invoice: z
      .object({
        id: InvoiceId,
        number: z
          .string()
          .regex(/^INV-\d{4}-\d{6}$/, 'Expected an invoice number such as "INV-2025-000123"')
          .describe('Number of the invoice the credit note cancels.'),
      })
      .describe('The invoice this credit note credits.'),
    orderId: OrderId,
    customerId: CustomerId,
  }),
  sample: {
    creditNote: {
      id: 'cn_01JPCB4Q6S8U0W2Y4A6C8E0G2J',
      number: 'CN-2025-000042',
      issuedAt: '2025-03-14T11:05:14.210Z',
      currency: 'GBP',
      totals: {
        subtotal: { amount: 3350, currency: 'GBP' },
        shipping: { amount: 400, currency: 'GBP' },
        tax: { amount: 580, currency: 'GBP' },
        total: { amount: 4330, currency: 'GBP' },
      },
    },
    invoice: { id: 'inv_01JPC7P0X2Z4B6D8F0H2K4M6P8', number: 'INV-2025-000123' },
    orderId: 'ord_01JPC7M2H4K6P8R0T2V4X6Z8B0',
    customerId: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
  },
});
export type CreditNoteIssuedData = z.infer<typeof CreditNoteIssued.data>;
