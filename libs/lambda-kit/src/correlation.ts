import { newCorrelationId, type CorrelationContext } from '@shop/events';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The request header that carries the correlation id in, and back out in the response. */
export const CORRELATION_HEADER = 'x-correlation-id';

// A correlation id comes from outside (a header, an event) and lands in every log line: accept only
// short, plain tokens (UUIDs, ULIDs, X-Ray and API Gateway request ids), so nobody can stuff a log line through it.
const USABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:=+/-]{0,127}$/;

/**
 * True when `value` can be used as a correlation id as it is.
 *
 * @example
 * isUsableCorrelationId('5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10'); // true
 * isUsableCorrelationId('a\nfake log line'); // false
 */
export function isUsableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && USABLE_ID.test(value);
}

/**
 * The correlation context of an HTTP API (payload 2.0) request: the `x-correlation-id` header when
 * the caller sent a usable one, otherwise a new id; the cause is the API Gateway request id.
 *
 * @example
 * correlationOfHttpRequest(event); // { correlationId: 'from-the-header', causationId: 'api-request-id' }
 */
export function correlationOfHttpRequest(event: APIGatewayProxyEventV2): CorrelationContext {
  // HTTP APIs lower-case header names in payload 2.0.
  const fromHeader = event.headers?.[CORRELATION_HEADER];
  return {
    correlationId: isUsableCorrelationId(fromHeader) ? fromHeader : newCorrelationId(),
    causationId: event.requestContext?.requestId,
  };
}

/** @internal Reads `key` of `value` when it is an object. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The correlation context of an EventBridge event (delivered directly, or as an SQS message body):
 * `detail.metadata.correlation_id` (a new id when the event has none), caused by the event's `id`.
 * It reads the raw event, so even an event that fails to parse is logged under its correlation id.
 *
 * @example
 * correlationOfEvent(event); // { correlationId: event.detail.metadata.correlation_id, causationId: event.id }
 */
export function correlationOfEvent(event: unknown): CorrelationContext {
  const fromMetadata = field(field(field(event, 'detail'), 'metadata'), 'correlation_id');
  const id = field(event, 'id');
  return {
    correlationId: isUsableCorrelationId(fromMetadata) ? fromMetadata : newCorrelationId(),
    causationId: typeof id === 'string' ? id : undefined,
  };
}
