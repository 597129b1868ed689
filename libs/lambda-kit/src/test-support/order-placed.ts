import { z } from 'zod';

// A small event contract for lambda-kit's own tests, shaped like the project's events (metadata +
// data, personal data inside), so these tests do not depend on any real event definition.

/** `detail` of the test event. */
export const OrderPlacedDetail = z.object({
  metadata: z.object({
    correlation_id: z.string(),
    causation_id: z.string(),
    domain: z.literal('shop'),
    service: z.literal('orders'),
    environment: z.string(),
    event_version: z.literal('1'),
  }),
  data: z.object({
    orderId: z.string(),
    customer: z.object({ id: z.string(), email: z.email() }),
    total: z.object({ amount: z.int().nonnegative(), currency: z.string().length(3) }),
  }),
});

/** The test contract: detail schema, source and detail-type (like an `EventDefinition`). */
export const OrderPlaced = {
  detail: OrderPlacedDetail,
  source: 'shop.orders',
  detailType: 'Order.OrderPlaced',
} as const;

/** The personal data in every test event, to assert it never reaches a log line. */
export const CUSTOMER_EMAIL = 'grace@example.com';

/**
 * A valid `detail` of the test event.
 *
 * @example
 * anOrderPlacedDetail({ orderId: 'ord_2', correlationId: 'corr-2' });
 */
export function anOrderPlacedDetail(input: { orderId?: string; correlationId?: string } = {}) {
  return {
    metadata: {
      correlation_id: input.correlationId ?? 'corr-from-event',
      causation_id: 'cause-1',
      domain: 'shop',
      service: 'orders',
      environment: 'test',
      event_version: '1',
    },
    data: {
      orderId: input.orderId ?? 'ord_1',
      customer: { id: 'cus_1', email: CUSTOMER_EMAIL },
      total: { amount: 5000, currency: 'GBP' },
    },
  };
}
