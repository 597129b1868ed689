import { describe, expect, it } from 'vitest';
import { isTokenExpired, issueToken, summaryOf, vaultCard } from './card-token';
import { TEST_CARDS } from './test-cards';

const NOW = new Date('2026-05-01T10:00:00Z');
const aCard = (number: string) => ({ number, expMonth: 7, expYear: 2031, cvc: '987' });

describe('vaultCard', () => {
  it('keeps brand, last four digits, expiry and what the number does, and neither the number nor the CVC', () => {
    const vaulted = vaultCard(aCard('4000 0000 0000 9995'));

    expect(vaulted).toEqual({
      brand: 'visa',
      last4: '9995',
      expMonth: 7,
      expYear: 2031,
      behaviour: { kind: 'decline', declineCode: 'insufficient_funds' },
    });
    expect(JSON.stringify(vaulted)).not.toContain(TEST_CARDS.insufficientFunds);
    expect(JSON.stringify(vaulted)).not.toContain('987');
  });
});

describe('summaryOf', () => {
  it('shows only the brand and the last four digits', () => {
    expect(summaryOf(vaultCard(aCard(TEST_CARDS.amex)))).toEqual({ brand: 'amex', last4: '0005' });
  });
});

describe('issueToken', () => {
  it('issues an unused token that expires an hour later', () => {
    const token = issueToken('tok_1', aCard(TEST_CARDS.visa), NOW);

    expect(token).toEqual({
      id: 'tok_1',
      card: vaultCard(aCard(TEST_CARDS.visa)),
      createdAt: '2026-05-01T10:00:00.000Z',
      expiresAt: '2026-05-01T11:00:00.000Z',
    });
  });

  it('issues a token for an expired card: the decline comes when it is used', () => {
    expect(issueToken('tok_old', { ...aCard(TEST_CARDS.visa), expYear: 2020 }, NOW).card.expYear).toBe(2020);
  });
});

describe('isTokenExpired', () => {
  const token = { expiresAt: '2026-05-01T11:00:00.000Z' };

  it('keeps a token usable until its last millisecond', () => {
    expect(isTokenExpired(token, new Date('2026-05-01T10:59:59.999Z'))).toBe(false);
  });

  it('expires a token at its expiry time', () => {
    expect(isTokenExpired(token, new Date('2026-05-01T11:00:00.000Z'))).toBe(true);
  });
});
