import { orderIdFor } from '../../src/adapters/ids';
import { MUG_LINE, SHIPPING } from '../../src/adapters/testing/order-items';
import { PricedOrder } from '../../src';

const gbp = (amount: number) => ({ amount, currency: 'GBP' });

/** @internal What PriceCheckout hands the Checkout workflow, as its schema guarantees it. */
export const PRICED_ORDER: PricedOrder = PricedOrder.parse({
  orderId: orderIdFor('customer-ada', 'key-1'),
  customer: { id: 'customer-ada', email: "ada.o'hara@example.com", name: SHIPPING.name },
  currency: 'GBP',
  lines: [MUG_LINE],
  totals: { subtotal: gbp(2500), shipping: gbp(0), tax: gbp(500), total: gbp(3000) },
  itemCount: 2,
  shippingAddress: SHIPPING,
  billingAddress: SHIPPING,
  payment: { token: 'tok_visa', brand: 'visa', last4: '4242' },
  correlationId: 'corr-1',
});

/** @internal A context object of a Checkout execution, at some state. */
export const CHECKOUT_CONTEXT = {
  Execution: {
    Id: `arn:aws:states:eu-west-2:123456789012:execution:Checkout:${PRICED_ORDER.orderId}`,
    StartTime: '2025-03-14T09:26:53.120Z',
  },
  State: { EnteredTime: '2025-03-14T09:26:57.902Z', Name: 'AnyState' },
  Task: { Token: 'AQCEAAAAKgAAAAMAAAAAAAAAAb0EXAMPLEtaskTOKEN' },
};
