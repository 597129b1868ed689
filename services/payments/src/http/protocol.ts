// The sandbox's HTTP contract, as constants with no imports, so docs and end-to-end tests can read them cheaply.

/** The request header that carries the API key (HTTP APIs lower-case header names in payload 2.0). */
export const API_KEY_HEADER = 'x-api-key';

/** The request header every POST needs. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Marks a response that was replayed from memory rather than produced now (Stripe's header name). */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** HTTP status of each error code the sandbox answers with. Anything else is a 500 `PAYMENT.INTERNAL`. */
export const PAYMENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  'PAYMENT.INVALID_REQUEST': 400,
  'PAYMENT.IDEMPOTENCY_KEY_REQUIRED': 400,
  'PAYMENT.UNAUTHENTICATED': 401,
  'PAYMENT.CARD_DECLINED': 402,
  'PAYMENT.NOT_FOUND': 404,
  'PAYMENT.INVALID_STATE': 409,
  'PAYMENT.CONCURRENT_UPDATE': 409,
  'PAYMENT.TOKEN_USED': 409,
  'PAYMENT.IDEMPOTENCY_KEY_IN_USE': 409,
  'PAYMENT.IDEMPOTENCY_KEY_REUSED': 422,
  'PAYMENT.AMOUNT_NOT_ALLOWED': 422,
  'PAYMENT.TEMPORARILY_UNAVAILABLE': 503,
  'PAYMENT.PROCESSOR_TIMEOUT': 504,
};
