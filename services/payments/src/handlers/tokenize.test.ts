import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../domain/test-cards';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { aCardBody, aTokenAuthorizeBody, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let tokenize: HttpHandler;
let authorize: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: tokenize } = await import('./tokenize'));
  ({ handler: authorize } = await import('./authorize'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const tokenizeWith = (idempotencyKey: string | undefined, card: unknown = aCardBody(), apiKey?: string) =>
  call(
    tokenize,
    { method: 'POST', resource: 'tokens' },
    { idempotencyKey, body: { card }, ...(apiKey !== undefined && { apiKey }) },
  );

describe('POST /v1/tokens', () => {
  it.each([
    [TEST_CARDS.visa, 'visa', '4242'],
    [TEST_CARDS.mastercard, 'mastercard', '4444'],
    ['3782 822463 10005', 'amex', '0005'],
  ])('tokenizes %s, showing its brand, last four digits and expiry', async (number, brand, last4) => {
    const response = await tokenizeWith(`tokenize-${brand}`, { ...aCardBody(number), expMonth: 4, expYear: 2031 });

    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body).toEqual({
      id: expect.stringMatching(/^tok_[0-9a-f]{32}$/),
      brand,
      last4,
      expMonth: 4,
      expYear: 2031,
      createdAt: expect.any(String),
    });
    expect(response.headers?.location).toBe(`/v1/tokens/${body.id}`);
  });

  it('answers a retry with the same key and card with the same token', async () => {
    const first = await tokenizeWith('tokenize-replay');

    const again = await tokenizeWith('tokenize-replay');

    expect([again.statusCode, again.body]).toEqual([201, first.body]);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect((await aws.scan('tokens')).filter((item) => item.id === bodyOf(first).id)).toHaveLength(1);
  });

  it('refuses the same key with another card (422)', async () => {
    await tokenizeWith('tokenize-reused');

    const response = await tokenizeWith('tokenize-reused', aCardBody(TEST_CARDS.mastercard));

    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['a number that fails the Luhn check', { number: '4242424242424241' }, 'body.card.number'],
    ['a brand the sandbox does not take', { number: '6011111111111117' }, 'body.card.number'],
    ['a CVC of the wrong length', { number: TEST_CARDS.amex, cvc: '123' }, 'body.card.cvc'],
  ])('refuses %s (400)', async (_case, change, path) => {
    const response = await tokenizeWith(`tokenize-bad-${path}-${change.number}`, { ...aCardBody(), ...change });

    expect(response.statusCode).toBe(400);
    expect((bodyOf(response).errors as { path: string }[]).map((error) => error.path)).toEqual([path]);
  });

  it('tokenizes a card that has expired: the issuer declines it at authorization', async () => {
    const response = await tokenizeWith('tokenize-expired', aCardBody(TEST_CARDS.visa, 2020));

    expect(response.statusCode).toBe(201);
  });

  it('requires an Idempotency-Key (400) and the API key (401)', async () => {
    const noKey = await tokenizeWith(undefined);
    const noApiKey = await tokenizeWith('tokenize-no-api-key', aCardBody(), 'wrong');

    expect(bodyOf(noKey).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REQUIRED');
    expect(noApiKey.statusCode).toBe(401);
  });
});

describe('card data in tokens', () => {
  it('never stores or logs a card number or CVC, from tokenizing to authorizing', async () => {
    for (const [name, number] of Object.entries(TEST_CARDS)) {
      const token = bodyOf(await tokenizeWith(`pci-tokenize-${name}`, aCardBody(number))).id as string;
      await call(
        authorize,
        { method: 'POST' },
        { idempotencyKey: `pci-authorize-${name}`, body: aTokenAuthorizeBody(token) },
      );
    }
    await tokenizeWith('pci-bad', { ...aCardBody(TEST_CARDS.visa), number: '4242424242424241' });
    logs.restore();

    const stored = JSON.stringify(await Promise.all(['tokens', 'authorizations', 'idempotency'].map(aws.scan)));
    for (const text of [stored, logs.text()]) {
      for (const number of [...Object.values(TEST_CARDS), '4242424242424241']) expect(text).not.toContain(number);
      expect(text.toLowerCase()).not.toContain('cvc');
    }
    expect(logs.lines().find((line) => line.message === 'Card tokenized')).toMatchObject({
      cardBrand: 'visa',
      last4: '4242',
    });
  });
});
