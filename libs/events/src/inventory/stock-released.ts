import { z } from 'zod';
import { defineEvent } from '../define-event';
import { OrderId, ProductId, Quantity, ReservationId, Sku, Timestamp } from '../identifiers';

export const StockReleased = defineEvent({
  producer: 'products',
  detailType: 'Inventory.StockReleased',
  version: '1',
  description:
    'Stock reserved for an order went back on sale, because the order was cancelled or the reservation lapsed. ' +
    'Products owns inventory, so it publishes this as shop.products.',
  // No service subscribes yet: the order's own compensation ends at Order.OrderCancelled. The fact is on the bus
  // (and in its archive) for the first consumer that needs it, e.g. a stock-level read model.
  consumers: [],
  data: z.object({
    orderId: OrderId,
    reservationId: ReservationId,
    reasonCode: z
      .enum(['ORDER_CANCELLED', 'RESERVATION_EXPIRED'])
      .describe(
        'ORDER_CANCELLED: after Order.OrderCancelled. RESERVATION_EXPIRED: the order was not confirmed in time.',
      ),
    lines: z
      .array(z.object({ sku: Sku, productId: ProductId, quantity: Quantity }))
      .min(1)
      .describe('What went back on sale.'),
    releasedAt: Timestamp.describe('When the stock went back on sale.'),
  }),
  sample: {
    orderId: 'ord_01JPCB3N5Q7S9U1W3Y5A7C9E1G',
    reservationId: 'res_01JPCB3P6R8T0V2X4Z6B8D0F2H',
    reasonCode: 'ORDER_CANCELLED',
    lines: [{ sku: 'LAMP-BRASS-DESK', productId: 'prod_01JPB4T1G3J5L7N9Q1S3U5W7Y9', quantity: 1 }],
    releasedAt: '2025-03-14T11:05:12.338Z',
  },
});
export type StockReleasedData = z.infer<typeof StockReleased.data>;
