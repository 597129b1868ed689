import { describe, expect, it } from 'vitest';
import { issueToken } from '../domain/card-token';
import { ProcessorTimeoutError, ProcessorUnavailableError, TokenNotFoundError, TokenUsedError } from '../domain/errors';
import { TEST_CARDS } from '../domain/test-cards';
import { InMemoryAttemptLog, InMemoryAuthorizations, InMemoryTokenVault } from '../test-support/in-memory';
import { makeAuthorizePayment, type AuthorizePaymentInput, type PaymentSource } from './authorize-payment';

const NOW = new Date('2026-05-01T10:00:00Z');
const TWO_HOURS_AGO = new Date('2026-05-01T08:00:00Z');

function aProcessor() {
  const authorizations = new InMemoryAuthorizations();
  const tokens = new InMemoryTokenVault();
  const waits: string[] = [];
  const authorizePayment = makeAuthorizePayment({
    authorizations,
    tokens,
    attempts: new InMemoryAttemptLog(),
    clock: () => NOW,
    newAuthorizationId: () => `auth_${authorizations.items.size + 1}`,
    waitPastCallerTimeout: async () => void waits.push('waited'),
  });
  return { authorizePayment, authorizations, tokens, waits };
}

const aCard = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: '123' });
const aPaymentFrom = (source: PaymentSource, idempotencyKey = 'key-1'): AuthorizePaymentInput => ({
  amount: { amount: 5000, currency: 'GBP' },
  source,
  reference: 'ord_1',
  idempotencyKey,
});
const aPayment = (number: string, idempotencyKey = 'key-1') =>
  aPaymentFrom({ kind: 'card', card: aCard(number) }, idempotencyKey);

describe('authorizePayment with card details', () => {
  it('authorizes an approving card and stores only its brand and last four digits', async () => {
    const { authorizePayment, authorizations } = aProcessor();

    const result = await authorizePayment(aPayment(TEST_CARDS.mastercard));

    expect(result).toMatchObject({ outcome: 'AUTHORIZED', authorization: { id: 'auth_1', status: 'AUTHORIZED' } });
    expect(authorizations.items.get('auth_1')?.card).toEqual({ brand: 'mastercard', last4: '4444' });
  });

  it('declines a declining card and stores nothing', async () => {
    const { authorizePayment, authorizations } = aProcessor();

    const result = await authorizePayment(aPayment(TEST_CARDS.insufficientFunds));

    expect(result).toEqual({
      outcome: 'DECLINED',
      declineCode: 'insufficient_funds',
      card: { brand: 'visa', last4: '9995' },
    });
    expect(authorizations.items.size).toBe(0);
  });

  it('fails the first attempt of the transient card, then approves a retry with the same key', async () => {
    const { authorizePayment } = aProcessor();

    const first = authorizePayment(aPayment(TEST_CARDS.transientFailure, 'key-t'));
    await expect(first).rejects.toThrow(ProcessorUnavailableError);
    const retry = await authorizePayment(aPayment(TEST_CARDS.transientFailure, 'key-t'));

    expect(retry.outcome).toBe('AUTHORIZED');
  });

  it('fails the transient card again under a new key', async () => {
    const { authorizePayment } = aProcessor();
    await expect(authorizePayment(aPayment(TEST_CARDS.transientFailure, 'key-a'))).rejects.toThrow();

    const other = authorizePayment(aPayment(TEST_CARDS.transientFailure, 'key-b'));

    await expect(other).rejects.toThrow(ProcessorUnavailableError);
  });

  it('waits past the caller’s timeout on the timeout card, then fails with nothing authorized', async () => {
    const { authorizePayment, authorizations, waits } = aProcessor();

    const result = authorizePayment(aPayment(TEST_CARDS.timeout));

    await expect(result).rejects.toThrow(ProcessorTimeoutError);
    expect(waits).toEqual(['waited']);
    expect(authorizations.items.size).toBe(0);
  });
});

describe('authorizePayment with a token', () => {
  async function aTokenFor(tokens: InMemoryTokenVault, number: string, issuedAt = NOW) {
    const token = issueToken(`tok_${tokens.items.size + 1}`, aCard(number), issuedAt);
    await tokens.create(token);
    return { kind: 'token', tokenId: token.id } as const;
  }

  it('authorizes the vaulted card and marks the token used', async () => {
    const { authorizePayment, tokens } = aProcessor();
    const source = await aTokenFor(tokens, TEST_CARDS.amex);

    const result = await authorizePayment(aPaymentFrom(source));

    expect(result).toMatchObject({ outcome: 'AUTHORIZED', authorization: { card: { brand: 'amex', last4: '0005' } } });
    expect(tokens.items.get(source.tokenId)?.usedAt).toBe(NOW.toISOString());
  });

  it('declines a token for a declining card as the card itself is declined', async () => {
    const { authorizePayment, tokens } = aProcessor();
    const source = await aTokenFor(tokens, TEST_CARDS.declined);

    const result = await authorizePayment(aPaymentFrom(source));

    expect(result).toEqual({
      outcome: 'DECLINED',
      declineCode: 'generic_decline',
      card: { brand: 'visa', last4: '0002' },
    });
  });

  it('fails the first attempt with the transient card’s token, and approves the same request’s retry', async () => {
    const { authorizePayment, tokens } = aProcessor();
    const source = await aTokenFor(tokens, TEST_CARDS.transientFailure);

    await expect(authorizePayment(aPaymentFrom(source, 'key-t'))).rejects.toThrow(ProcessorUnavailableError);
    const retry = await authorizePayment(aPaymentFrom(source, 'key-t'));

    expect(retry.outcome).toBe('AUTHORIZED');
  });

  it('refuses a token another request has used', async () => {
    const { authorizePayment, tokens, authorizations } = aProcessor();
    const source = await aTokenFor(tokens, TEST_CARDS.visa);
    await authorizePayment(aPaymentFrom(source, 'key-first'));

    const second = authorizePayment(aPaymentFrom(source, 'key-second'));

    await expect(second).rejects.toThrow(TokenUsedError);
    expect(authorizations.items.size).toBe(1);
  });

  it.each([
    ['an unknown token', async () => ({ kind: 'token', tokenId: 'tok_unknown' }) as const],
    ['an expired token', (tokens: InMemoryTokenVault) => aTokenFor(tokens, TEST_CARDS.visa, TWO_HOURS_AGO)],
  ])('refuses %s as not found', async (_case, aSource) => {
    const { authorizePayment, tokens, authorizations } = aProcessor();
    const source = await aSource(tokens);

    await expect(authorizePayment(aPaymentFrom(source))).rejects.toThrow(TokenNotFoundError);
    expect(authorizations.items.size).toBe(0);
  });
});
