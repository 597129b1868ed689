import type middy from '@middy/core';
import { currentCorrelation } from '@shop/events';
import type { FieldError } from '../errors';
import { logger } from '../powertools';
import { fieldErrorsOf } from '../validation';
import { json, type HttpResponse } from './response';

/** HTTP status for each domain error code a route can return, e.g. `{ 'ORDER.NOT_FOUND': 404 }`. */
export type StatusByCode = Readonly<Record<string, number>>;

/** `code` of a request whose body, path or query does not match its schema (status 400). */
export const INVALID_REQUEST = 'REQUEST.INVALID';
/** `code` of any error the route does not map: a bug or an outage (status 500). */
export const INTERNAL_ERROR = 'INTERNAL';

/** The body of every error response. */
export type ErrorBody = {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** Only for `REQUEST.INVALID`: each invalid field and why. */
    readonly fields?: readonly FieldError[];
    /** Only for 5xx: the id a person quotes to support, who finds every log line of the request by it. */
    readonly correlationId?: string;
  };
};

const SERVER_FAULT_MESSAGE = 'Something went wrong on our side. If you contact us, quote the correlation id.';

/** @internal The status mapped to an error's `code`, if the error has one and the route maps it. */
function mappedStatus(error: unknown, statusByCode: StatusByCode): { code: string; status: number } | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !Object.hasOwn(statusByCode, code)) return undefined;
  return { code, status: statusByCode[code] as number };
}

/** @internal 5xx: the client learns nothing about the cause; the log line keeps all of it. */
function serverFault(error: unknown, status: number, code: string): HttpResponse {
  logger.error('Request failed', { status, code, error });
  const correlationId = currentCorrelation()?.correlationId;
  return json(status, { error: { code, message: SERVER_FAULT_MESSAGE, correlationId } } satisfies ErrorBody);
}

/**
 * The HTTP response for an error thrown while handling a request:
 * - a zod error or Powertools `ParseError` → 400 `REQUEST.INVALID` with each field's path and message;
 * - an error whose `code` is in `statusByCode` → that status with `{ error: { code, message } }`;
 * - anything else → 500 `INTERNAL` with a generic message and the correlation id, the cause logged.
 * 4xx are the client's doing: logged at info level, never as errors (they would page someone).
 *
 * @example
 * toErrorResponse(new OrderNotFoundError('ord_1'), { 'ORDER.NOT_FOUND': 404 }); // statusCode 404
 */
export function toErrorResponse(error: unknown, statusByCode: StatusByCode): HttpResponse {
  const fields = fieldErrorsOf(error);
  if (fields !== undefined) {
    // Paths only: a field's message can quote the client's input.
    logger.info('Request rejected', { status: 400, code: INVALID_REQUEST, fields: fields.map((f) => f.path) });
    const message = 'The request is invalid; see `fields`.';
    return json(400, { error: { code: INVALID_REQUEST, message, fields } } satisfies ErrorBody);
  }
  const mapped = mappedStatus(error, statusByCode);
  if (mapped === undefined) return serverFault(error, 500, INTERNAL_ERROR);
  if (mapped.status >= 500) return serverFault(error, mapped.status, mapped.code);
  logger.info('Request rejected', mapped);
  const message = (error as Error).message;
  return json(mapped.status, { error: { code: mapped.code, message } } satisfies ErrorBody);
}

/**
 * middy middleware that turns any error thrown below it into an HTTP error response (see
 * `toErrorResponse`). Put it right under `observability()`, above the parser: it must see the parser's
 * errors, and the layers above it must still see the response (metrics, trace).
 *
 * @example
 * const orderErrorStatus = { 'ORDER.NOT_FOUND': 404, 'ORDER.ALREADY_EXISTS': 409 } as const;
 * export const handler = middy().use(observability()).use(httpErrors(orderErrorStatus)).use(parser(...)).handler(...);
 */
export function httpErrors(statusByCode: StatusByCode = {}): middy.MiddlewareObj<unknown, HttpResponse> {
  return {
    onError: (request) => {
      // Setting the response (and returning nothing) lets the outer onErrors still run, then middy
      // returns this response instead of rethrowing.
      request.response = toErrorResponse(request.error, statusByCode);
    },
  };
}
