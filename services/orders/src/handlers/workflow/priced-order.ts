import { Address, CurrencyCode, CustomerId, OrderId, OrderTotals } from '@shop/events';
import { z } from 'zod';
import { PricedOrderLine } from '../../adapters/order-item';
import { CARD_BRANDS, orderCustomer, type CardBrand, type CustomerProfile, type PricedCart } from '../../domain';
import type { CheckoutRequestWithToken } from './checkout-request-with-token';
import { PaymentTokenId } from './checkout-request-with-token';

/**
 * What PriceCheckout hands the Standard `Checkout` workflow (its input). Lines and totals are already
 * in the shape Order.OrderPlaced and Order.OrderConfirmed carry, so the workflow copies them with
 * JSONPath and never reshapes a list. There is no timestamp in it: a retried request must produce the
 * same input, so StartExecution sees the same execution (the workflow takes `placedAt` from
 * `$$.Execution.StartTime`).
 */
export const PricedOrder = z.object({
  orderId: OrderId,
  customer: z.object({
    id: CustomerId,
    email: z.email(),
    name: z
      .string()
      .min(1)
      .max(200)
      .describe("Who the invoice addresses: the customer profile's name, else the billing address's recipient."),
  }),
  currency: CurrencyCode,
  lines: z.array(PricedOrderLine).min(1),
  totals: OrderTotals,
  itemCount: z.int().positive(),
  shippingAddress: Address,
  billingAddress: Address,
  payment: z.object({ token: PaymentTokenId, brand: z.enum(CARD_BRANDS), last4: z.string().regex(/^\d{4}$/) }),
  correlationId: z.string().min(1),
});
export type PricedOrder = z.infer<typeof PricedOrder>;

export type PricedOrderInput = {
  readonly orderId: string;
  readonly customerId: string;
  readonly correlationId: string;
  readonly request: CheckoutRequestWithToken;
  readonly priced: PricedCart;
  readonly card: { readonly brand: CardBrand; readonly last4: string };
  /** Orders' copy of the customer's profile, if it holds one. */
  readonly profile?: CustomerProfile;
};

/** The priced cart as the order the workflow takes. No shipping charge is modelled yet: it is zero. */
export function toPricedOrder(input: PricedOrderInput): PricedOrder {
  const { orderId, customerId, correlationId, request, priced, card, profile } = input;
  const billingAddress = request.billingAddress ?? request.shippingAddress;
  const { net, tax, gross, itemCount } = priced.totals;
  return {
    orderId,
    customer: orderCustomer({ id: customerId, email: request.email, billingName: billingAddress.name }, profile),
    currency: priced.currency,
    lines: priced.lines.map((line) => ({
      sku: line.sku,
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      subtotal: line.net,
      taxRateBasisPoints: line.taxRateBasisPoints,
      tax: line.tax,
      total: line.gross,
    })),
    totals: { subtotal: net, shipping: { amount: 0, currency: priced.currency }, tax, total: gross },
    itemCount,
    shippingAddress: request.shippingAddress,
    billingAddress,
    payment: { token: request.payment.token, brand: card.brand, last4: card.last4 },
    correlationId,
  };
}
