import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { anAuthorizedPayment, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let authorize: HttpHandler;
let capture: HttpHandler;
let voidHandler: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: capture } = await import('./capture'));
  ({ handler: voidHandler } = await import('./void'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const voidOf = (id: string, idempotencyKey: string | undefined) =>
  call(voidHandler, { method: 'POST', id, action: 'void' }, { idempotencyKey });

describe('POST /v1/authorizations/{id}/void', () => {
  it('voids an authorization that was not captured', async () => {
    const id = await anAuthorizedPayment(authorize);

    const response = await voidOf(id, 'void-1');

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ id, status: 'VOIDED' });
  });

  it('refuses to void a captured authorization (409)', async () => {
    const id = await anAuthorizedPayment(authorize);
    await call(capture, { method: 'POST', id, action: 'capture' }, { idempotencyKey: 'void-captured-capture' });

    const response = await voidOf(id, 'void-captured');

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response)).toEqual({
      code: 'PAYMENT.INVALID_STATE',
      message: `Cannot void authorization ${id}: it is CAPTURED`,
    });
  });

  it('replays a void sent again with the same key, instead of refusing a second void', async () => {
    const id = await anAuthorizedPayment(authorize);
    const first = await voidOf(id, 'void-replay');

    const again = await voidOf(id, 'void-replay');

    expect([again.statusCode, again.body]).toEqual([200, first.body]);
  });

  it('answers 404 for an authorization that does not exist', async () => {
    const response = await voidOf('auth_unknown', 'void-unknown');

    expect(response.statusCode).toBe(404);
  });
});
