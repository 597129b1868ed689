import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { ApiGatewayV2Envelope } from '@aws-lambda-powertools/parser/envelopes/api-gatewayv2';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { currentCorrelation, type CorrelationContext } from '@shop/events';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors';
import { observability } from '../observability';
import { logger, metrics } from '../powertools';
import { aLambdaContext, anHttpEvent, captureLogs, type CapturedLogs } from '../testing';
import { makeHttpHandler, withHttpCorrelation } from './handler';
import { httpErrors } from './http-errors';
import { created, ok, type HttpResponse } from './response';

class OrderAlreadyExistsError extends DomainError {
  constructor(orderId: string) {
    super('ORDER.ALREADY_EXISTS', `Order ${orderId} already exists`);
  }
}

const PlaceOrderBody = z.object({
  orderId: z.string().min(1),
  quantity: z.int().positive(),
  email: z.email(),
  cardNumber: z.string(),
});

const placeOrderEvent = (body: unknown, headers: Record<string, string> = {}) =>
  anHttpEvent({ method: 'POST', path: '/orders', headers, body });

const bodyOf = (response: HttpResponse) => JSON.parse(response.body ?? 'null');

const aValidOrder = {
  orderId: 'ord_1',
  quantity: 2,
  email: 'ada@example.com',
  cardNumber: '4111111111111111',
};

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('makeHttpHandler', () => {
  const seen: CorrelationContext[] = [];
  const handler = makeHttpHandler(
    { request: { body: PlaceOrderBody }, errors: { 'ORDER.ALREADY_EXISTS': 409 } },
    async ({ body }) => {
      seen.push(currentCorrelation() ?? { correlationId: 'none' });
      logger.info('Placing order', { orderId: body.orderId });
      metrics.addMetric('OrdersPlaced', MetricUnit.Count, 1);
      if (body.orderId === 'ord_taken') throw new OrderAlreadyExistsError(body.orderId);
      if (body.orderId === 'ord_boom') throw new Error(`database refused ${body.email}`);
      return created({ orderId: body.orderId });
    },
  );

  it('returns the business response as JSON with the correlation id header', async () => {
    logs = captureLogs();

    const response = await handler(placeOrderEvent(aValidOrder, { 'x-correlation-id': 'corr-1' }), aLambdaContext());

    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toEqual({ orderId: 'ord_1' });
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-correlation-id': 'corr-1',
    });
  });

  it('runs the business function inside the request correlation context', async () => {
    logs = captureLogs();
    seen.length = 0;

    await handler(placeOrderEvent(aValidOrder, { 'x-correlation-id': 'corr-2' }), aLambdaContext());

    expect(seen).toEqual([{ correlationId: 'corr-2', causationId: 'JKJaXmPLvHcESHA=' }]);
  });

  it('creates a correlation id when the request has none, and returns it', async () => {
    logs = captureLogs();
    seen.length = 0;

    const response = await handler(placeOrderEvent(aValidOrder), aLambdaContext());

    const correlationId = response.headers?.['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.correlationId).toBe(correlationId);
  });

  it('puts the correlation id on every log line and on the metrics, and never logs personal data', async () => {
    logs = captureLogs();

    await handler(placeOrderEvent(aValidOrder, { 'x-correlation-id': 'corr-3' }), aLambdaContext());

    logs.restore();
    expect(logs.lines().length).toBeGreaterThan(0);
    expect(logs.lines().every((line) => line.correlation_id === 'corr-3')).toBe(true);
    expect(logs.lines().find((line) => line.message === 'Placing order')).toMatchObject({
      function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
      service: 'lambda-kit-test',
    });
    const emf = logs
      .text()
      .split('\n')
      .filter((line) => line.includes('"OrdersPlaced"'));
    expect(emf).toHaveLength(1);
    expect(JSON.parse(emf[0] ?? '')).toMatchObject({ correlation_id: 'corr-3', OrdersPlaced: 1 });
    expect(logs.text()).not.toContain('ada@example.com');
    expect(logs.text()).not.toContain('4111111111111111');
  });

  it('answers 400 with every invalid field, and logs it below error level', async () => {
    logs = captureLogs();
    const invalid = { ...aValidOrder, quantity: 0, email: 'not-an-email' };

    const response = await handler(placeOrderEvent(invalid, { 'x-correlation-id': 'corr-4' }), aLambdaContext());

    logs.restore();
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['x-correlation-id']).toBe('corr-4');
    const body = bodyOf(response);
    expect(body.error.code).toBe('REQUEST.INVALID');
    expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.quantity', 'body.email']);
    expect(logs.lines().some((line) => line.level === 'ERROR')).toBe(false);
    expect(logs.text()).not.toContain('4111111111111111');
  });

  it('answers 400 when the body is not JSON', async () => {
    logs = captureLogs();

    const response = await handler(placeOrderEvent('{"orderId": '), aLambdaContext());

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error.fields[0].path).toBe('body');
  });

  it('maps a domain error to its status with its code and message', async () => {
    logs = captureLogs();

    const response = await handler(placeOrderEvent({ ...aValidOrder, orderId: 'ord_taken' }), aLambdaContext());

    logs.restore();
    expect(response.statusCode).toBe(409);
    expect(bodyOf(response)).toEqual({
      error: { code: 'ORDER.ALREADY_EXISTS', message: 'Order ord_taken already exists' },
    });
    expect(logs.lines().some((line) => line.level === 'ERROR')).toBe(false);
  });

  it('answers 500 with a generic body and the correlation id, and logs the cause as an error', async () => {
    logs = captureLogs();
    const event = placeOrderEvent({ ...aValidOrder, orderId: 'ord_boom' }, { 'x-correlation-id': 'corr-5' });

    const response = await handler(event, aLambdaContext());

    logs.restore();
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({
      error: { code: 'INTERNAL', message: expect.any(String), correlationId: 'corr-5' },
    });
    expect(response.body).not.toContain('database');
    const errorLine = logs.lines().find((line) => line.level === 'ERROR');
    expect(errorLine).toMatchObject({ correlation_id: 'corr-5', status: 500, error: { name: 'Error' } });
  });
});

describe('withHttpCorrelation around a hand-written middy chain', () => {
  const handler = withHttpCorrelation(
    middy()
      .use(observability())
      .use(httpErrors({ 'ORDER.ALREADY_EXISTS': 409 }))
      .use(parser({ schema: JSONStringified(PlaceOrderBody), envelope: ApiGatewayV2Envelope }))
      .handler(async (body) => ok({ orderId: body.orderId, correlationId: currentCorrelation()?.correlationId })),
  );

  it('parses the body with the ApiGatewayV2Envelope and runs in the correlation context', async () => {
    logs = captureLogs();

    const response = await handler(placeOrderEvent(aValidOrder, { 'x-correlation-id': 'corr-6' }), aLambdaContext());

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ orderId: 'ord_1', correlationId: 'corr-6' });
    expect(response.headers?.['x-correlation-id']).toBe('corr-6');
  });

  it('turns an envelope parse failure into a 400 with field paths', async () => {
    logs = captureLogs();

    const response = await handler(placeOrderEvent({ ...aValidOrder, quantity: 'two' }), aLambdaContext());

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error.fields).toEqual([
      { path: 'body.quantity', message: expect.stringContaining('number') },
    ]);
  });
});
