import middy from '@middy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aLambdaContext, anHttpEvent, captureLogs, type CapturedLogs } from '../testing';
import { httpErrors } from './http-errors';
import { withHttpCorrelation } from './handler';
import { httpRequest } from './request';
import { ok } from './response';

const schemas = {
  body: z.object({ quantity: z.int().positive() }),
  path: z.object({ cartId: z.string().startsWith('cart_') }),
  query: z.object({ dryRun: z.stringbool().default(false) }),
};

const handler = withHttpCorrelation(
  middy()
    .use(httpErrors())
    .use(httpRequest(schemas))
    .handler(async ({ body, path, query, event }) => ok({ body, path, query, route: event.routeKey })),
);

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('httpRequest', () => {
  it('hands the parsed body, path and query to the handler, with the raw event', async () => {
    const event = anHttpEvent({
      method: 'PUT',
      path: '/carts/cart_1/lines',
      routeKey: 'PUT /carts/{cartId}/lines',
      body: { quantity: 3 },
      pathParameters: { cartId: 'cart_1' },
      queryStringParameters: { dryRun: 'true' },
    });

    const response = await handler(event, aLambdaContext());

    expect(JSON.parse(response.body ?? '')).toEqual({
      body: { quantity: 3 },
      path: { cartId: 'cart_1' },
      query: { dryRun: true },
      route: 'PUT /carts/{cartId}/lines',
    });
  });

  it('reports every invalid part at once, each path prefixed with its part', async () => {
    logs = captureLogs();
    const event = anHttpEvent({ body: { quantity: 0 }, pathParameters: { cartId: 'nope' } });

    const response = await handler(event, aLambdaContext());

    expect(response.statusCode).toBe(400);
    const paths = JSON.parse(response.body ?? '').error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(['body.quantity', 'path.cartId']);
  });

  it('decodes a base64-encoded body before parsing it', async () => {
    const event = {
      ...anHttpEvent({ pathParameters: { cartId: 'cart_1' } }),
      body: Buffer.from('{"quantity":2}').toString('base64'),
      isBase64Encoded: true,
    };

    const response = await handler(event, aLambdaContext());

    expect(JSON.parse(response.body ?? '').body).toEqual({ quantity: 2 });
  });

  it('rejects a missing body when the route has a body schema', async () => {
    logs = captureLogs();

    const response = await handler(anHttpEvent({ pathParameters: { cartId: 'cart_1' } }), aLambdaContext());

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '').error.fields[0].path).toBe('body');
  });

  it('leaves out the parts a route has no schema for', async () => {
    const pathOnly = withHttpCorrelation(
      middy()
        .use(httpRequest({ path: schemas.path }))
        .handler(async ({ body, path, query }) => ok({ body, path, query })),
    );

    const response = await pathOnly(
      anHttpEvent({ body: 'ignored', pathParameters: { cartId: 'cart_9' } }),
      aLambdaContext(),
    );

    const { body, path, query } = JSON.parse(response.body ?? '');
    expect({ body, path, query }).toEqual({ body: undefined, path: { cartId: 'cart_9' }, query: undefined });
  });
});
