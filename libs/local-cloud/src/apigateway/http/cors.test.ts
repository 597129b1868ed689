import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/contracts';
import { anHttpApi, apiResource, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from '../test-support';

const STOREFRONT = 'http://localhost:3000';
const CORS = {
  CorsConfiguration: {
    AllowOrigins: [STOREFRONT, 'https://*.shop.example'],
    AllowMethods: ['GET', 'POST'],
    AllowHeaders: ['authorization', 'content-type', 'idempotency-key'],
    ExposeHeaders: ['x-correlation-id'],
    MaxAge: 600,
    AllowCredentials: true,
  },
};
const preflight = (origin: string, method = 'POST') => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type,idempotency-key' },
});
const jwtAuthorizer = apiResource('Authorizer', 'Auth', { AuthorizerType: 'JWT', Name: 'Auth', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: 'http://127.0.0.1:9', Audience: ['web'] } });
const authorized = { AuthorizationType: 'JWT', AuthorizerId: 'Auth' };

let harness: ApiHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function serve(api: JsonObject, routes: ReturnType<typeof lambdaRoute>, lambda = new FakeLambda({ orders: () => ({ statusCode: 200, headers: { 'access-control-allow-origin': '*' }, body: 'ok' }) })) {
  harness = await startApiHarness([...anHttpApi(api), jwtAuthorizer, ...routes], { lambda });
  return { url: harness.url(), lambda };
}

describe('CORS', () => {
  it('answers a preflight itself, before any authorizer, when no route takes OPTIONS', async () => {
    const { url, lambda } = await serve(CORS, lambdaRoute('POST /checkout', 'orders', authorized));

    const response = await fetch(`${url}/checkout`, preflight(STOREFRONT));

    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': STOREFRONT,
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'authorization,content-type,idempotency-key',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
    });
    expect(lambda.invocations).toHaveLength(0);
  });

  it('allows origins matching a wildcard subdomain', async () => {
    const { url } = await serve(CORS, lambdaRoute('POST /checkout', 'orders'));

    const response = await fetch(`${url}/checkout`, preflight('https://eu.shop.example'));

    expect(response.headers.get('access-control-allow-origin')).toBe('https://eu.shop.example');
  });

  it('leaves the CORS headers out for an origin or a method it does not allow', async () => {
    const { url } = await serve(CORS, lambdaRoute('POST /checkout', 'orders'));

    const stranger = await fetch(`${url}/checkout`, preflight('https://evil.example'));
    const deleting = await fetch(`${url}/checkout`, preflight(STOREFRONT, 'DELETE'));

    expect(stranger.status).toBe(204);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(deleting.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("puts the configured headers on the integration's response in place of the backend's own", async () => {
    const { url } = await serve(CORS, lambdaRoute('GET /orders', 'orders'));

    const response = await fetch(`${url}/orders`, { headers: { origin: STOREFRONT } });

    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-correlation-id');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('puts the CORS headers on an authorizer refusal too, so the browser can read the 401', async () => {
    const { url } = await serve(CORS, lambdaRoute('POST /checkout', 'orders', authorized));

    const response = await fetch(`${url}/checkout`, { method: 'POST', headers: { origin: STOREFRONT } });

    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
  });

  it('answers * to any origin when every origin is allowed without credentials', async () => {
    const { url } = await serve({ CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['*'], AllowHeaders: ['*'] } }, lambdaRoute('POST /checkout', 'orders'));

    const response = await fetch(`${url}/checkout`, preflight('https://anywhere.example', 'PUT'));

    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key');
  });

  it('lets an ANY route take the preflight, authorizer included, as API Gateway does', async () => {
    const { url, lambda } = await serve(CORS, lambdaRoute('ANY /checkout', 'orders', authorized));

    const response = await fetch(`${url}/checkout`, preflight(STOREFRONT));

    expect(response.status).toBe(401);
    expect(lambda.invocations).toHaveLength(0);
  });

  it('routes OPTIONS like any method when the API has no CORS configuration', async () => {
    const { url } = await serve({}, lambdaRoute('POST /checkout', 'orders'));

    const response = await fetch(`${url}/checkout`, preflight(STOREFRONT));

    expect(response.status).toBe(404);
  });
});
