import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { IdempotencyKeyRequiredError } from '../domain/errors';
import { IDEMPOTENCY_KEY_HEADER } from './protocol';

// Up to 255 visible ASCII characters, as Stripe allows: room for a UUID, an order id, or both.
const USABLE_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, or `IdempotencyKeyRequiredError` when it has none that is usable. */
export function idempotencyKeyOf(event: APIGatewayProxyEventV2): string {
  const key = event.headers?.[IDEMPOTENCY_KEY_HEADER];
  if (key === undefined || !USABLE_KEY.test(key)) throw new IdempotencyKeyRequiredError();
  return key;
}

/** middy middleware: refuses (400) a request without a usable `Idempotency-Key`, before its body is read. */
export function requireIdempotencyKey(): middy.MiddlewareObj<unknown> {
  return {
    before: (request) => {
      idempotencyKeyOf(request.event as APIGatewayProxyEventV2);
    },
  };
}
