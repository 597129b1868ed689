import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoTokenVault } from '../adapters/dynamodb-token-vault';
import { issueToken, TOKEN_LIFETIME_SECONDS } from '../domain/card-token';
import { TEST_CARDS } from '../domain/test-cards';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { aCardBody, aTokenAuthorizeBody, aTokenFor, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let authorize: HttpHandler;
let tokenize: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: tokenize } = await import('./tokenize'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const authorizeWith = (idempotencyKey: string, body: unknown) =>
  call(authorize, { method: 'POST' }, { idempotencyKey, body });
const storedAuthorizations = async (reference: string) =>
  (await aws.scan('authorizations')).filter((item) => item.reference === reference);

describe('POST /v1/authorizations with a token: the test cards behave as they do as card details', () => {
  it.each([
    [TEST_CARDS.visa, 'visa', '4242'],
    [TEST_CARDS.mastercard, 'mastercard', '4444'],
    [TEST_CARDS.amex, 'amex', '0005'],
  ])('authorizes a token for the approving card %s', async (number, cardBrand, last4) => {
    const token = await aTokenFor(tokenize, number);

    const response = await authorizeWith(`tok-approve-${cardBrand}`, aTokenAuthorizeBody(token));

    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toMatchObject({ status: 'AUTHORIZED', cardBrand, last4 });
  });

  it.each([
    [TEST_CARDS.declined, 'generic_decline'],
    [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
  ])('declines a token for %s with 402 and %s, authorizing nothing', async (number, declineCode) => {
    const token = await aTokenFor(tokenize, number);

    const response = await authorizeWith(
      `tok-${declineCode}`,
      aTokenAuthorizeBody(token, { reference: `ord_t_${declineCode}` }),
    );

    expect(response.statusCode).toBe(402);
    expect(bodyOf(response)).toEqual({ code: 'PAYMENT.CARD_DECLINED', message: expect.any(String), declineCode });
    expect(await storedAuthorizations(`ord_t_${declineCode}`)).toEqual([]);
  });

  it('declines a token for a card that has expired as expired_card, at authorization', async () => {
    const token = await aTokenFor(tokenize, TEST_CARDS.visa, 2020);

    const response = await authorizeWith('tok-expired-card', aTokenAuthorizeBody(token));

    expect(response.statusCode).toBe(402);
    expect(bodyOf(response).declineCode).toBe('expired_card');
  });

  it('answers 503 on the transient card’s token first, and authorizes the retry with the same key', async () => {
    const body = aTokenAuthorizeBody(await aTokenFor(tokenize, TEST_CARDS.transientFailure), {
      reference: 'ord_t_transient',
    });

    const first = await authorizeWith('tok-transient', body);
    const retry = await authorizeWith('tok-transient', body);

    expect(first.statusCode).toBe(503);
    expect(retry.statusCode).toBe(201);
    expect(await storedAuthorizations('ord_t_transient')).toHaveLength(1);
  });

  it('answers 504 on the timeout card’s token, with nothing authorized', async () => {
    const body = aTokenAuthorizeBody(await aTokenFor(tokenize, TEST_CARDS.timeout), { reference: 'ord_t_timeout' });

    const response = await authorizeWith('tok-timeout', body);

    expect(response.statusCode).toBe(504);
    expect(await storedAuthorizations('ord_t_timeout')).toEqual([]);
  });
});

describe('POST /v1/authorizations with a token: single use', () => {
  it('refuses a token used by another authorization (409), and still replays the first to its own key', async () => {
    const token = await aTokenFor(tokenize);
    const first = await authorizeWith('tok-first', aTokenAuthorizeBody(token, { reference: 'ord_t_once' }));

    const second = await authorizeWith('tok-second', aTokenAuthorizeBody(token, { reference: 'ord_t_again' }));
    const replay = await authorizeWith('tok-first', aTokenAuthorizeBody(token, { reference: 'ord_t_once' }));

    expect(second.statusCode).toBe(409);
    expect(bodyOf(second)).toEqual({ code: 'PAYMENT.TOKEN_USED', message: expect.stringContaining(token) });
    expect([replay.statusCode, replay.body]).toEqual([201, first.body]);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(await storedAuthorizations('ord_t_again')).toEqual([]);
  });

  it('spends a token on a decline too: a new attempt needs a new token', async () => {
    const token = await aTokenFor(tokenize, TEST_CARDS.declined);
    await authorizeWith('tok-declined-1', aTokenAuthorizeBody(token));

    const response = await authorizeWith('tok-declined-2', aTokenAuthorizeBody(token));

    expect(bodyOf(response).code).toBe('PAYMENT.TOKEN_USED');
  });

  it('refuses the same key with another token (422)', async () => {
    await authorizeWith('tok-reused-key', aTokenAuthorizeBody(await aTokenFor(tokenize)));

    const response = await authorizeWith('tok-reused-key', aTokenAuthorizeBody(await aTokenFor(tokenize)));

    expect(bodyOf(response).code).toBe('PAYMENT.IDEMPOTENCY_KEY_REUSED');
  });
});

describe('POST /v1/authorizations with a token that cannot be used', () => {
  it('answers 404 for a token that has expired, authorizing nothing', async () => {
    const issuedAt = new Date(Date.now() - (TOKEN_LIFETIME_SECONDS + 60) * 1000);
    await new DynamoTokenVault('tokens', aws.dynamodb).create(issueToken('tok_expired', aCardBody(), issuedAt));

    const response = await authorizeWith(
      'tok-expired',
      aTokenAuthorizeBody('tok_expired', { reference: 'ord_t_late' }),
    );

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({
      code: 'PAYMENT.NOT_FOUND',
      message: 'No token tok_expired (unknown or expired)',
    });
    expect(await storedAuthorizations('ord_t_late')).toEqual([]);
  });

  it('answers 404 for a token that was never issued', async () => {
    const response = await authorizeWith('tok-unknown', aTokenAuthorizeBody('tok_unknown'));

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response).code).toBe('PAYMENT.NOT_FOUND');
  });

  it.each([
    ['both a card and a token', 'tok-both', { card: aCardBody() }, 'Send a card or a token, not both'],
    ['neither a card nor a token', 'tok-neither', { token: undefined }, 'Send a token (or card details)'],
  ])('refuses a body with %s (400)', async (_case, key, change, message) => {
    const body = { ...aTokenAuthorizeBody('tok_any'), ...change };

    const response = await authorizeWith(key, body);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).errors).toEqual([{ path: 'body.token', message }]);
  });
});
