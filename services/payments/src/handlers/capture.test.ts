import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { anAuthorizedPayment, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let authorize: HttpHandler;
let capture: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: capture } = await import('./capture'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const captureOf = (id: string, idempotencyKey: string | undefined, body?: unknown) =>
  call(capture, { method: 'POST', id, action: 'capture' }, { idempotencyKey, body });

describe('POST /v1/authorizations/{id}/capture', () => {
  it('captures the whole amount when the request has no body', async () => {
    const id = await anAuthorizedPayment(authorize, 5000);

    const response = await captureOf(id, 'capture-all');

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ id, status: 'CAPTURED', captured: { amount: 5000, currency: 'GBP' } });
  });

  it('captures part of the amount', async () => {
    const id = await anAuthorizedPayment(authorize, 5000);

    const response = await captureOf(id, 'capture-part', { amount: { amount: 3200, currency: 'GBP' } });

    expect(bodyOf(response)).toMatchObject({ status: 'CAPTURED', captured: { amount: 3200, currency: 'GBP' } });
  });

  it('refuses more than was authorized (422)', async () => {
    const id = await anAuthorizedPayment(authorize, 5000);

    const response = await captureOf(id, 'capture-too-much', { amount: { amount: 5001, currency: 'GBP' } });

    expect(response.statusCode).toBe(422);
    expect(bodyOf(response).code).toBe('PAYMENT.AMOUNT_NOT_ALLOWED');
  });

  it('refuses a second capture under a new key (409)', async () => {
    const id = await anAuthorizedPayment(authorize);
    await captureOf(id, 'capture-once-1');

    const response = await captureOf(id, 'capture-once-2');

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response).code).toBe('PAYMENT.INVALID_STATE');
  });

  it('replays a capture sent again with the same key', async () => {
    const id = await anAuthorizedPayment(authorize);
    const first = await captureOf(id, 'capture-replay');

    const again = await captureOf(id, 'capture-replay');

    expect([again.statusCode, again.body]).toEqual([200, first.body]);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key for another authorization (422)', async () => {
    const first = await anAuthorizedPayment(authorize);
    const second = await anAuthorizedPayment(authorize);
    await captureOf(first, 'capture-reused');

    const response = await captureOf(second, 'capture-reused');

    expect(response.statusCode).toBe(422);
    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for an authorization that does not exist', async () => {
    const response = await captureOf('auth_unknown', 'capture-unknown');

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response).code).toBe('PAYMENT.NOT_FOUND');
  });

  it('requires an Idempotency-Key', async () => {
    const id = await anAuthorizedPayment(authorize);

    const response = await captureOf(id, undefined);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REQUIRED');
  });
});
