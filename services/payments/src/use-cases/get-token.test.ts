import { describe, expect, it } from 'vitest';
import { issueToken } from '../domain/card-token';
import { TokenNotFoundError } from '../domain/errors';
import { TEST_CARDS } from '../domain/test-cards';
import { InMemoryTokenVault } from '../test-support/in-memory';
import { makeGetToken } from './get-token';

const ISSUED_AT = new Date('2026-05-01T10:00:00Z');
const card = { number: TEST_CARDS.visa, expMonth: 12, expYear: 2030, cvc: '123' };

async function aVaultWithToken() {
  const tokens = new InMemoryTokenVault();
  await tokens.create(issueToken('tok_1', card, ISSUED_AT));
  return tokens;
}

describe('getToken', () => {
  it('finds a token within its hour', async () => {
    const getToken = makeGetToken({ tokens: await aVaultWithToken(), clock: () => new Date('2026-05-01T10:59:00Z') });

    expect((await getToken({ id: 'tok_1' })).card.last4).toBe('4242');
  });

  it('answers not found once the token has expired, even while it is still stored', async () => {
    const getToken = makeGetToken({ tokens: await aVaultWithToken(), clock: () => new Date('2026-05-01T11:00:00Z') });

    await expect(getToken({ id: 'tok_1' })).rejects.toThrow(TokenNotFoundError);
  });

  it('answers not found for an unknown token', async () => {
    const getToken = makeGetToken({ tokens: await aVaultWithToken(), clock: () => ISSUED_AT });

    await expect(getToken({ id: 'tok_unknown' })).rejects.toThrow(TokenNotFoundError);
  });
});
