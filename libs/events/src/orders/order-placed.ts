import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CurrencyCode, Money } from '../envelope';
import { CustomerId, OrderId, ProductId, Quantity, Sku, Timestamp } from '../identifiers';
import { CheckoutTaskToken } from '../inventory/task-token';
import { OrderTotals } from './order-parts';

export const OrderPlaced = defineEvent({
  producer: 'orders',
  detailType: 'Order.OrderPlaced',
  version: '1',
  description:
    'A customer checked out: the order is priced and saved, and waits for stock. The checkout workflow ' +
    'publishes it and waits on the task token it carries until products answers.',
  consumers: [
    {
      service: 'products',
      purpose:
        'Reserves stock for every line, then answers with Inventory.StockReserved or Inventory.StockReservationFailed, echoing the task token.',
    },
  ],
  data: z.object({
    order: z
      .object({
        id: OrderId,
        placedAt: Timestamp.describe('When the customer checked out.'),
        currency: CurrencyCode.describe('Currency of every amount in the order.'),
        lines: z
          .array(
            z.object({
              sku: Sku,
              productId: ProductId,
              quantity: Quantity,
              unitPrice: Money.describe('Price of one item before tax, from the catalog when the cart was priced.'),
            }),
          )
          .min(1)
          .describe('What was ordered, one line per product.'),
        totals: OrderTotals,
      })
      .describe('The order as placed.'),
    customer: z.object({ id: CustomerId }).describe('Who placed the order.'),
    taskToken: CheckoutTaskToken.describe(
      'Task token of the checkout execution waiting for the stock answer. Products echoes it in Inventory.StockReserved or Inventory.StockReservationFailed.',
    ),
  }),
  sample: {
    order: {
      id: 'ord_01JPC7M2H4K6P8R0T2V4X6Z8B0',
      placedAt: '2025-03-14T09:26:53.120Z',
      currency: 'GBP',
      lines: [
        {
          sku: 'MUG-ENAMEL-BLU',
          productId: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7',
          quantity: 2,
          unitPrice: { amount: 1250, currency: 'GBP' },
        },
        {
          sku: 'TEA-EARLGREY-250',
          productId: 'prod_01JPB4R8D2F4H6K8M0P2R4T6W8',
          quantity: 1,
          unitPrice: { amount: 850, currency: 'GBP' },
        },
      ],
      totals: {
        subtotal: { amount: 3350, currency: 'GBP' },
        shipping: { amount: 400, currency: 'GBP' },
        tax: { amount: 580, currency: 'GBP' },
        total: { amount: 4330, currency: 'GBP' },
      },
    },
    customer: { id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c' },
    taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAb0EXAMPLEtaskTOKENm9vZ2xlLmNvbS8xL2NoZWNrb3V0',
  },
});
export type OrderPlacedData = z.infer<typeof OrderPlaced.data>;
