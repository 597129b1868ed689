import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/contracts';
import { apiResource, anHttpApi, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from './test-support';

const echoRoute = (event: JsonObject) => ({ routeKey: event.routeKey ?? null, pathParameters: event.pathParameters ?? null });

let harness: ApiHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('HttpApiEngine over HTTP', () => {
  it('routes by API Gateway priority: exact, then greedy, then $default', async () => {
    const lambda = new FakeLambda({ products: echoRoute, proxy: echoRoute, fallback: echoRoute });
    harness = await startApiHarness(
      [...anHttpApi(), ...lambdaRoute('GET /products/{id}', 'products'), ...lambdaRoute('ANY /products/{proxy+}', 'proxy'), ...lambdaRoute('$default', 'fallback')],
      { lambda },
    );

    const exact = await (await fetch(`${harness.url()}/products/p-1`)).json();
    const greedy = await (await fetch(`${harness.url()}/products/p-1/reviews`, { method: 'POST' })).json();
    const fallback = await (await fetch(`${harness.url()}/basket`)).json();

    expect(exact).toEqual({ routeKey: 'GET /products/{id}', pathParameters: { id: 'p-1' } });
    expect(greedy).toEqual({ routeKey: 'ANY /products/{proxy+}', pathParameters: { proxy: 'p-1/reviews' } });
    expect(fallback).toEqual({ routeKey: '$default', pathParameters: null });
  });

  it('answers 404 {"message":"Not Found"} when no route matches', async () => {
    harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('GET /products', 'products')], { lambda: new FakeLambda({}) });

    const response = await fetch(`${harness.url()}/orders`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('answers 404 for an API id that does not exist', async () => {
    harness = await startApiHarness(anHttpApi(), { lambda: new FakeLambda({}) });

    const response = await fetch(harness.url().replace(/[a-z0-9]+$/, 'nosuchapi0'));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('serves a named stage under its name and sends other paths to the $default stage', async () => {
    const lambda = new FakeLambda({ products: (event) => ({ stage: (event.requestContext as { stage: string }).stage, rawPath: event.rawPath ?? null }) });
    harness = await startApiHarness(
      [...anHttpApi(), apiResource('Stage', 'ProdStage', { StageName: 'prod' }), ...lambdaRoute('GET /products', 'products')],
      { lambda },
    );

    const prod = await (await fetch(`${harness.url('prod')}/products`)).json();
    const byDefault = await (await fetch(`${harness.url()}/products`)).json();

    expect(prod).toEqual({ stage: 'prod', rawPath: '/prod/products' });
    expect(byDefault).toEqual({ stage: '$default', rawPath: '/products' });
  });

  it('answers 404 when the API has no stage to serve the request', async () => {
    harness = await startApiHarness([apiResource('Api', 'a1b2c3d4e5', { Name: 'ShopApi', ProtocolType: 'HTTP' }), ...lambdaRoute('GET /products', 'products')], {
      lambda: new FakeLambda({ products: () => 'never' }),
    });

    const response = await fetch(`${harness.url()}/products`);

    expect(response.status).toBe(404);
  });

  it('refuses a body over the 10 MB payload quota with 413 before invoking the function', async () => {
    const lambda = new FakeLambda({ upload: () => 'stored' });
    harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('POST /uploads', 'upload')], { lambda });

    const response = await fetch(`${harness.url()}/uploads`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1) });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(lambda.invocations).toHaveLength(0);
  });

  it('accepts a body of exactly 10 MB', async () => {
    const lambda = new FakeLambda({ upload: (event) => ({ statusCode: 201, body: String((event.body as string).length) }) });
    harness = await startApiHarness([...anHttpApi(), ...lambdaRoute('POST /uploads', 'upload')], { lambda });

    const response = await fetch(`${harness.url()}/uploads`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(10 * 1024 * 1024) });

    expect(response.status).toBe(201);
    expect(await response.text()).toBe(String(10 * 1024 * 1024));
  });

  it('throttles a route beyond its stage burst with 429 {"message":"Too Many Requests"}', async () => {
    const lambda = new FakeLambda({ products: () => ({ ok: true }) });
    const stageSettings = { DefaultRouteSettings: { ThrottlingBurstLimit: 2, ThrottlingRateLimit: 0.001 } };
    harness = await startApiHarness([...anHttpApi({}, stageSettings), ...lambdaRoute('GET /products', 'products')], { lambda });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${harness.url()}/products`)).status);
    const throttled = await fetch(`${harness.url()}/products`);

    expect(statuses).toEqual([200, 200, 429]);
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
    expect(lambda.invocations).toHaveLength(2);
  });

  it('throttles each route with its own bucket, RouteSettings overriding the stage default', async () => {
    const lambda = new FakeLambda({ products: () => 'ok', checkout: () => 'ok' });
    const stageSettings = { DefaultRouteSettings: { ThrottlingBurstLimit: 1, ThrottlingRateLimit: 0.001 }, RouteSettings: { 'POST /checkout': { ThrottlingBurstLimit: 3, ThrottlingRateLimit: 0.001 } } };
    harness = await startApiHarness([...anHttpApi({}, stageSettings), ...lambdaRoute('GET /products', 'products'), ...lambdaRoute('POST /checkout', 'checkout')], { lambda });

    const products = [];
    const checkout = [];
    for (let i = 0; i < 2; i += 1) products.push((await fetch(`${harness.url()}/products`)).status);
    for (let i = 0; i < 3; i += 1) checkout.push((await fetch(`${harness.url()}/checkout`, { method: 'POST' })).status);

    expect(products).toEqual([200, 429]);
    expect(checkout).toEqual([200, 200, 200]);
  });
});
