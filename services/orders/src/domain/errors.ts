import { DomainError } from '@shop/lambda-kit/errors';

/**
 * Every error code the orders domain throws on purpose, with the HTTP status a route answers it with.
 * Handlers pass this map to lambda-kit's `httpErrors`; clients and alarms branch on the code.
 */
export const ORDERS_ERROR_STATUS = {
  'ORDERS.PRODUCT_NOT_FOUND': 404,
  'ORDERS.CART_LINE_NOT_FOUND': 404,
  'ORDERS.INVALID_QUANTITY': 400,
  'ORDERS.PRODUCT_UNAVAILABLE': 409,
  'ORDERS.CART_FULL': 409,
  'ORDERS.CART_EXPIRED': 410,
  'ORDERS.EMPTY_CART': 422,
  'ORDERS.CURRENCY_MISMATCH': 422,
  'ORDERS.AMOUNT_OUT_OF_RANGE': 422,
  'ORDERS.PAYMENT_METHOD_NOT_ALLOWED': 422,
  'ORDERS.ILLEGAL_TRANSITION': 409,
} as const;

export type OrdersErrorCode = keyof typeof ORDERS_ERROR_STATUS;

/** Facts about an error a client may act on (which product, which status); never personal data. */
export type OrdersErrorDetails = Readonly<Record<string, string | number>>;

/**
 * An orders rule was broken. `code` is stable and typed, so a `switch` over it is checked; `details`
 * names what was wrong (e.g. `{ productId }`) without parsing the message.
 */
export class OrdersDomainError extends DomainError {
  declare readonly code: OrdersErrorCode;

  constructor(
    code: OrdersErrorCode,
    message: string,
    readonly details: OrdersErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/** True when `error` is an orders domain error, optionally with the given code. */
export function isOrdersDomainError(error: unknown, code?: OrdersErrorCode): error is OrdersDomainError {
  return error instanceof OrdersDomainError && (code === undefined || error.code === code);
}
