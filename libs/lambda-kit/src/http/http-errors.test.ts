import { withCorrelation } from '@shop/events';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors';
import { captureLogs, type CapturedLogs } from '../testing';
import { toErrorResponse } from './http-errors';

class OrderNotFoundError extends DomainError {
  constructor(orderId: string) {
    super('ORDER.NOT_FOUND', `Order ${orderId} was not found`);
  }
}

class PaymentProviderDownError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PAYMENT.PROVIDER_UNAVAILABLE', 'The payment provider timed out for card 4111111111111111', options);
  }
}

const statusByCode = { 'ORDER.NOT_FOUND': 404, 'PAYMENT.PROVIDER_UNAVAILABLE': 503 };
const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('toErrorResponse', () => {
  it('turns a zod error into a 400 listing each field', () => {
    logs = captureLogs();
    const error = z.object({ quantity: z.int().positive() }).safeParse({ quantity: -1 }).error;

    const response = toErrorResponse(error, statusByCode);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({
      error: {
        code: 'REQUEST.INVALID',
        message: expect.any(String),
        fields: [{ path: 'quantity', message: expect.any(String) }],
      },
    });
  });

  it('answers a mapped 4xx with the domain code and message, logged at info level', () => {
    logs = captureLogs();

    const response = toErrorResponse(new OrderNotFoundError('ord_1'), statusByCode);

    logs.restore();
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({ error: { code: 'ORDER.NOT_FOUND', message: 'Order ord_1 was not found' } });
    expect(logs.lines().map((line) => [line.level, line.code])).toEqual([['INFO', 'ORDER.NOT_FOUND']]);
  });

  it('answers a mapped 5xx with its code but a generic message, and logs the cause', () => {
    logs = captureLogs();
    const error = new PaymentProviderDownError({ cause: new Error('ETIMEDOUT') });

    const response = withCorrelation({ correlationId: 'corr-1' }, () => toErrorResponse(error, statusByCode));

    logs.restore();
    expect(response.statusCode).toBe(503);
    expect(bodyOf(response).error).toEqual({
      code: 'PAYMENT.PROVIDER_UNAVAILABLE',
      message: expect.any(String),
      correlationId: 'corr-1',
    });
    expect(response.body).not.toContain('4111111111111111');
    expect(logs.lines()[0]).toMatchObject({ level: 'ERROR', error: { cause: { message: 'ETIMEDOUT' } } });
  });

  it('answers 500 INTERNAL for a domain error the route does not map', () => {
    logs = captureLogs();

    const response = toErrorResponse(new OrderNotFoundError('ord_1'), {});

    expect(response.statusCode).toBe(500);
    expect(bodyOf(response).error.code).toBe('INTERNAL');
  });

  it('does not mistake an object property for a mapped code', () => {
    logs = captureLogs();
    const error = Object.assign(new Error('odd'), { code: 'toString' });

    expect(toErrorResponse(error, statusByCode).statusCode).toBe(500);
  });

  it('answers 500 for something thrown that is not an Error', () => {
    logs = captureLogs();

    const response = toErrorResponse('a thrown string', statusByCode);

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('a thrown string');
  });
});
