import { piiPaths } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { billingAddressOf, CheckoutRequest } from './checkout-request';

const HOME = {
  name: 'Ada Lovelace',
  line1: '12 St James’s Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};
const OFFICE = { ...HOME, line1: '45 Marylebone High Street', postalCode: 'W1U 5HG' };

function aBody(overrides: Record<string, unknown> = {}, card: Record<string, unknown> = {}) {
  return {
    cartId: 'cart_1',
    shippingAddress: HOME,
    payment: { method: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', ...card } },
    email: 'ada.lovelace@example.com',
    ...overrides,
  };
}

const issuesOf = (body: unknown) =>
  CheckoutRequest.safeParse(body).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('CheckoutRequest', () => {
  it('accepts a complete request, with or without a billing address', () => {
    expect(CheckoutRequest.parse(aBody())).toEqual(aBody());
    expect(CheckoutRequest.parse(aBody({ billingAddress: OFFICE })).billingAddress).toEqual(OFFICE);
  });

  it('accepts an Amex card with its 4 digit code', () => {
    expect(issuesOf(aBody({}, { number: '378282246310005', cvc: '1234' }))).toEqual([]);
  });

  it.each([
    ['a missing cart id', aBody({ cartId: undefined }), 'cartId'],
    [
      'an address without a postal code',
      aBody({ shippingAddress: { ...HOME, postalCode: undefined } }),
      'shippingAddress.postalCode',
    ],
    [
      'a country that is not ISO 3166',
      aBody({ billingAddress: { ...OFFICE, country: 'UK1' } }),
      'billingAddress.country',
    ],
    ['a malformed email', aBody({ email: 'ada@' }), 'email'],
    ['a payment method other than card', aBody({ payment: { method: 'paypal' } }), 'payment.method'],
    ['a card number with spaces', aBody({}, { number: '4242 4242 4242 4242' }), 'payment.card.number'],
    ['a mistyped card number', aBody({}, { number: '4242424242424241' }), 'payment.card.number'],
    ['month 13', aBody({}, { expMonth: 13 }), 'payment.card.expMonth'],
    ['a two digit year', aBody({}, { expYear: 30 }), 'payment.card.expYear'],
    ['a 4 digit code on a Visa card', aBody({}, { cvc: '1234' }), 'payment.card.cvc'],
    ['a 3 digit code on an Amex card', aBody({}, { number: '378282246310005', cvc: '123' }), 'payment.card.cvc'],
  ])('refuses %s', (_what, body, path) => {
    expect(issuesOf(body)).toContain(path);
  });

  it('marks the email and the addresses as personal data', () => {
    expect(piiPaths(CheckoutRequest)).toEqual(['shippingAddress', 'billingAddress', 'email']);
  });

  it('converts to JSON Schema, for an API request model or the docs', () => {
    const schema = z.toJSONSchema(CheckoutRequest) as { required: string[] };

    expect(schema.required).toEqual(['cartId', 'shippingAddress', 'payment', 'email']);
  });
});

describe('billingAddressOf', () => {
  it('is the billing address when there is one, else the shipping address', () => {
    expect(billingAddressOf({ shippingAddress: HOME, billingAddress: OFFICE })).toEqual(OFFICE);
    expect(billingAddressOf({ shippingAddress: HOME })).toEqual(HOME);
  });
});
