import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { anAuthorizedPayment, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let authorize: HttpHandler;
let capture: HttpHandler;
let refund: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: capture } = await import('./capture'));
  ({ handler: refund } = await import('./refund'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const gbp = (amount: number) => ({ amount: { amount, currency: 'GBP' } });
const refundOf = (id: string, idempotencyKey: string, body?: unknown) =>
  call(refund, { method: 'POST', id, action: 'refund' }, { idempotencyKey, body });

async function aCapturedPayment(amount: number): Promise<string> {
  const id = await anAuthorizedPayment(authorize, amount);
  await call(capture, { method: 'POST', id, action: 'capture' }, { idempotencyKey: `capture-${id}` });
  return id;
}

describe('POST /v1/authorizations/{id}/refund', () => {
  it('refunds part of a capture, then the rest', async () => {
    const id = await aCapturedPayment(5000);

    const partly = await refundOf(id, 'refund-part', gbp(2000));
    const fully = await refundOf(id, 'refund-rest');

    expect(bodyOf(partly)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: { amount: 2000, currency: 'GBP' } });
    expect(bodyOf(fully)).toMatchObject({ status: 'REFUNDED', refunded: { amount: 5000, currency: 'GBP' } });
  });

  it('refuses more than is left to refund (422)', async () => {
    const id = await aCapturedPayment(5000);
    await refundOf(id, 'refund-most', gbp(4000));

    const response = await refundOf(id, 'refund-too-much', gbp(1001));

    expect(response.statusCode).toBe(422);
    expect(bodyOf(response).code).toBe('PAYMENT.AMOUNT_NOT_ALLOWED');
  });

  it('refuses to refund an authorization that was never captured (409)', async () => {
    const id = await anAuthorizedPayment(authorize);

    const response = await refundOf(id, 'refund-uncaptured');

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response).code).toBe('PAYMENT.INVALID_STATE');
  });

  it('refunds once for a request sent twice with the same key', async () => {
    const id = await aCapturedPayment(5000);

    await refundOf(id, 'refund-twice', gbp(1000));
    const again = await refundOf(id, 'refund-twice', gbp(1000));

    expect(bodyOf(again)).toMatchObject({ refunded: { amount: 1000, currency: 'GBP' } });
    const stored = (await aws.scan('authorizations')).find((item) => item.id === id);
    expect(stored?.refundedAmount).toBe(1000);
  });

  it('answers 404 for an authorization that does not exist', async () => {
    const response = await refundOf('auth_unknown', 'refund-unknown');

    expect(response.statusCode).toBe(404);
  });
});
