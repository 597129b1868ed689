import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../../core/contracts';
import type { RequestActivity } from '../activity';
import { aRestApi, pathResource, resourceRef, restMethod, restResource, startRestHarness } from './test-support';

let harness: Awaited<ReturnType<typeof startRestHarness>> | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const echo = {
  RequestTemplates: { 'application/json': '{"statusCode": 200}' },
  IntegrationResponses: [
    {
      StatusCode: '200',
      ResponseTemplates: {
        'application/json': `{"id": "$input.params('id')", "proxy": "$input.params('proxy')", "resource": "$context.resourcePath", "path": "$context.path"}`,
      },
    },
  ],
};
const orders = [
  pathResource('orders'),
  pathResource('{id}', resourceRef('orders')),
  restMethod('GET', resourceRef('{id}'), echo),
];
const files = [
  pathResource('files'),
  pathResource('{proxy+}', resourceRef('files')),
  restMethod('ANY', resourceRef('{proxy+}'), echo),
];

async function serve(resources: ResolvedResource[], stage = {}): Promise<string> {
  harness = await startRestHarness([...aRestApi({}, stage), ...resources]);
  return harness.url;
}

describe('REST API routing', () => {
  it('routes below the stage to the method of the resource, with its path parameters', async () => {
    const url = await serve([...orders, ...files]);

    const order = await fetch(`${url}/orders/o-1`);
    const file = await fetch(`${url}/files/a/b.txt`, { method: 'PUT' });

    expect(await order.json()).toEqual({ id: 'o-1', proxy: '', resource: '/orders/{id}', path: '/prod/orders/o-1' });
    expect(await file.json()).toEqual({
      id: '',
      proxy: 'a/b.txt',
      resource: '/files/{proxy+}',
      path: '/prod/files/a/b.txt',
    });
  });

  it('answers 403 Missing Authentication Token for a path or method no resource has', async () => {
    const url = await serve(orders);

    const paths = await Promise.all([fetch(`${url}/customers`), fetch(`${url}/orders/o-1`, { method: 'DELETE' })]);

    for (const response of paths) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
      expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    }
  });

  it('answers 403 Forbidden for a stage the API does not have', async () => {
    const url = await serve(orders);

    const response = await fetch(url.replace('/prod', '/staging') + '/orders/o-1');

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });

  it('names every response with the request id', async () => {
    const url = await serve(orders);

    const response = await fetch(`${url}/orders/o-1`);

    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('REST API processing', () => {
  it('answers a MOCK integration from its integration response, with static headers', async () => {
    const preflight = {
      IntegrationResponses: [
        {
          StatusCode: '204',
          ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'http://localhost:3000'" },
        },
      ],
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
    };
    const url = await serve([pathResource('checkout'), restMethod('OPTIONS', resourceRef('checkout'), preflight)]);

    const response = await fetch(`${url}/checkout`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it("throttles a stage's methods to its MethodSettings with 429", async () => {
    const url = await serve(orders, {
      MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', ThrottlingBurstLimit: 1, ThrottlingRateLimit: 0.001 }],
    });

    const first = await fetch(`${url}/orders/o-1`);
    const second = await fetch(`${url}/orders/o-1`);

    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({ message: 'Too Many Requests' });
  });

  it('answers 500 Internal server error for an integration that cannot run locally', async () => {
    const url = await serve([
      pathResource('legacy'),
      restMethod('GET', resourceRef('legacy'), { Type: 'HTTP_PROXY', Uri: 'https://legacy.example/{proxy}' }),
    ]);

    const response = await fetch(`${url}/legacy`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
  });

  it('answers 500 when no integration response matches the status and there is no default one', async () => {
    const url = await serve([
      pathResource('only-errors'),
      restMethod('GET', resourceRef('only-errors'), {
        IntegrationResponses: [{ StatusCode: '400', SelectionPattern: '4\\d{2}' }],
      }),
    ]);

    const response = await fetch(`${url}/only-errors`);

    expect(response.status).toBe(500);
  });

  it('tells the activity stream about every request, with the method that took it', async () => {
    const activity: RequestActivity[] = [];
    harness = await startRestHarness([...aRestApi(), ...orders], {
      onStart: (_http, rest) => rest.subscribe((a) => activity.push(a)),
    });

    await fetch(`${harness.url}/orders/o-1`, { headers: { 'X-Correlation-Id': 'c-1' } });
    await fetch(`${harness.url}/nowhere`);

    expect(activity.map((a) => [a.routeKey, a.status, a.path, a.correlationId])).toEqual([
      ['GET /orders/{id}', 200, '/prod/orders/o-1', 'c-1'],
      ['-', 403, '/prod/nowhere', undefined],
    ]);
  });

  it('refuses a body over the payload quota with 413, before looking for the method', async () => {
    harness = await startRestHarness([...aRestApi(), ...orders], { maxPayloadBytes: 10 });

    const within = await fetch(`${harness.url}/orders/o-1`, { method: 'POST', body: '0123456789' });
    const over = await fetch(`${harness.url}/orders/o-1`, { method: 'POST', body: '01234567890' });

    expect(within.status).toBe(403);
    expect(over.status).toBe(413);
  });

  it('serves the stage a Deployment with a StageName creates', async () => {
    harness = await startRestHarness([
      restResource('RestApi', 'r1s2t3a4p5', { Name: 'Old' }),
      restResource('Deployment', 'D', { StageName: 'prod' }),
      ...orders,
    ]);

    const response = await fetch(`${harness.url}/orders/o-1`);

    expect(response.status).toBe(200);
  });
});
