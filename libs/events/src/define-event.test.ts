import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent, isPastTenseFact } from './define-event';
import { EventDefinitionError } from './errors';

const spec = {
  producer: 'orders',
  detailType: 'Order.OrderShipped',
  version: '1',
  description: 'An order left the warehouse.',
  consumers: [{ service: 'users', purpose: 'Tells the customer.' }],
  data: z.object({ orderId: z.string() }),
  sample: { orderId: 'ord_1' },
} as const;

describe('defineEvent', () => {
  it('derives the source, the key and a complete sample detail from the spec', () => {
    const definition = defineEvent(spec);

    expect(definition.source).toBe('shop.orders');
    expect(definition.key).toBe('Order.OrderShipped.v1');
    expect(definition.sampleDetail.data).toEqual({ orderId: 'ord_1' });
    expect(definition.sampleDetail.metadata).toMatchObject({ domain: 'shop', service: 'orders', event_version: '1' });
    expect(definition.detail.safeParse(definition.sampleDetail).success).toBe(true);
  });

  it.each([
    ['a detail-type without an entity', 'OrderShipped'],
    ['a detail-type in kebab-case', 'order.order-shipped'],
    ['a command instead of a fact', 'Order.ShipOrder'],
  ])('rejects %s', (_, detailType) => {
    expect(() => defineEvent({ ...spec, detailType })).toThrow(EventDefinitionError);
  });

  it('rejects a version that is not a positive integer', () => {
    expect(() => defineEvent({ ...spec, version: 'v1' })).toThrow(/version "v1"/);
  });
});

describe('isPastTenseFact', () => {
  it.each(['Order.OrderConfirmed', 'Inventory.StockReservationFailed', 'Order.OrderPaid', 'Order.OrderSent'])(
    'accepts %s',
    (detailType) => {
      expect(isPastTenseFact(detailType)).toBe(true);
    },
  );

  it.each(['Order.ConfirmOrder', 'Inventory.ReserveStock', 'Order.OrderCancellation'])('rejects %s', (detailType) => {
    expect(isPastTenseFact(detailType)).toBe(false);
  });
});
