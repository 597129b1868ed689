import { z } from 'zod';
import type { AppConfigFeatureFlags } from '../../adapters/appconfig-feature-flags';
import type { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import type { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import type { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { cartNotFound, OrdersServiceError } from '../../adapters/errors';
import { orderIdFor } from '../../adapters/ids';
import type { PaymentsTokenClient } from '../../adapters/payments-token-client';
import { acceptedBrand, assertCartOpen, OrdersDomainError, priceCart, type Cart } from '../../domain';
import { CheckoutRequestWithToken } from './checkout-request-with-token';
import { toPricedOrder, type PricedOrder } from './priced-order';

/** A body given as JSON text is parsed first; anything that is not JSON is left for the schema to refuse. */
const jsonText = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** What the CheckoutIntake state machine passes the PriceCheckout task. */
export const PriceCheckoutInput = z.object({
  /** The request body as API Gateway validated it (an object, or its JSON text). */
  body: z.preprocess(jsonText, CheckoutRequestWithToken),
  /** The Cognito `sub` of the signed-in caller. */
  customerId: z.string().min(1).max(128),
  requestId: z.string().min(1).max(256),
  idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,255}$/),
  correlationId: z.string().min(1).max(256),
});
export type PriceCheckoutInput = z.input<typeof PriceCheckoutInput>;

export type PriceCheckoutDependencies = {
  readonly carts: Pick<DynamoCartRepository, 'get'>;
  readonly catalog: Pick<DynamoCatalogCopy, 'getMany'>;
  readonly customers: Pick<DynamoCustomerCopy, 'get'>;
  readonly paymentTokens: Pick<PaymentsTokenClient, 'getToken'>;
  readonly flags: Pick<AppConfigFeatureFlags, 'paymentFlags'>;
  readonly currency: string;
  readonly clock?: () => Date;
};

/** @throws `ORDERS.CART_NOT_FOUND`, `ORDERS.CART_NOT_OWNED` (a guest cart, or another customer's). */
async function callersCart(carts: PriceCheckoutDependencies['carts'], cartId: string, customerId: string) {
  const stored = await carts.get(cartId);
  if (stored === undefined) throw cartNotFound(cartId);
  const { owner } = stored.cart;
  if (owner.kind !== 'customer' || owner.customerId !== customerId) {
    // A guest cart is merged into the customer's at sign-in; checkout buys the customer's own cart.
    throw new OrdersServiceError('ORDERS.CART_NOT_OWNED', `Cart ${cartId} is not the signed-in customer's cart`);
  }
  return stored.cart;
}

function assertNotEmpty(cart: Cart): void {
  if (cart.lines.length === 0) throw new OrdersDomainError('ORDERS.EMPTY_CART', 'The cart is empty');
}

/**
 * The PriceCheckout task: the caller's cart, priced from the catalog copy, paid with a card brand the
 * shop takes now (the `amex-payments` flag), for the customer as orders' copy of their profile names them,
 * as the order the Checkout workflow takes. The order id is
 * derived from the customer and the Idempotency-Key, so a retried request prices to the same order.
 */
export function makePriceCheckout(dependencies: PriceCheckoutDependencies) {
  const { carts, catalog, customers, paymentTokens, flags, currency, clock = () => new Date() } = dependencies;
  return async (rawInput: unknown): Promise<PricedOrder> => {
    const input = PriceCheckoutInput.parse(rawInput);
    const request = input.body;
    const cart = await callersCart(carts, request.cartId, input.customerId);
    assertCartOpen(cart, clock());
    assertNotEmpty(cart);
    const products = await catalog.getMany(cart.lines.map((line) => line.productId));
    const priced = priceCart(cart.lines, products, { currency });
    const [token, paymentFlags, profile] = await Promise.all([
      paymentTokens.getToken(request.payment.token),
      flags.paymentFlags(),
      customers.get(input.customerId),
    ]);
    const brand = acceptedBrand(token.brand, paymentFlags);
    return toPricedOrder({
      orderId: orderIdFor(input.customerId, input.idempotencyKey),
      customerId: input.customerId,
      correlationId: input.correlationId,
      request,
      priced,
      card: { brand, last4: token.last4 },
      profile,
    });
  };
}
