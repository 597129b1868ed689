import { currentCorrelation } from '@shop/events';
import { fieldErrorsOf, json, logger, type HttpResponse } from '@shop/lambda-kit';
import type middy from '@middy/core';
import { PAYMENT_ERROR_STATUS } from './protocol';

/** Codes whose request may succeed if sent again (same key), and after how many seconds. */
const RETRY_AFTER_SECONDS: Readonly<Record<string, string>> = {
  'PAYMENT.TEMPORARILY_UNAVAILABLE': '1',
  'PAYMENT.IDEMPOTENCY_KEY_IN_USE': '1',
  'PAYMENT.CONCURRENT_UPDATE': '1',
};

/**
 * The sandbox's error body: flat `{ code, message }` like a card processor's API (the shop's own APIs nest
 * it under `error`), plus `errors` for an invalid request.
 */
export type PaymentErrorBody = {
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly { path: string; message: string }[];
  readonly correlationId?: string;
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && Object.hasOwn(PAYMENT_ERROR_STATUS, code)
    ? code
    : undefined;
}

/** The response for anything a route throws; the request's card data never reaches a log line. */
export function errorResponse(error: unknown): HttpResponse {
  const fields = fieldErrorsOf(error);
  if (fields !== undefined) {
    // Paths only: a message may quote what the client sent, and that may be a card number.
    logger.info('Request rejected', {
      status: 400,
      code: 'PAYMENT.INVALID_REQUEST',
      fields: fields.map((f) => f.path),
    });
    const body: PaymentErrorBody = {
      code: 'PAYMENT.INVALID_REQUEST',
      message: 'The request is invalid; see errors',
      errors: fields,
    };
    return json(400, body);
  }
  const code = codeOf(error);
  if (code === undefined) {
    logger.error('Request failed', { status: 500, error });
    const correlationId = currentCorrelation()?.correlationId;
    const message = 'Something went wrong in the payment sandbox; quote the correlation id.';
    return json(500, { code: 'PAYMENT.INTERNAL', message, correlationId } satisfies PaymentErrorBody);
  }
  const status = PAYMENT_ERROR_STATUS[code] as number;
  // The 5xx here are the sandbox acting out a processor outage on purpose: worth a warning, not a page.
  logger[status >= 500 ? 'warn' : 'info']('Request answered with an error', { status, code });
  const retryAfter = RETRY_AFTER_SECONDS[code];
  const body: PaymentErrorBody = { code, message: (error as Error).message };
  return json(status, body, retryAfter === undefined ? {} : { 'retry-after': retryAfter });
}

/** middy middleware: whatever is thrown below it becomes the response `errorResponse` gives. */
export function paymentErrors(): middy.MiddlewareObj<unknown, HttpResponse> {
  return {
    onError: (request) => {
      request.response = errorResponse(request.error);
    },
  };
}
