import { describe, expect, it } from 'vitest';
import { cardFingerprint } from './fingerprint';

const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2035, cvc: '987' };

describe('cardFingerprint', () => {
  it('is the same for the same card however it is typed', () => {
    expect(cardFingerprint(card, 'secret')).toBe(cardFingerprint({ ...card, number: '4242424242424242' }, 'secret'));
  });

  it('changes with the CVC and the expiry', () => {
    const fingerprints = new Set([
      cardFingerprint(card, 'secret'),
      cardFingerprint({ ...card, cvc: '988' }, 'secret'),
      cardFingerprint({ ...card, expMonth: 11 }, 'secret'),
    ]);

    expect(fingerprints.size).toBe(3);
  });

  it('depends on the secret, so it cannot be recomputed from a guessed card number alone', () => {
    expect(cardFingerprint(card, 'secret')).not.toBe(cardFingerprint(card, 'another secret'));
  });
});
