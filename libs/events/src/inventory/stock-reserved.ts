import { z } from 'zod';
import { defineEvent } from '../define-event';
import { OrderId, ProductId, Quantity, ReservationId, Sku, Timestamp } from '../identifiers';
import { CheckoutTaskToken } from './task-token';

export const StockReserved = defineEvent({
  producer: 'products',
  detailType: 'Inventory.StockReserved',
  version: '1',
  description:
    'Stock for every line of an order was set aside. Products owns inventory, so it publishes this as shop.products.',
  consumers: [
    {
      service: 'orders',
      purpose: 'Resumes the checkout workflow waiting on the task token: it goes on to authorize payment.',
    },
  ],
  data: z.object({
    orderId: OrderId,
    reservationId: ReservationId,
    taskToken: CheckoutTaskToken,
    lines: z
      .array(z.object({ sku: Sku, productId: ProductId, quantity: Quantity }))
      .min(1)
      .describe('What was reserved: every line of the order.'),
    reservedAt: Timestamp.describe('When the stock was set aside.'),
    expiresAt: Timestamp.describe(
      'When the reservation lapses and the stock goes back on sale unless the order is confirmed.',
    ),
  }),
  sample: {
    orderId: 'ord_01JPC7M2H4K6P8R0T2V4X6Z8B0',
    reservationId: 'res_01JPC7M3A5C7E9G1J3L5N7Q9S1',
    taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAb0EXAMPLEtaskTOKENm9vZ2xlLmNvbS8xL2NoZWNrb3V0',
    lines: [
      { sku: 'MUG-ENAMEL-BLU', productId: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7', quantity: 2 },
      { sku: 'TEA-EARLGREY-250', productId: 'prod_01JPB4R8D2F4H6K8M0P2R4T6W8', quantity: 1 },
    ],
    reservedAt: '2025-03-14T09:26:54.210Z',
    expiresAt: '2025-03-14T09:41:54.210Z',
  },
});
export type StockReservedData = z.infer<typeof StockReserved.data>;
