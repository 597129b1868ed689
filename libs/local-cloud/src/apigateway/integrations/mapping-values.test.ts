import { describe, expect, it } from 'vitest';
import { toApiRequest } from '../http/api-request';
import type { IntegrationContext } from '../http/integration-context';
import { parseRouteKey } from '../routing/route-key';
import { mapValue } from './mapping-values';

const TIME = new Date('2025-03-12T19:03:58Z');

function contextFor(body: string, claims: Record<string, string> = {}): IntegrationContext {
  const request = toApiRequest(
    {
      apiId: 'a1b2c3d4e5',
      method: 'POST',
      target: '/carts/c-1?coupon=SPRING&coupon=VIP',
      rawHeaders: ['Host', '127.0.0.1:4566', 'Idempotency-Key', 'k-42', 'Cookie', 'a=1'],
      body: Buffer.from(body),
      sourceIp: '::ffff:127.0.0.1',
      httpVersion: '1.1',
    },
    { name: '$default', path: '/carts/c-1' },
    TIME,
  );
  const route = { key: parseRouteKey('POST /carts/{cartId}'), authorization: { type: 'NONE' as const } };
  return { request, match: { route, pathParameters: { cartId: 'c-1' } }, stage: { name: '$default', variables: { env: 'dev' }, routeThrottles: new Map() }, accountId: '123456789012', authorization: { claims, scopes: null } };
}

describe('mapValue', () => {
  const ctx = contextFor('{"order":{"id":"o-1","lines":[{"sku":"a"}]},"total":500}', { sub: 'user-1' });

  it.each([
    ['$request.header.idempotency-key', 'k-42'],
    ['$request.header.Idempotency-Key', 'k-42'],
    ['$request.querystring.coupon', 'SPRING,VIP'],
    ['$request.path.cartId', 'c-1'],
    ['$request.path', '/carts/c-1'],
    ['$request.body.order.id', 'o-1'],
    ['$request.body.order.lines[0].sku', 'a'],
    ['$request.body.total', '500'],
    ['$request.body.order', '{"id":"o-1","lines":[{"sku":"a"}]}'],
    ['$context.httpMethod', 'POST'],
    ['$context.identity.sourceIp', '127.0.0.1'],
    ['$context.requestTime', '12/Mar/2025:19:03:58 +0000'],
    ['$context.authorizer.claims.sub', 'user-1'],
    ['$stageVariables.env', 'dev'],
    ['arn:aws:states:eu-west-2:123456789012:stateMachine:Checkout', 'arn:aws:states:eu-west-2:123456789012:stateMachine:Checkout'],
  ])('maps %s', (expression, expected) => {
    expect(mapValue(expression, ctx)).toBe(expected);
  });

  it('maps the whole body', () => {
    expect(mapValue('$request.body', contextFor('{"a":1}'))).toBe('{"a":1}');
  });

  it('maps a source that is absent to undefined, so the parameter is left out', () => {
    expect(mapValue('$request.header.x-missing', ctx)).toBeUndefined();
    expect(mapValue('$request.body.nothing.here', ctx)).toBeUndefined();
    expect(mapValue('$request.body.id', contextFor('not json'))).toBeUndefined();
  });

  it('fills sources inside a longer value, absent ones as empty text', () => {
    expect(mapValue('checkout-${request.header.idempotency-key}-${request.header.x-missing}', ctx)).toBe('checkout-k-42-');
  });

  it('reads the cookie header from the cookies API Gateway parsed', () => {
    expect(mapValue('$request.header.cookie', ctx)).toBe('a=1');
  });
});
