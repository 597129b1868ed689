import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { DynamoOrderQueries } from '../../adapters/dynamodb-order-queries';
import { OrdersServiceError, ORDERS_HTTP_STATUS } from '../../adapters/errors';
import { tableName } from '../config';
import { documentClient } from '../dependencies';
import { customerIdOf, OrderPath, OrdersQuery } from './request-parts';
import { routeTable } from './routes';

const orders = new DynamoOrderQueries({ doc: documentClient, tableName: tableName() });
const errors = ORDERS_HTTP_STATUS;

/** The signed-in customer's orders (JWT routes): a page of them, newest first, and one with its history. */
export const handler = routeTable({
  'GET /orders': makeHttpHandler({ request: { query: OrdersQuery }, errors }, async ({ event, query }) =>
    ok(await orders.listForCustomer(customerIdOf(event), query)),
  ),
  'GET /orders/{orderId}': makeHttpHandler({ request: { path: OrderPath }, errors }, async ({ event, path }) => {
    const order = await orders.getForCustomer(path.orderId, customerIdOf(event));
    // Someone else's order is "not found" too: its existence is none of the caller's business.
    if (order === undefined) throw new OrdersServiceError('ORDERS.ORDER_NOT_FOUND', `No order ${path.orderId}`);
    const { customerId: _customerId, ...shown } = order;
    return ok(shown);
  }),
});
