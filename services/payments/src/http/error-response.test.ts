import { withCorrelation } from '@shop/events';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidStateError, ProcessorUnavailableError } from '../domain/errors';
import { errorResponse } from './error-response';

let logs: CapturedLogs;
afterEach(() => logs?.restore());
const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

describe('errorResponse', () => {
  it('answers a domain error with its status and a flat code and message, logged at info', () => {
    logs = captureLogs();

    const response = errorResponse(new InvalidStateError('auth_1', 'VOIDED', 'capture'));
    logs.restore();

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response)).toEqual({
      code: 'PAYMENT.INVALID_STATE',
      message: 'Cannot capture authorization auth_1: it is VOIDED',
    });
    expect(logs.lines().map((line) => line.level)).toEqual(['INFO']);
  });

  it('tells the caller when to retry a simulated outage, and only warns about it', () => {
    logs = captureLogs();

    const response = errorResponse(new ProcessorUnavailableError());
    logs.restore();

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(logs.lines().map((line) => line.level)).toEqual(['WARN']);
  });

  it('lists the invalid fields of a request', () => {
    logs = captureLogs();
    const invalid = z.object({ reference: z.string() }).safeParse({ reference: 1 }).error;

    const response = errorResponse(invalid);

    expect(bodyOf(response)).toMatchObject({ code: 'PAYMENT.INVALID_REQUEST', errors: [{ path: 'reference' }] });
  });

  it('answers anything else with 500 and the correlation id, never with its message', () => {
    logs = captureLogs();

    const response = withCorrelation({ correlationId: 'corr-9' }, () => errorResponse(new Error('table missing')));
    logs.restore();

    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({
      code: 'PAYMENT.INTERNAL',
      message: expect.any(String),
      correlationId: 'corr-9',
    });
    expect(response.body).not.toContain('table missing');
    expect(logs.lines()[0]).toMatchObject({ level: 'ERROR', error: { message: 'table missing' } });
  });
});
