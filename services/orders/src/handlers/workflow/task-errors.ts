import { ZodError } from 'zod';
import { ORDERS_HTTP_STATUS } from '../../adapters/errors';

/** The code of a task input that does not match its schema (as lambda-kit names it for HTTP). */
export const INVALID_REQUEST = 'REQUEST.INVALID';

/**
 * Every `Error` name PriceCheckout can fail with on purpose, with the HTTP status the intake should
 * answer it with (the REST API's response mapping). Any other error name is a fault: answer 500.
 */
export const CHECKOUT_ERROR_STATUS = { [INVALID_REQUEST]: 400, ...ORDERS_HTTP_STATUS } as const;

/**
 * A checkout the intake refuses (or cannot price now). Step Functions sees a Lambda error's `name` as
 * its `Error` (the runtime's `errorType`), so the name is the stable code (`ORDERS.EMPTY_CART`) for the
 * workflow's Catch and the API's response mapping; the message is for people.
 */
export class CheckoutTaskError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = code;
  }
}

/**
 * The error to throw to Step Functions: a known refusal becomes a `CheckoutTaskError` named by its code;
 * anything else (a bug, an outage) goes through as it is, for the workflow to treat as a fault.
 */
export function toTaskError(error: unknown): unknown {
  if (error instanceof ZodError) {
    const paths = error.issues.map((issue) => issue.path.join('.') || '(root)');
    return new CheckoutTaskError(INVALID_REQUEST, `The checkout input is invalid at ${paths.join(', ')}`, {
      cause: error,
    });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && Object.hasOwn(CHECKOUT_ERROR_STATUS, code)) {
    return new CheckoutTaskError(code, error.message, { cause: error });
  }
  return error;
}
