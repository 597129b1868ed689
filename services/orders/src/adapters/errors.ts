import { DomainError } from '@shop/lambda-kit/errors';
import { ORDERS_ERROR_STATUS } from '../domain';

/**
 * Codes the service answers beyond the domain's rules: things missing, callers not allowed, state that
 * moved under a request, and the payment provider. The domain's codes are in `ORDERS_ERROR_STATUS`.
 */
export const ORDERS_SERVICE_ERROR_STATUS = {
  'ORDERS.INVALID_CURSOR': 400,
  'ORDERS.UNAUTHENTICATED': 401,
  'ORDERS.CART_NOT_OWNED': 403,
  'ORDERS.CART_NOT_FOUND': 404,
  'ORDERS.ORDER_NOT_FOUND': 404,
  'ORDERS.ROUTE_NOT_FOUND': 404,
  'ORDERS.CART_CONFLICT': 409,
  'ORDERS.PAYMENT_TOKEN_NOT_FOUND': 422,
  'ORDERS.PAYMENTS_UNAVAILABLE': 503,
} as const;

export type OrdersServiceErrorCode = keyof typeof ORDERS_SERVICE_ERROR_STATUS;

/** Every code a route or the checkout intake can answer, with its HTTP status. */
export const ORDERS_HTTP_STATUS = { ...ORDERS_ERROR_STATUS, ...ORDERS_SERVICE_ERROR_STATUS } as const;

/** A request the service refuses (or cannot serve) for a reason outside the domain's rules. */
export class OrdersServiceError extends DomainError {
  declare readonly code: OrdersServiceErrorCode;

  constructor(code: OrdersServiceErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

export const cartNotFound = (cartId: string, options?: ErrorOptions) =>
  new OrdersServiceError('ORDERS.CART_NOT_FOUND', `No cart ${cartId}`, options);
