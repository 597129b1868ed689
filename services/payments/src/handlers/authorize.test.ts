import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../domain/test-cards';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { anAuthorizeBody, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let handler: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler } = await import('./authorize'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const authorizeWith = (idempotencyKey: string | undefined, body: unknown = anAuthorizeBody(), apiKey?: string) =>
  call(handler, { method: 'POST' }, { idempotencyKey, body, ...(apiKey !== undefined && { apiKey }) });
const storedAuthorizations = async (reference: string) =>
  (await aws.scan('authorizations')).filter((item) => item.reference === reference);

describe('POST /v1/authorizations', () => {
  it.each([
    [TEST_CARDS.visa, 'visa', '4242'],
    [TEST_CARDS.mastercard, 'mastercard', '4444'],
    ['3782 822463 10005', 'amex', '0005'],
  ])('authorizes the approving test card %s', async (number, cardBrand, last4) => {
    const response = await authorizeWith(
      `approve-${cardBrand}`,
      anAuthorizeBody({ number, reference: `ord_${cardBrand}` }),
    );

    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body).toEqual({
      id: expect.stringMatching(/^auth_[0-9a-f]{32}$/),
      status: 'AUTHORIZED',
      amount: { amount: 5000, currency: 'GBP' },
      captured: { amount: 0, currency: 'GBP' },
      refunded: { amount: 0, currency: 'GBP' },
      cardBrand,
      last4,
      reference: `ord_${cardBrand}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(response.headers?.location).toBe(`/v1/authorizations/${body.id}`);
  });

  it.each([
    [TEST_CARDS.declined, 'generic_decline'],
    [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
  ])('declines %s with 402 and %s, authorizing nothing', async (number, declineCode) => {
    const response = await authorizeWith(
      `decline-${declineCode}`,
      anAuthorizeBody({ number, reference: `ord_${declineCode}` }),
    );

    expect(response.statusCode).toBe(402);
    expect(bodyOf(response)).toEqual({ code: 'PAYMENT.CARD_DECLINED', message: expect.any(String), declineCode });
    expect(await storedAuthorizations(`ord_${declineCode}`)).toEqual([]);
  });

  it('declines an expired card as expired_card', async () => {
    const response = await authorizeWith('expired', anAuthorizeBody({ expYear: 2020 }));

    expect(response.statusCode).toBe(402);
    expect(bodyOf(response).declineCode).toBe('expired_card');
  });

  it('answers 503 with Retry-After on the transient card’s first attempt, and authorizes the retry with the same key', async () => {
    const body = anAuthorizeBody({ number: TEST_CARDS.transientFailure, reference: 'ord_transient' });

    const first = await authorizeWith('transient-1', body);
    const retry = await authorizeWith('transient-1', body);

    expect(first.statusCode).toBe(503);
    expect(bodyOf(first).code).toBe('PAYMENT.TEMPORARILY_UNAVAILABLE');
    expect(first.headers?.['retry-after']).toBe('1');
    expect(retry.statusCode).toBe(201);
    expect(await storedAuthorizations('ord_transient')).toHaveLength(1);
  });

  it('keeps the caller waiting on the timeout card, then answers 504 with nothing authorized, every time', async () => {
    const body = anAuthorizeBody({ number: TEST_CARDS.timeout, reference: 'ord_timeout' });

    const first = await authorizeWith('timeout-1', body);
    const retry = await authorizeWith('timeout-1', body);

    expect([first.statusCode, retry.statusCode]).toEqual([504, 504]);
    expect(bodyOf(retry).code).toBe('PAYMENT.PROCESSOR_TIMEOUT');
    expect(await storedAuthorizations('ord_timeout')).toEqual([]);
  });
});

describe('POST /v1/authorizations, idempotency', () => {
  it('replays the first response for the same key and body, and authorizes once', async () => {
    const body = anAuthorizeBody({ reference: 'ord_replay' });

    const first = await authorizeWith('replay-1', body);
    const again = await authorizeWith('replay-1', body);

    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(await storedAuthorizations('ord_replay')).toHaveLength(1);
  });

  it('replays a decline too', async () => {
    const body = anAuthorizeBody({ number: TEST_CARDS.declined });

    await authorizeWith('replay-decline', body);
    const again = await authorizeWith('replay-decline', body);

    expect(again.statusCode).toBe(402);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
  });

  it.each([
    ['another amount', 'reuse-amount', anAuthorizeBody({ amount: 6000 })],
    ['another card', 'reuse-card', anAuthorizeBody({ number: TEST_CARDS.mastercard })],
  ])('refuses the same key with %s (422)', async (_change, key, otherBody) => {
    await authorizeWith(key, anAuthorizeBody());

    const response = await authorizeWith(key, otherBody);

    expect(response.statusCode).toBe(422);
    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REUSED');
  });

  it('requires an Idempotency-Key', async () => {
    const response = await authorizeWith(undefined, anAuthorizeBody({ reference: 'ord_no_key' }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REQUIRED');
    expect(await storedAuthorizations('ord_no_key')).toEqual([]);
  });
});

describe('POST /v1/authorizations, bad requests', () => {
  it('refuses a card number that fails the Luhn check, naming the field', async () => {
    const body = anAuthorizeBody({ number: '4242424242424241' });

    const response = await authorizeWith('luhn', body);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({
      code: 'PAYMENT.INVALID_REQUEST',
      message: expect.any(String),
      errors: [{ path: 'body.card.number', message: 'Not a valid card number (Luhn check failed)' }],
    });
  });

  it('lists every invalid field of the amount', async () => {
    const body = { ...anAuthorizeBody(), amount: { amount: 0, currency: 'XYZ' } };

    const response = await authorizeWith('bad-amount', body);

    const paths = (bodyOf(response).errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(['body.amount.amount', 'body.amount.currency']);
  });

  it.each([
    ['no API key', undefined],
    ['the wrong API key', 'not-the-key'],
  ])('refuses a request with %s (401), before looking at anything else', async (_case, apiKey) => {
    const response = await call(handler, { method: 'POST' }, { body: 'not json', apiKey });

    expect(response.statusCode).toBe(401);
    expect(bodyOf(response).code).toBe('PAYMENT.UNAUTHENTICATED');
  });
});

describe('card data', () => {
  it('never stores or logs the card number or the CVC', async () => {
    const body = anAuthorizeBody({ number: TEST_CARDS.mastercard, reference: 'ord_pci' });
    await authorizeWith('pci-1', body);
    await authorizeWith('pci-1', body);
    await authorizeWith('pci-2', anAuthorizeBody({ number: TEST_CARDS.declined }));
    await authorizeWith('pci-3', anAuthorizeBody({ number: TEST_CARDS.transientFailure }));
    logs.restore();

    const stored = JSON.stringify([await aws.scan('authorizations'), await aws.scan('idempotency')]);
    for (const text of [stored, logs.text()]) {
      expect(text).not.toContain(TEST_CARDS.mastercard);
      expect(text).not.toContain(TEST_CARDS.declined);
      expect(text).not.toContain(TEST_CARDS.transientFailure);
      expect(text.toLowerCase()).not.toContain('cvc');
    }
    expect(logs.lines().find((line) => line.message === 'Payment authorized')).toMatchObject({
      cardBrand: 'mastercard',
      last4: '4444',
    });
  });
});
