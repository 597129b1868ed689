import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { OrdersServiceError } from '../../adapters/errors';

const Id = z.string().min(1).max(64);

export const CartPath = z.object({ cartId: Id });
export const CartLinePath = z.object({ cartId: Id, productId: Id });
export const MyCartLinePath = z.object({ productId: Id });
export const OrderPath = z.object({ orderId: Id });

/** Any number: whether it is a quantity a cart takes (a whole number, 0..99) is the domain's rule. */
export const QuantityBody = z.object({ quantity: z.number() });
export const MergeBody = z.object({ guestCartId: Id });

export const OrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(4096).optional(),
});

/**
 * The signed-in customer: the JWT authorizer's `sub` claim. The route's authorizer already refused a
 * request without a valid token; this refuses one that reached the function without claims anyway.
 *
 * @throws OrdersServiceError `ORDERS.UNAUTHENTICATED`.
 */
export function customerIdOf(event: APIGatewayProxyEventV2): string {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') {
    throw new OrdersServiceError('ORDERS.UNAUTHENTICATED', 'Sign in to see your cart and your orders');
  }
  return sub;
}
