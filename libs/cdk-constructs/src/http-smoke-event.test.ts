import { describe, expect, it } from 'vitest';
import { httpGetSmokeEvent } from './http-smoke-event';

describe('httpGetSmokeEvent', () => {
  it('fills the route template with the path parameters, as the HTTP API would', () => {
    const event = httpGetSmokeEvent('GET /orders/{orderId}/invoice', { orderId: 'smoke-test' });

    expect(event.rawPath).toBe('/orders/smoke-test/invoice');
    expect(event.requestContext.http.path).toBe('/orders/smoke-test/invoice');
    expect(event.routeKey).toBe('GET /orders/{orderId}/invoice');
    expect(event.pathParameters).toEqual({ orderId: 'smoke-test' });
  });

  it('carries no JWT claims: the request is anyone\'s', () => {
    const event = httpGetSmokeEvent('GET /carts/{cartId}', { cartId: 'smoke-test' });

    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.version).toBe('2.0');
  });
});
