import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CustomerId, OrderId, Timestamp } from '../identifiers';

export const ORDER_CANCELLATION_REASONS = [
  'OUT_OF_STOCK',
  'PAYMENT_DECLINED',
  'PAYMENT_FAILED',
  'CHECKOUT_TIMED_OUT',
  'CUSTOMER_REQUESTED',
] as const;

export const OrderCancelled = defineEvent({
  producer: 'orders',
  detailType: 'Order.OrderCancelled',
  version: '1',
  description:
    'An order will not be fulfilled. Published by the checkout compensation (or on request); every order ends ' +
    'either confirmed or cancelled.',
  consumers: [
    {
      service: 'products',
      purpose: 'Releases any stock still reserved for the order, then publishes Inventory.StockReleased.',
    },
    {
      service: 'invoices',
      purpose: 'Issues a credit note for an invoiced order, then publishes Invoice.CreditNoteIssued.',
    },
    {
      service: 'orders',
      purpose: "Counts the cancellation by reason, and the checkout's duration, as business metrics (once per order).",
    },
  ],
  data: z.object({
    orderId: OrderId,
    customerId: CustomerId,
    reasonCode: z.enum(ORDER_CANCELLATION_REASONS).describe('Why, for code to branch on.'),
    reason: z
      .string()
      .min(1)
      .max(500)
      .describe('Why, for people (support, the order history). Never contains card details or other PII.'),
    cancelledAt: Timestamp.describe('When the order was cancelled.'),
  }),
  sample: {
    orderId: 'ord_01JPCB3N5Q7S9U1W3Y5A7C9E1G',
    customerId: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
    reasonCode: 'PAYMENT_DECLINED',
    reason: 'The payment provider declined the authorization (insufficient funds).',
    cancelledAt: '2025-03-14T11:05:11.907Z',
  },
});
export type OrderCancelledData = z.infer<typeof OrderCancelled.data>;
