import { describe, expect, it } from 'vitest';
import { acceptedBrand, acceptedCardBrand, allowedPaymentBrands, detectCardBrand, isLuhnValid } from './payment-card';

const AMEX_OFF = { amexPayments: false };
const AMEX_ON = { amexPayments: true };

describe('detectCardBrand', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4222222222222', 'visa'],
    ['4000000000000000006', 'visa'],
    ['5105105105105100', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720999999999996', 'mastercard'],
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
  ])('reads %s as %s', (cardNumber, brand) => {
    expect(detectCardBrand(cardNumber)).toBe(brand);
  });

  it.each([
    ['a Discover card', '6011111111111117'],
    ['just below the Mastercard 2-series', '2220999999999999'],
    ['just above the Mastercard 2-series', '2721000000000000'],
    ['just below Mastercard 51', '5099999999999999'],
    ['just above Mastercard 55', '5600000000000000'],
    ['an Amex prefix at a Visa length', '3782822463100050'],
    ['a Visa prefix at 15 digits', '424242424242424'],
    ['a number with spaces', '4242 4242 4242 4242'],
  ])('knows no brand for %s', (_what, cardNumber) => {
    expect(detectCardBrand(cardNumber)).toBeUndefined();
  });
});

describe('isLuhnValid', () => {
  it('accepts numbers whose check digit matches', () => {
    expect(['4242424242424242', '378282246310005', '2223003122003222'].every(isLuhnValid)).toBe(true);
  });

  it.each([
    ['one mistyped digit', '4242424242424243'],
    ['two neighbouring digits swapped', '4242424242424224'],
    ['something that is not digits', '42424242424242x2'],
    ['nothing', ''],
  ])('refuses %s', (_what, cardNumber) => {
    expect(isLuhnValid(cardNumber)).toBe(false);
  });
});

describe('allowedPaymentBrands', () => {
  it('takes Visa and Mastercard always, and Amex only with the flag on', () => {
    expect(allowedPaymentBrands(AMEX_OFF)).toEqual(['visa', 'mastercard']);
    expect(allowedPaymentBrands(AMEX_ON)).toEqual(['visa', 'mastercard', 'amex']);
  });
});

describe('acceptedCardBrand', () => {
  it('accepts Visa and Mastercard with the flag off', () => {
    expect(acceptedCardBrand('4242424242424242', AMEX_OFF)).toBe('visa');
    expect(acceptedCardBrand('5555555555554444', AMEX_OFF)).toBe('mastercard');
  });

  it('accepts Amex with the flag on', () => {
    expect(acceptedCardBrand('378282246310005', AMEX_ON)).toBe('amex');
  });

  it('refuses Amex with the flag off, whatever the storefront showed', () => {
    const act = () => acceptedCardBrand('378282246310005', AMEX_OFF);

    expect(act).toThrow(
      expect.objectContaining({
        code: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
        details: { brand: 'amex' },
        message: 'We take Visa and Mastercard; this card is American Express',
      }),
    );
  });

  it('refuses a brand the shop never takes, without the card number in the message', () => {
    const act = () => acceptedCardBrand('6011111111111117', AMEX_ON);

    expect(act).toThrow(
      expect.objectContaining({
        code: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
        details: { brand: 'unknown' },
        message: expect.not.stringContaining('6011'),
      }),
    );
  });
});

describe('acceptedBrand', () => {
  it('accepts a brand the shop takes now', () => {
    expect(acceptedBrand('visa', AMEX_OFF)).toBe('visa');
    expect(acceptedBrand('amex', AMEX_ON)).toBe('amex');
  });

  it('refuses Amex with the flag off, naming the brands it takes', () => {
    const act = () => acceptedBrand('amex', AMEX_OFF);

    expect(act).toThrow(
      expect.objectContaining({
        code: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
        message: 'We take Visa and Mastercard; this card is American Express',
        details: { brand: 'amex' },
      }),
    );
  });

  it('refuses a brand nobody named', () => {
    expect(() => acceptedBrand(undefined, AMEX_ON)).toThrow(
      expect.objectContaining({ code: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED', details: { brand: 'unknown' } }),
    );
  });
});
