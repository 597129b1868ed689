import type { HttpHandler } from '@shop/lambda-kit';
import { captureLogs, type CapturedLogs } from '@shop/lambda-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoTokenVault } from '../adapters/dynamodb-token-vault';
import { issueToken, TOKEN_LIFETIME_SECONDS } from '../domain/card-token';
import { TEST_CARDS } from '../domain/test-cards';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { aCardBody, aTokenAuthorizeBody, aTokenFor, bodyOf, call } from '../test-support/requests';

let aws: LocalAws;
let tokenize: HttpHandler;
let authorize: HttpHandler;
let getToken: HttpHandler;
let logs: CapturedLogs;

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: tokenize } = await import('./tokenize'));
  ({ handler: authorize } = await import('./authorize'));
  ({ handler: getToken } = await import('./get-token'));
});
afterAll(() => aws.stop());
beforeEach(() => (logs = captureLogs()));
afterEach(() => logs.restore());

const getTokenOf = (id: string, apiKey?: string) =>
  call(getToken, { method: 'GET', resource: 'tokens', id }, { ...(apiKey !== undefined && { apiKey }) });

describe('GET /v1/tokens/{id}', () => {
  it('shows a new token’s card, unused', async () => {
    const id = await aTokenFor(tokenize, TEST_CARDS.amex);

    const response = await getTokenOf(id);

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      id,
      brand: 'amex',
      last4: '0005',
      expMonth: 12,
      expYear: 2035,
      createdAt: expect.any(String),
      used: false,
    });
  });

  it('shows a token as used once an authorization has used it', async () => {
    const id = await aTokenFor(tokenize);
    await call(authorize, { method: 'POST' }, { idempotencyKey: 'get-token-used', body: aTokenAuthorizeBody(id) });

    const response = await getTokenOf(id);

    expect(bodyOf(response).used).toBe(true);
  });

  it('answers 404 for a token that has expired', async () => {
    const issuedAt = new Date(Date.now() - (TOKEN_LIFETIME_SECONDS + 60) * 1000);
    await new DynamoTokenVault('tokens', aws.dynamodb).create(issueToken('tok_old', aCardBody(), issuedAt));

    const response = await getTokenOf('tok_old');

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({ code: 'PAYMENT.NOT_FOUND', message: 'No token tok_old (unknown or expired)' });
  });

  it('answers 404 for a token that was never issued', async () => {
    const response = await getTokenOf('tok_unknown');

    expect(response.statusCode).toBe(404);
  });

  it('refuses a caller without the API key (401)', async () => {
    const id = await aTokenFor(tokenize);

    const response = await getTokenOf(id, 'wrong');

    expect(response.statusCode).toBe(401);
  });
});
