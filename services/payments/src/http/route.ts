import middy from '@middy/core';
import {
  httpRequest,
  observability,
  withHttpCorrelation,
  type HttpHandler,
  type HttpRequest,
  type HttpResponse,
  type RequestSchemas,
} from '@shop/lambda-kit';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { ApiKeySource } from '../ports';
import { requireApiKey } from './api-key';
import { paymentErrors } from './error-response';
import { requireIdempotencyKey } from './idempotency-key';

/** What a payments route needs besides its handler. */
export type PaymentsRouteOptions<S extends RequestSchemas> = {
  readonly apiKey: ApiKeySource;
  readonly request: S;
  /** POST routes: refuse a request without an `Idempotency-Key`. */
  readonly requiresIdempotencyKey: boolean;
};

/** Capture and refund take an optional body: no body at all means `{}` (everything that is left). */
function noBodyAsEmptyObject(): middy.MiddlewareObj<unknown> {
  return {
    before: (request) => {
      const event = request.event as APIGatewayProxyEventV2;
      if (event.body === undefined || event.body === '')
        request.event = { ...event, body: '{}', isBase64Encoded: false };
    },
  };
}

/**
 * A payments route: correlation and observability (lambda-kit), the sandbox's flat error bodies, then, in
 * this order, the API key (401), the `Idempotency-Key` (400) and the request's schemas (400).
 *
 * @example
 * export const handler = makePaymentsRoute({ apiKey, request: { path: AuthorizationPath }, requiresIdempotencyKey: false },
 *   async ({ path }) => ok(authorizationBody(await getAuthorization(path))));
 */
export function makePaymentsRoute<S extends RequestSchemas>(
  options: PaymentsRouteOptions<S>,
  handle: (request: HttpRequest<S>, context: Context) => Promise<HttpResponse>,
): HttpHandler {
  const chain = middy<HttpRequest<S>, HttpResponse>()
    .use(observability())
    .use(paymentErrors())
    .use(requireApiKey(options.apiKey))
    .use(options.requiresIdempotencyKey ? [requireIdempotencyKey()] : [])
    .use(noBodyAsEmptyObject())
    .use(httpRequest(options.request))
    .handler(handle);
  return withHttpCorrelation(chain);
}
