import { describe, expect, it } from 'vitest';
import { acceptedBrands, detectCardBrand, readCard, TEST_CARDS } from './cards';

const NOW = new Date('2026-11-28T10:00:00Z');
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe('cards', () => {
  it('detects the brand of every sandbox test card', () => {
    expect(TEST_CARDS.map((card) => detectCardBrand(card.number))).toEqual(TEST_CARDS.map((card) => card.brand));
    expect(detectCardBrand('2221 0000 0000 0009')).toBe('mastercard');
    expect(detectCardBrand('6011 0000 0000 0004')).toBeUndefined();
  });

  it('accepts Amex only while the amex-payments flag is on', () => {
    expect(acceptedBrands(false)).not.toContain('amex');
    expect(acceptedBrands(true)).toContain('amex');
  });

  it('reads a card from the form, spaces removed and the year in full', () => {
    const card = readCard(form({ cardNumber: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }), NOW);

    expect(card).toEqual({ ok: true, card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } });
  });

  it('refuses an expired card, and a CVC of the wrong length for the brand', () => {
    expect(readCard(form({ cardNumber: '4242424242424242', expiry: '10/26', cvc: '123' }), NOW)).toMatchObject({ ok: false, field: 'expiry' });
    expect(readCard(form({ cardNumber: '378282246310005', expiry: '12/30', cvc: '123' }), NOW)).toMatchObject({ ok: false, field: 'cvc' });
    expect(readCard(form({ cardNumber: '4242', expiry: '12/30', cvc: '123' }), NOW)).toMatchObject({ ok: false, field: 'cardNumber' });
  });
});
