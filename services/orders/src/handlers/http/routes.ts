import { makeHttpHandler, type HttpHandler } from '@shop/lambda-kit';
import { OrdersServiceError, ORDERS_HTTP_STATUS } from '../../adapters/errors';

/**
 * One function serves several routes of the HTTP API: each route key (`GET /carts/{cartId}`, as the
 * API's route is declared) gets its own lambda-kit stack and schemas. A route the table does not know
 * answers 404 `ORDERS.ROUTE_NOT_FOUND` (it means the API and the function disagree).
 */
export function routeTable(routes: Readonly<Record<string, HttpHandler>>): HttpHandler {
  const notFound = makeHttpHandler({ errors: ORDERS_HTTP_STATUS }, async ({ event }) => {
    throw new OrdersServiceError('ORDERS.ROUTE_NOT_FOUND', `No route ${event.routeKey}`);
  });
  return (event, context) => (routes[event.routeKey] ?? notFound)(event, context);
}
