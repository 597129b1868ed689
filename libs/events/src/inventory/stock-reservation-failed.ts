import { z } from 'zod';
import { defineEvent } from '../define-event';
import { OrderId, ProductId, Sku, Timestamp } from '../identifiers';
import { CheckoutTaskToken } from './task-token';

export const StockReservationFailed = defineEvent({
  producer: 'products',
  detailType: 'Inventory.StockReservationFailed',
  version: '1',
  description: 'Stock for an order could not be set aside, so nothing was reserved for it. Says which lines and why.',
  consumers: [
    {
      service: 'orders',
      purpose: 'Fails the waiting checkout step: the workflow cancels the order (reason OUT_OF_STOCK).',
    },
  ],
  data: z.object({
    orderId: OrderId,
    taskToken: CheckoutTaskToken,
    reasonCode: z
      .enum(['INSUFFICIENT_STOCK', 'UNKNOWN_PRODUCT', 'PRODUCT_DISCONTINUED'])
      .describe('Why, for code to branch on.'),
    reason: z
      .string()
      .min(1)
      .max(500)
      .describe('Why, for people (logs, support), e.g. "Only 1 left of MUG-ENAMEL-BLU".'),
    lines: z
      .array(
        z.object({
          sku: Sku,
          productId: ProductId,
          requested: z.int().positive().describe('Quantity the order asked for.'),
          available: z.int().nonnegative().describe('Quantity that could have been reserved.'),
        }),
      )
      .min(1)
      .describe('The lines that could not be reserved (lines that could are not listed).'),
    failedAt: Timestamp.describe('When the reservation was refused.'),
  }),
  sample: {
    orderId: 'ord_01JPC9X4B6D8F0H2K4M6P8R0T2',
    taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAc1EXAMPLEtaskTOKENm9vZ2xlLmNvbS8yL2NoZWNrb3V0',
    reasonCode: 'INSUFFICIENT_STOCK',
    reason: 'Only 1 of MUG-ENAMEL-BLU is available; the order asked for 3.',
    lines: [{ sku: 'MUG-ENAMEL-BLU', productId: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7', requested: 3, available: 1 }],
    failedAt: '2025-03-14T10:02:11.874Z',
  },
});
export type StockReservationFailedData = z.infer<typeof StockReservationFailed.data>;
