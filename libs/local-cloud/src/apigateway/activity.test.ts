import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../core/plugin-harness';
import type { RequestActivity } from './activity';
import { anHttpApi, apiResource, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from './test-support';

let harness: ApiHarness;
const stream = new AbortController();
const messages: string[] = [];

/** Reads `/_local/apigateway-activity` as a browser's EventSource would, keeping each message as it came. */
async function follow(url: string): Promise<void> {
  const response = await fetch(url, { signal: stream.signal, headers: { accept: 'text/event-stream' } });
  let buffer = '';
  void (async () => {
    for await (const chunk of response.body ?? []) {
      buffer += Buffer.from(chunk as Uint8Array).toString('utf8');
      const parts = buffer.split('\n\n');
      buffer = parts.pop() ?? '';
      messages.push(...parts.filter((part) => part.includes('data:')));
    }
  })().catch(() => undefined);
}

const activities = (): RequestActivity[] => messages.map((m) => JSON.parse(/^data: (.*)$/m.exec(m)?.[1] ?? '{}') as RequestActivity);
const activityOf = async (path: string) => (await eventually(activities, (all) => all.some((a) => a.path === path))).find((a) => a.path === path);

beforeAll(async () => {
  // The Shop's HTTP handlers answer with the correlation id they used: the caller's, or a new one.
  const lambda = new FakeLambda({
    orders: (event) => {
      const headers = event.headers as Record<string, string>;
      return { statusCode: 201, headers: { 'x-correlation-id': headers['x-correlation-id'] ?? 'c-made-by-handler' }, body: '{}' };
    },
  });
  const authorizer = {
    AuthorizerType: 'JWT',
    Name: 'Customers',
    IdentitySource: ['$request.header.Authorization'],
    JwtConfiguration: { Issuer: 'http://127.0.0.1:9/issuer', Audience: ['storefront'] },
  };
  const routes = [...lambdaRoute('POST /orders/{id}', 'orders'), ...lambdaRoute('GET /me', 'orders', { AuthorizationType: 'JWT', AuthorizerId: 'Customers' })];
  harness = await startApiHarness([...anHttpApi(), apiResource('Authorizer', 'Customers', authorizer), ...routes], { lambda });
  await follow(`${harness.gatewayUrl}/_local/apigateway-activity`);
});

afterAll(async () => {
  stream.abort();
  await harness?.close();
});

describe('GET /_local/apigateway-activity', () => {
  it('streams each answered request as a `request` event with its route, status and the correlation id it carried', async () => {
    await fetch(`${harness.url()}/orders/o-1`, { method: 'POST', headers: { 'x-correlation-id': 'c-from-client' } });

    const activity = await activityOf('/orders/o-1');
    expect(messages[0]).toMatch(/^event: request\ndata: \{/);
    expect(activity).toEqual({
      type: 'request',
      apiId: 'a1b2c3d4e5',
      routeKey: 'POST /orders/{id}',
      method: 'POST',
      path: '/orders/o-1',
      status: 201,
      durationMs: expect.any(Number),
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      correlationId: 'c-from-client',
    });
  });

  it('takes the correlation id from the response when the request had none', async () => {
    await fetch(`${harness.url()}/orders/o-2`, { method: 'POST' });

    expect(await activityOf('/orders/o-2')).toMatchObject({ status: 201, correlationId: 'c-made-by-handler' });
  });

  it('says a JWT route refused the request, and names no route for a path none takes', async () => {
    await fetch(`${harness.url()}/me`);
    await fetch(`${harness.url()}/basket`);

    expect(await activityOf('/me')).toMatchObject({ routeKey: 'GET /me', status: 401, authorized: false });
    expect(await activityOf('/basket')).toMatchObject({ routeKey: '-', status: 404 });
    expect(await activityOf('/basket')).not.toHaveProperty('authorized');
  });
});
