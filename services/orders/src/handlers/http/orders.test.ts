import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HttpHandler } from '@shop/lambda-kit';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrderInvoices } from '../../adapters/dynamodb-order-invoices';
import type { OrderPage } from '../../adapters/dynamodb-order-queries';
import type { OrderView } from '../../adapters/order-item';
import { anOrderItem, MUG_LINE } from '../../adapters/testing/order-items';
import { aRouteEvent, bodyOf, errorCodeOf, startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let handler: HttpHandler;

const INVOICE = { id: 'inv_1', number: 'INV-2025-000123', issuedAt: '2025-03-14T10:09:00.000Z' };

const at = (minute: number) => `2025-03-14T10:${String(minute).padStart(2, '0')}:00.000Z`;

beforeAll(async () => {
  aws = await startHandlerAws();
  const items = [
    anOrderItem({ orderId: 'ord_1', customerId: 'customer-ada', createdAt: at(1), status: 'CONFIRMED' }),
    anOrderItem({ orderId: 'ord_2', customerId: 'customer-ada', createdAt: at(2) }),
    anOrderItem({ orderId: 'ord_3', customerId: 'customer-ada', createdAt: at(3) }),
    anOrderItem({ orderId: 'ord_grace', customerId: 'customer-grace', createdAt: at(4) }),
    anOrderItem({ orderId: 'ord_lin_1', customerId: 'customer-lin', createdAt: at(5), status: 'CONFIRMED' }),
    anOrderItem({ orderId: 'ord_lin_2', customerId: 'customer-lin', createdAt: at(6), status: 'CONFIRMED' }),
  ];
  for (const Item of items) await aws.doc.send(new PutCommand({ TableName: aws.tableName, Item }));
  const invoices = new DynamoOrderInvoices({ doc: aws.doc, tableName: aws.tableName });
  await invoices.record({ orderId: 'ord_lin_1', customerId: 'customer-lin', invoice: INVOICE });
  ({ handler } = await import('./orders'));
});
afterAll(() => aws.stop());

const call = (routeKey: string, input: Parameters<typeof aRouteEvent>[1] = {}) =>
  handler(aRouteEvent(routeKey, input), aLambdaContext());

describe('GET /orders/{orderId}', () => {
  it('answers the order with its status and history, without the customer id', async () => {
    const response = await call('GET /orders/{orderId}', {
      customerId: 'customer-ada',
      pathParameters: { orderId: 'ord_1' },
    });

    const order = bodyOf<OrderView>(response);
    expect(response.statusCode).toBe(200);
    expect(order).toMatchObject({ id: 'ord_1', status: 'CONFIRMED', lines: [MUG_LINE], itemCount: 2 });
    expect(order.history.map((change) => change.status)).toEqual(['PENDING', 'CONFIRMED']);
    expect(order).not.toHaveProperty('customerId');
  });

  it("answers 404 ORDERS.ORDER_NOT_FOUND for someone else's order, as for an unknown one", async () => {
    const others = await call('GET /orders/{orderId}', {
      customerId: 'customer-ada',
      pathParameters: { orderId: 'ord_grace' },
    });
    const unknown = await call('GET /orders/{orderId}', {
      customerId: 'customer-ada',
      pathParameters: { orderId: 'ord_x' },
    });

    expect([others.statusCode, errorCodeOf(others)]).toEqual([404, 'ORDERS.ORDER_NOT_FOUND']);
    expect(bodyOf(unknown)).toEqual({ error: { code: 'ORDERS.ORDER_NOT_FOUND', message: 'No order ord_x' } });
  });

  it('shows the invoice and links to it once the order is invoiced, and neither before', async () => {
    const invoiced = await call('GET /orders/{orderId}', {
      customerId: 'customer-lin',
      pathParameters: { orderId: 'ord_lin_1' },
    });
    const notYet = await call('GET /orders/{orderId}', {
      customerId: 'customer-lin',
      pathParameters: { orderId: 'ord_lin_2' },
    });

    expect(bodyOf<OrderView>(invoiced)).toMatchObject({
      invoice: INVOICE,
      links: { invoice: '/orders/ord_lin_1/invoice' },
    });
    expect(bodyOf(notYet)).not.toHaveProperty('invoice');
    expect(bodyOf(notYet)).not.toHaveProperty('links');
  });

  it('answers 401 ORDERS.UNAUTHENTICATED without JWT claims', async () => {
    const response = await call('GET /orders/{orderId}', { pathParameters: { orderId: 'ord_1' } });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([401, 'ORDERS.UNAUTHENTICATED']);
  });
});

describe('GET /orders', () => {
  it("pages through the caller's orders, newest first", async () => {
    const first = await call('GET /orders', { customerId: 'customer-ada', queryStringParameters: { limit: '2' } });
    const cursor = bodyOf<OrderPage>(first).nextCursor ?? '';
    const second = await call('GET /orders', {
      customerId: 'customer-ada',
      queryStringParameters: { limit: '2', cursor },
    });

    expect(bodyOf<OrderPage>(first).items.map((order) => order.id)).toEqual(['ord_3', 'ord_2']);
    expect(bodyOf<OrderPage>(second)).toEqual({
      items: [expect.objectContaining({ id: 'ord_1', status: 'CONFIRMED' })],
    });
  });

  it('shows the invoice and its link on each invoiced order of the list', async () => {
    const response = await call('GET /orders', { customerId: 'customer-lin' });

    expect(bodyOf<OrderPage>(response).items).toEqual([
      expect.not.objectContaining({ invoice: expect.anything() }),
      expect.objectContaining({ id: 'ord_lin_1', invoice: INVOICE, links: { invoice: '/orders/ord_lin_1/invoice' } }),
    ]);
  });

  it('answers an empty page to a customer with no orders', async () => {
    const response = await call('GET /orders', { customerId: 'customer-new' });

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ items: [] });
  });

  it("answers 400 ORDERS.INVALID_CURSOR for another customer's cursor", async () => {
    const adas = await call('GET /orders', { customerId: 'customer-ada', queryStringParameters: { limit: '1' } });
    const cursor = bodyOf<OrderPage>(adas).nextCursor ?? '';

    const response = await call('GET /orders', { customerId: 'customer-grace', queryStringParameters: { cursor } });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([400, 'ORDERS.INVALID_CURSOR']);
  });

  it.each(['0', '51', 'many'])('answers 400 REQUEST.INVALID for a limit of %s', async (limit) => {
    const response = await call('GET /orders', { customerId: 'customer-ada', queryStringParameters: { limit } });

    expect([response.statusCode, errorCodeOf(response)]).toEqual([400, 'REQUEST.INVALID']);
  });
});
