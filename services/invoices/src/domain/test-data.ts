import { OrderConfirmed, type OrderConfirmedData } from '@shop/events';

/** @internal An OrderConfirmed's data (the contract's sample, figures that add up), with overrides. */
export function anOrderConfirmed(overrides: { orderId?: string; customerId?: string } = {}): OrderConfirmedData {
  const sample = structuredClone(OrderConfirmed.sample);
  return {
    ...sample,
    order: { ...sample.order, id: overrides.orderId ?? sample.order.id },
    customer: { ...sample.customer, id: overrides.customerId ?? sample.customer.id },
  };
}

/** @internal A GBP amount. */
export const gbp = (amount: number) => ({ amount, currency: 'GBP' });
