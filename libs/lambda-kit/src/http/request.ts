import { parse } from '@aws-lambda-powertools/parser';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';

/** The schemas of the parts of a request a route reads; leave out the parts it does not. */
export type RequestSchemas = {
  /** The JSON body (it arrives as a string: it is JSON-parsed, then validated). */
  readonly body?: z.ZodType;
  /** Path parameters, e.g. `{ orderId }` for `/orders/{orderId}`. */
  readonly path?: z.ZodType;
  /** Query string parameters; values are strings, so use `z.coerce.number()` and friends. */
  readonly query?: z.ZodType;
};

type Part<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;

/** A parsed request: typed `body`, `path` and `query`, and the raw event for anything else. */
export type HttpRequest<S extends RequestSchemas = RequestSchemas> = {
  readonly body: Part<S['body']>;
  readonly path: Part<S['path']>;
  readonly query: Part<S['query']>;
  /** The API Gateway event as received: headers, JWT claims (`requestContext.authorizer`), and so on. */
  readonly event: APIGatewayProxyEventV2;
};

/** @internal The request as one object, so one parse reports every invalid field at once. */
function requestParts(event: APIGatewayProxyEventV2) {
  const body =
    event.isBase64Encoded && event.body !== undefined ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return { body, path: event.pathParameters ?? {}, query: event.queryStringParameters ?? {} };
}

/** @internal */
function requestSchema(schemas: RequestSchemas) {
  return z.object({
    body: schemas.body === undefined ? z.unknown() : JSONStringified(schemas.body),
    path: schemas.path ?? z.unknown(),
    query: schemas.query ?? z.unknown(),
  });
}

/**
 * Parses an HTTP API (payload 2.0) request against zod schemas for its body, path and query, with
 * Powertools parser; invalid fields surface as a `ParseError` whose paths start with `body.`, `path.`
 * or `query.` (turned into a 400 by `httpErrors`). The handler receives an `HttpRequest`.
 *
 * @example
 * middy().use(httpRequest({ path: z.object({ orderId: z.string() }) }))
 *   .handler(async ({ path }) => ok(await getOrder(path.orderId)));
 */
export function httpRequest<S extends RequestSchemas>(schemas: S): middy.MiddlewareObj<HttpRequest<S>> {
  const schema = requestSchema(schemas);
  return {
    before: (request) => {
      // The middleware's type describes what the handler receives; here the event is still the raw one.
      const event = request.event as unknown as APIGatewayProxyEventV2;
      const parts = parse(requestParts(event), undefined, schema);
      const parsed = {
        body: schemas.body === undefined ? undefined : parts.body,
        path: schemas.path === undefined ? undefined : parts.path,
        query: schemas.query === undefined ? undefined : parts.query,
        event,
      };
      request.event = parsed as HttpRequest<S>;
    },
  };
}
