import { z } from 'zod';
import { defineEvent } from '../define-event';
import { Address, CurrencyCode, Money } from '../envelope';
import { CustomerId, OrderId, ProductId, Quantity, Sku, Timestamp } from '../identifiers';
import { pii } from '../pii';
import { OrderTotals } from './order-parts';

const ConfirmedLine = z.object({
  sku: Sku,
  productId: ProductId,
  name: z.string().min(1).max(200).describe('Product name when the order was placed, as the invoice prints it.'),
  quantity: Quantity,
  unitPrice: Money.describe('Price of one item before tax.'),
  subtotal: Money.describe('unitPrice × quantity, before tax.'),
  taxRateBasisPoints: z.int().min(0).max(10000).describe('Tax rate applied to the line, in basis points: 2000 is 20%.'),
  tax: Money.describe('Tax on the line.'),
  total: Money.describe('subtotal + tax.'),
});

export const OrderConfirmed = defineEvent({
  producer: 'orders',
  detailType: 'Order.OrderConfirmed',
  version: '1',
  description:
    'Stock is reserved and payment authorized: the order will be fulfilled. Carries everything needed to ' +
    'invoice it (lines with names and prices, tax, totals, customer, addresses), so invoices works from this event alone.',
  consumers: [
    {
      service: 'invoices',
      purpose: 'Builds and stores the invoice (PDF) from this event alone, then publishes Invoice.InvoiceIssued.',
    },
    {
      service: 'products',
      purpose: "Turns the order's stock reservation into a sale, so the reservation no longer lapses.",
    },
    {
      service: 'orders',
      purpose: "Counts the order, its revenue and the checkout's duration as business metrics (once per order).",
    },
  ],
  data: z.object({
    order: z
      .object({
        id: OrderId,
        placedAt: Timestamp.describe('When the customer checked out.'),
        confirmedAt: Timestamp.describe('When payment was authorized and the order confirmed.'),
        currency: CurrencyCode.describe('Currency of every amount in the order.'),
        lines: z.array(ConfirmedLine).min(1).describe('What was ordered, one line per product.'),
        totals: OrderTotals,
      })
      .describe('The confirmed order.'),
    customer: z
      .object({
        id: CustomerId,
        name: pii(z.string().min(1).max(200), 'name').describe('Name to address the customer by.'),
        email: pii(z.email(), 'email').describe('Where the invoice is sent.'),
      })
      .describe('Who to invoice. Personal data: sent because invoices needs it.'),
    billingAddress: Address.describe('Address printed on the invoice.'),
    shippingAddress: Address.describe('Where the order is delivered.'),
    payment: z
      .object({
        provider: z.string().min(1).describe('Payment provider that authorized the payment, e.g. "sandbox".'),
        authorizationId: z.string().min(1).describe("The provider's id of the authorization."),
        amount: Money.describe('Amount authorized: the order total.'),
      })
      .describe('The payment authorization.'),
  }),
  sample: {
    order: {
      id: 'ord_01JPC7M2H4K6P8R0T2V4X6Z8B0',
      placedAt: '2025-03-14T09:26:53.120Z',
      confirmedAt: '2025-03-14T09:26:57.902Z',
      currency: 'GBP',
      lines: [
        {
          sku: 'MUG-ENAMEL-BLU',
          productId: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7',
          name: 'Enamel camping mug, blue',
          quantity: 2,
          unitPrice: { amount: 1250, currency: 'GBP' },
          subtotal: { amount: 2500, currency: 'GBP' },
          taxRateBasisPoints: 2000,
          tax: { amount: 500, currency: 'GBP' },
          total: { amount: 3000, currency: 'GBP' },
        },
        {
          sku: 'TEA-EARLGREY-250',
          productId: 'prod_01JPB4R8D2F4H6K8M0P2R4T6W8',
          name: 'Earl Grey loose leaf tea, 250 g',
          quantity: 1,
          unitPrice: { amount: 850, currency: 'GBP' },
          subtotal: { amount: 850, currency: 'GBP' },
          taxRateBasisPoints: 0,
          tax: { amount: 0, currency: 'GBP' },
          total: { amount: 850, currency: 'GBP' },
        },
      ],
      totals: {
        subtotal: { amount: 3350, currency: 'GBP' },
        shipping: { amount: 400, currency: 'GBP' },
        tax: { amount: 580, currency: 'GBP' },
        total: { amount: 4330, currency: 'GBP' },
      },
    },
    customer: { id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    billingAddress: {
      name: 'Ada Lovelace',
      line1: '12 St James\u2019s Square',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: 'Flat 3',
      line2: '45 Marylebone High Street',
      city: 'London',
      region: 'Greater London',
      postalCode: 'W1U 5HG',
      country: 'GB',
    },
    payment: { provider: 'sandbox', authorizationId: 'auth_3KpQ9sT2vX8yZ1', amount: { amount: 4330, currency: 'GBP' } },
  },
});
export type OrderConfirmedData = z.infer<typeof OrderConfirmed.data>;
