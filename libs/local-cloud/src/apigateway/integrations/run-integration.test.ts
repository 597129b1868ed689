import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../core/contracts';
import { LambdaFunctionError } from '../../lambda/errors';
import { anHttpApi, apiResource, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from '../test-support';

let harness: ApiHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function callFunction(handler: (event: JsonObject) => Json | Promise<Json>, options: { integration?: JsonObject; init?: RequestInit } = {}) {
  harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('ANY /orders', 'orders', {}, options.integration)], { lambda: new FakeLambda({ orders: handler }) });
  return fetch(`${harness.url()}/orders`, options.init);
}

describe('Lambda proxy integration responses', () => {
  it('infers 200 application/json with the object as the body when the function returns no statusCode', async () => {
    const response = await callFunction(() => ({ orderId: 'o-1', lines: 2 }));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"orderId":"o-1","lines":2}');
  });

  it('infers a string result as the body itself', async () => {
    const response = await callFunction(() => 'Hello from Lambda!');

    expect(await response.text()).toBe('Hello from Lambda!');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('sends the status, headers, body and one set-cookie header per cookie of a structured response', async () => {
    const response = await callFunction(() => ({ statusCode: 201, headers: { Location: '/orders/o-1', 'X-Count': 2 }, cookies: ['a=1; Path=/', 'b=2'], body: '{"id":"o-1"}' }));

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/orders/o-1');
    expect(response.headers.get('x-count')).toBe('2');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(await response.text()).toBe('{"id":"o-1"}');
  });

  it('defaults a structured response without a content type to text/plain', async () => {
    const response = await callFunction(() => ({ statusCode: 200, body: 'plain' }));

    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('decodes a base64 body the function marks isBase64Encoded', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

    const response = await callFunction(() => ({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: png.toString('base64'), isBase64Encoded: true }));

    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it.each([
    ['a statusCode that is no HTTP status', { statusCode: 'created' }],
    ['a body that is not a string', { statusCode: 200, body: { id: 1 } }],
    ['headers that are not an object', { statusCode: 200, headers: ['x'] }],
  ])('answers 500 {"message":"Internal Server Error"} for %s', async (_case, result) => {
    const response = await callFunction(() => result as Json);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 500 when the function fails', async () => {
    const response = await callFunction(() => {
      throw new LambdaFunctionError('orders', { errorType: 'TypeError', errorMessage: 'boom' }, 'req-1');
    });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 503 {"message":"Service Unavailable"} past the integration timeout', async () => {
    const response = await callFunction(async () => {
      await sleep(2_000);
      return 'late';
    }, { integration: { TimeoutInMillis: 50 } });

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('answers 500 when the route points at an integration that cannot run locally', async () => {
    harness = await startApiHarness([
      ...anHttpApi(),
      apiResource('Integration', 'Legacy', { IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://legacy.example.com', IntegrationMethod: 'ANY', PayloadFormatVersion: '1.0' }),
      apiResource('Route', 'LegacyRoute', { RouteKey: 'ANY /legacy', Target: 'integrations/Legacy' }),
    ]);

    const response = await fetch(`${harness.url()}/legacy`);

    expect(response.status).toBe(500);
  });
});

describe('payload format 1.0', () => {
  it('sends the REST-style event with multi-value headers and query parameters', async () => {
    const lambda = new FakeLambda({ orders: () => ({ statusCode: 200, body: 'ok' }) });
    harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('GET /orders/{id}', 'orders', {}, { PayloadFormatVersion: '1.0' })], { lambda });

    await fetch(`${harness.url()}/orders/o-1?tag=a&tag=b`, { headers: { 'X-Correlation-Id': 'corr-1' } });

    expect(lambda.lastEvent).toMatchObject({
      version: '1.0',
      resource: '/orders/{id}',
      path: '/orders/o-1',
      httpMethod: 'GET',
      queryStringParameters: { tag: 'b' },
      multiValueQueryStringParameters: { tag: ['a', 'b'] },
      pathParameters: { id: 'o-1' },
      body: null,
      isBase64Encoded: false,
      requestContext: { httpMethod: 'GET', resourcePath: '/orders/{id}', stage: '$default', identity: { sourceIp: '127.0.0.1' } },
    });
    expect((lambda.lastEvent.multiValueHeaders as Record<string, string[]>)['x-correlation-id']).toEqual(['corr-1']);
  });

  it('requires a statusCode and merges multiValueHeaders into the response', async () => {
    const structured = await callFunction(() => ({ statusCode: 202, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' }), { integration: { PayloadFormatVersion: '1.0' } });
    await harness?.close();
    const bare = await callFunction(() => ({ ok: true }), { integration: { PayloadFormatVersion: '1.0' } });

    expect(structured.status).toBe(202);
    expect(structured.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(bare.status).toBe(500);
  });
});

describe('parameter mapping on a Lambda proxy integration', () => {
  it('adds request headers from context variables and overwrites the status code of a response', async () => {
    const integration = {
      RequestParameters: { 'append:header.x-request-id': '$context.requestId', 'overwrite:querystring.source': 'api' },
      ResponseParameters: { '500': { 'overwrite:statuscode': '503', 'append:header.retry-after': '5' } },
    };
    const lambda = new FakeLambda({ orders: () => ({ statusCode: 500, body: 'down' }) });
    harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('GET /orders', 'orders', {}, integration)], { lambda });

    const response = await fetch(`${harness.url()}/orders?source=web`);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((lambda.lastEvent.headers as Record<string, string>)['x-request-id']).toBe(response.headers.get('apigw-requestid'));
    expect(lambda.lastEvent).toMatchObject({ queryStringParameters: { source: 'api' }, rawQueryString: 'source=api' });
  });
});
