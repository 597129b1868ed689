import middy from '@middy/core';
import { withCorrelation } from '@shop/events';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { CORRELATION_HEADER, correlationOfHttpRequest } from '../correlation';
import { observability } from '../observability';
import { httpErrors, type StatusByCode } from './http-errors';
import { httpRequest, type HttpRequest, type RequestSchemas } from './request';
import type { HttpResponse } from './response';

/** An HTTP API (payload 2.0) Lambda handler. */
export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResponse>;

/**
 * Runs an HTTP handler (usually a whole middy chain) inside the request's correlation context, and
 * returns the correlation id in the `x-correlation-id` response header.
 *
 * Why a wrapper and not one more `.use()`: AsyncLocalStorage can only scope a callback, and a middy
 * middleware never wraps the handler, it only runs before and after it. Outermost, the context covers
 * every middleware's log lines, the error body and every event the business function publishes.
 *
 * @example
 * export const handler = withHttpCorrelation(
 *   middy().use(observability()).use(httpErrors(statusByCode)).use(parser(...)).handler(...),
 * );
 */
export function withHttpCorrelation<E>(
  // Generic: middy types a chain by the event its handler receives (the parsed body), not the raw one.
  handler: (event: E, context: Context) => Promise<HttpResponse>,
): HttpHandler {
  return async (event, context) => {
    const correlation = correlationOfHttpRequest(event);
    const response = await withCorrelation(correlation, () => handler(event as E, context));
    return { ...response, headers: { ...response.headers, [CORRELATION_HEADER]: correlation.correlationId } };
  };
}

/** What `makeHttpHandler` needs to know about a route. */
export type HttpRouteOptions<S extends RequestSchemas> = {
  /** Schemas of the body, path and query the route reads. */
  readonly request?: S;
  /** HTTP status of each domain error code the route can throw; anything else is a 500. */
  readonly errors?: StatusByCode;
};

/**
 * The whole HTTP stack in one call: correlation, logging, tracing, metrics, errors → HTTP and request
 * parsing, around a function that takes a parsed request and returns a response (`ok`, `created`…).
 *
 * @example
 * export const handler = makeHttpHandler(
 *   { request: { body: PlaceOrderBody }, errors: { 'ORDER.ALREADY_EXISTS': 409 } },
 *   async ({ body }) => created(await placeOrder(body)),
 * );
 */
export function makeHttpHandler<S extends RequestSchemas = Record<never, never>>(
  options: HttpRouteOptions<S>,
  handle: (request: HttpRequest<S>, context: Context) => Promise<HttpResponse>,
): HttpHandler {
  const chain = middy<HttpRequest<S>, HttpResponse>()
    .use(observability())
    .use(httpErrors(options.errors))
    .use(httpRequest(options.request ?? ({} as S)))
    .handler(handle);
  return withHttpCorrelation(chain);
}
