import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** What an HTTP API (payload 2.0) Lambda handler returns. */
export type HttpResponse = APIGatewayProxyStructuredResultV2;

/** Extra response headers, e.g. `{ location: '/orders/ord_1' }`. */
export type Headers = Readonly<Record<string, string>>;

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A JSON response with any status; prefer the named helpers below.
 *
 * @example
 * return json(409, { error: { code: 'ORDER.ALREADY_EXISTS', message: 'Order ord_1 already exists' } });
 */
export function json(statusCode: number, body: unknown, headers: Headers = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * 200 OK with a JSON body.
 *
 * @example
 * return ok(await getOrder(path.orderId));
 */
export function ok(body: unknown, headers?: Headers): HttpResponse {
  return json(200, body, headers);
}

/**
 * 201 Created with the new resource as a JSON body (give its URL as a `location` header).
 *
 * @example
 * return created(order, { location: `/orders/${order.id}` });
 */
export function created(body: unknown, headers?: Headers): HttpResponse {
  return json(201, body, headers);
}

/**
 * 202 Accepted: the work will finish later; the body says where to look.
 *
 * @example
 * return accepted({ checkoutId }, { location: `/checkouts/${checkoutId}` });
 */
export function accepted(body: unknown, headers?: Headers): HttpResponse {
  return json(202, body, headers);
}

/**
 * 204 No Content: no body, so no content type either.
 *
 * @example
 * await removeCartLine(path.cartId, path.sku);
 * return noContent();
 */
export function noContent(headers: Headers = {}): HttpResponse {
  return { statusCode: 204, headers: { ...headers } };
}
