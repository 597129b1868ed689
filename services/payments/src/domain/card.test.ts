import { describe, expect, it } from 'vitest';
import { brandOf, cardDigits, cardProblems, isExpired, passesLuhn, summarize } from './card';

describe('passesLuhn', () => {
  it.each(['4242424242424242', '5555555555554444', '378282246310005', '79927398713'])('accepts %s', (digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it.each(['4242424242424241', '79927398710', '4242x24242424242', ''])('refuses %o', (digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });
});

describe('brandOf', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
  ])('knows %s as %s', (digits, brand) => {
    expect(brandOf(digits)).toBe(brand);
  });

  it.each(['6011111111111117', '3566002020360505', '2721000000000004'])('accepts no other brand (%s)', (digits) => {
    expect(brandOf(digits)).toBeUndefined();
  });
});

describe('cardProblems', () => {
  it('finds nothing wrong with a valid card typed with spaces', () => {
    expect(cardProblems({ number: '4242 4242 4242 4242', cvc: '123' })).toEqual([]);
  });

  it('refuses a number that fails the Luhn check', () => {
    expect(cardProblems({ number: '4242424242424241', cvc: '123' })).toEqual([
      { field: 'number', message: 'Not a valid card number (Luhn check failed)' },
    ]);
  });

  it('refuses something that is not a card number', () => {
    expect(cardProblems({ number: '4242', cvc: '123' })[0]?.field).toBe('number');
  });

  it('refuses a valid number of a brand the sandbox does not take', () => {
    expect(cardProblems({ number: '6011111111111117', cvc: '123' })[0]?.message).toMatch(/brand not accepted/);
  });

  it('asks for a four-digit CVC on Amex and three digits on the others', () => {
    expect(cardProblems({ number: '378282246310005', cvc: '123' })).toEqual([
      { field: 'cvc', message: 'Expected 4 digits for amex' },
    ]);
    expect(cardProblems({ number: '5555555555554444', cvc: '1234' })[0]?.field).toBe('cvc');
  });
});

describe('isExpired', () => {
  const card = { expMonth: 3, expYear: 2030 };

  it('keeps a card valid through the last moment of its expiry month', () => {
    expect(isExpired(card, new Date('2030-03-31T23:59:59.999Z'))).toBe(false);
  });

  it('expires a card on the first day of the next month', () => {
    expect(isExpired(card, new Date('2030-04-01T00:00:00.000Z'))).toBe(true);
  });

  it('rolls a December expiry into the next year', () => {
    expect(isExpired({ expMonth: 12, expYear: 2030 }, new Date('2030-12-31T12:00:00Z'))).toBe(false);
    expect(isExpired({ expMonth: 12, expYear: 2030 }, new Date('2031-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('summarize', () => {
  it('keeps only the brand and the last four digits', () => {
    expect(summarize({ number: '3782 822463 10005' })).toEqual({ brand: 'amex', last4: '0005' });
  });

  it('drops spaces and dashes from a typed number', () => {
    expect(cardDigits('4242-4242 4242 4242')).toBe('4242424242424242');
  });
});
