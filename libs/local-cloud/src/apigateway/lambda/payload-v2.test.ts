import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/contracts';
import { ACCOUNT_ID, API_ID, anHttpApi, apiResource, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from '../test-support';

let harness: ApiHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CART_ROUTE: { routeKey: string; stage: JsonObject } = { routeKey: 'POST /carts/{cartId}/lines', stage: { StageVariables: { tier: 'gold' } } };

async function captureEvent(path: string, init: RequestInit = {}, api = CART_ROUTE, rawHeaders?: string[]) {
  const lambda = new FakeLambda({ cart: () => ({ statusCode: 204 }) });
  harness = await startApiHarness([...anHttpApi({}, api.stage), ...lambdaRoute(api.routeKey, 'cart')], { lambda });
  if (rawHeaders) await sendRaw(`${harness.url()}${path}`, init.method ?? 'GET', rawHeaders);
  else await fetch(`${harness.url()}${path}`, init);
  return lambda.lastEvent;
}

/** fetch folds repeated headers into one; node:http sends them as written. */
function sendRaw(url: string, method: string, rawHeaders: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // Raw headers replace Node's defaults, Host included.
    const req = request(url, { method, headers: ['Host', new URL(url).host, ...rawHeaders] }, (res) => res.resume().on('end', resolve));
    req.on('error', reject).end();
  });
}

describe('payload format 2.0', () => {
  it('sends the event Powertools parses with its API Gateway v2 schema', async () => {
    const event = await captureEvent('/carts/c-1/lines?sku=a', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"qty":1}' });

    expect(APIGatewayProxyEventV2Schema.safeParse(event).error).toBeUndefined();
  });

  it('carries the route, raw path and query, path parameters and stage variables', async () => {
    const event = await captureEvent('/carts/c%201/lines?sku=a&sku=b&gift=true', { method: 'POST' });

    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /carts/{cartId}/lines',
      rawPath: '/carts/c%201/lines',
      rawQueryString: 'sku=a&sku=b&gift=true',
      queryStringParameters: { sku: 'a,b', gift: 'true' },
      pathParameters: { cartId: 'c 1' },
      stageVariables: { tier: 'gold' },
      isBase64Encoded: false,
    });
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies to their own field', async () => {
    const rawHeaders = ['X-Correlation-Id', 'corr-1', 'X-Tag', 'a', 'X-Tag', 'b', 'Cookie', 'session=s1; theme=dark'];

    const event = await captureEvent('/carts/c-1/lines', { method: 'POST' }, undefined, rawHeaders);

    expect(event.headers).toMatchObject({ 'x-correlation-id': 'corr-1', 'x-tag': 'a,b', 'x-forwarded-proto': 'http' });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.cookies).toEqual(['session=s1', 'theme=dark']);
  });

  it('fills the request context as API Gateway does', async () => {
    const event = await captureEvent('/carts/c-1/lines', { method: 'POST', headers: { 'user-agent': 'shop-test/1.0' } });

    expect(event.requestContext).toMatchObject({
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainPrefix: API_ID,
      http: { method: 'POST', path: '/carts/c-1/lines', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'shop-test/1.0' },
      routeKey: 'POST /carts/{cartId}/lines',
      stage: '$default',
    });
    const context = event.requestContext as { time: string; timeEpoch: number; requestId: string; domainName: string };
    expect(context.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(context.timeEpoch).toBeGreaterThan(1_700_000_000_000);
    expect(context.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(context.domainName).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('passes a JSON or text body as it is', async () => {
    const event = await captureEvent('/carts/c-1/lines', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"sku":"é"}' });

    expect(event).toMatchObject({ body: '{"sku":"é"}', isBase64Encoded: false });
  });

  it('base64-encodes a binary body, a form post or a body without a content type', async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);

    const binary = await captureEvent('/carts/c-1/lines', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    await harness?.close();
    const form = await captureEvent('/carts/c-1/lines', { method: 'POST', body: new URLSearchParams({ sku: 'a' }) });

    expect(binary).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
    expect(form).toMatchObject({ body: Buffer.from('sku=a').toString('base64'), isBase64Encoded: true });
  });

  it('leaves out the optional fields a bare GET does not have', async () => {
    const event = await captureEvent('/', {}, { routeKey: '$default', stage: {} });

    expect(Object.keys(event).sort()).toEqual(['headers', 'isBase64Encoded', 'rawPath', 'rawQueryString', 'requestContext', 'routeKey', 'version']);
  });

  it('puts a named stage in rawPath and requestContext.http.path, and not in route matching', async () => {
    const lambda = new FakeLambda({ cart: () => 'ok' });
    harness = await startApiHarness([...anHttpApi(), apiResource('Stage', 'Beta', { StageName: 'beta' }), ...lambdaRoute('GET /carts', 'cart')], { lambda });

    await fetch(`${harness.url('beta')}/carts`);

    expect(lambda.lastEvent).toMatchObject({ rawPath: '/beta/carts', routeKey: 'GET /carts', requestContext: { stage: 'beta', http: { path: '/beta/carts' } } });
  });
});
