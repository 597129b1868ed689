import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../domain/test-cards';
import { InMemoryTokenVault } from '../test-support/in-memory';
import { makeTokenizeCard } from './tokenize-card';

const NOW = new Date('2026-05-01T10:00:00Z');

describe('tokenizeCard', () => {
  it('vaults the card under a new token id, keeping what the number does but not the number', async () => {
    const tokens = new InMemoryTokenVault();
    const tokenizeCard = makeTokenizeCard({ tokens, clock: () => NOW, newTokenId: () => 'tok_1' });

    const token = await tokenizeCard({ number: TEST_CARDS.timeout, expMonth: 3, expYear: 2031, cvc: '321' });

    expect(tokens.items.get('tok_1')).toEqual(token);
    expect(token).toMatchObject({
      id: 'tok_1',
      card: { brand: 'visa', last4: '0259', expMonth: 3, expYear: 2031, behaviour: { kind: 'time-out' } },
      createdAt: NOW.toISOString(),
    });
    expect(JSON.stringify(token)).not.toContain(TEST_CARDS.timeout);
  });
});
