import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CurrencyCode } from '../envelope';
import { CustomerId, InvoiceId, OrderId, Timestamp } from '../identifiers';
import { OrderTotals } from '../orders/order-parts';

export const InvoiceIssued = defineEvent({
  producer: 'invoices',
  detailType: 'Invoice.InvoiceIssued',
  version: '1',
  description:
    'An invoice was issued for a confirmed order and its PDF stored. Carries ids, the number and the totals: ' +
    'no personal data (the invoice itself holds that, behind the invoices API).',
  consumers: [
    {
      service: 'orders',
      purpose: 'Marks the order as invoiced and keeps the invoice id and number, so the order page can link to it.',
    },
  ],
  data: z.object({
    invoice: z
      .object({
        id: InvoiceId,
        number: z
          .string()
          .regex(/^INV-\d{4}-\d{6}$/, 'Expected an invoice number such as "INV-2025-000123"')
          .describe('Sequential, human-facing invoice number: INV-<year>-<6 digits>.'),
        issuedAt: Timestamp.describe('Date of issue printed on the invoice.'),
        currency: CurrencyCode,
        totals: OrderTotals.describe('The invoiced sums: those of the order.'),
      })
      .describe('The invoice.'),
    orderId: OrderId,
    customerId: CustomerId,
  }),
  sample: {
    invoice: {
      id: 'inv_01JPC7P0X2Z4B6D8F0H2K4M6P8',
      number: 'INV-2025-000123',
      issuedAt: '2025-03-14T09:27:01.446Z',
      currency: 'GBP',
      totals: {
        subtotal: { amount: 3350, currency: 'GBP' },
        shipping: { amount: 400, currency: 'GBP' },
        tax: { amount: 580, currency: 'GBP' },
        total: { amount: 4330, currency: 'GBP' },
      },
    },
    orderId: 'ord_01JPC7M2H4K6P8R0T2V4X6Z8B0',
    customerId: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
  },
});
export type InvoiceIssuedData = z.infer<typeof InvoiceIssued.data>;
