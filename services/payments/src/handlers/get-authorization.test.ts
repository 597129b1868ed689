import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { anAuthorizedPayment, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let authorize: HttpHandler;
let capture: HttpHandler;
let getAuthorization: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: capture } = await import('./capture'));
  ({ handler: getAuthorization } = await import('./get-authorization'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

describe('GET /v1/authorizations/{id}', () => {
  it('shows the authorization as it is now', async () => {
    const id = await anAuthorizedPayment(authorize, 5000);
    await call(
      capture,
      { method: 'POST', id, action: 'capture' },
      { idempotencyKey: 'get-capture', body: { amount: { amount: 1500, currency: 'GBP' } } },
    );

    const response = await call(getAuthorization, { method: 'GET', id });

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({
      id,
      status: 'CAPTURED',
      amount: { amount: 5000, currency: 'GBP' },
      captured: { amount: 1500, currency: 'GBP' },
      cardBrand: 'visa',
      last4: '4242',
    });
  });

  it('needs no Idempotency-Key', async () => {
    const id = await anAuthorizedPayment(authorize);

    const response = await call(getAuthorization, { method: 'GET', id }, { idempotencyKey: undefined });

    expect(response.statusCode).toBe(200);
  });

  it('answers 404 for an authorization that does not exist', async () => {
    const response = await call(getAuthorization, { method: 'GET', id: 'auth_unknown' });

    expect(bodyOf(response)).toEqual({ code: 'PAYMENT.NOT_FOUND', message: 'No authorization auth_unknown' });
  });

  it('refuses a caller without the API key (401)', async () => {
    const id = await anAuthorizedPayment(authorize);

    const response = await call(getAuthorization, { method: 'GET', id }, { apiKey: 'wrong' });

    expect(response.statusCode).toBe(401);
  });
});
