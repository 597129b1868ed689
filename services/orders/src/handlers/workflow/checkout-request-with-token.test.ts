import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SHIPPING } from '../../adapters/testing/order-items';
import { CheckoutRequestWithToken } from './checkout-request-with-token';

const aRequest = (overrides: Record<string, unknown> = {}) => ({
  cartId: 'cart_abc',
  shippingAddress: SHIPPING,
  payment: { token: 'tok_3KpQ9sT2vX8yZ1' },
  email: 'ada@example.com',
  ...overrides,
});

describe('CheckoutRequestWithToken', () => {
  it('accepts a checkout paid with a card token', () => {
    expect(CheckoutRequestWithToken.parse(aRequest())).toEqual(aRequest());
  });

  it('refuses card details where the token belongs', () => {
    const withCard = aRequest({ payment: { method: 'card', card: { number: '4242424242424242' } } });

    expect(CheckoutRequestWithToken.safeParse(withCard).success).toBe(false);
  });

  it.each(['tok_', 'card_123', 'tok_../v1/authorizations', ''])('refuses %j as a token', (token) => {
    expect(CheckoutRequestWithToken.safeParse(aRequest({ payment: { token } })).success).toBe(false);
  });

  it('converts to a draft-4 JSON Schema for the REST API model, requiring the same fields', () => {
    const schema = z.toJSONSchema(CheckoutRequestWithToken, { target: 'draft-4' }) as unknown as {
      $schema: string;
      required: string[];
      properties: { payment: { required: string[]; properties: { token: { pattern: string } } } };
    };

    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema.required.sort()).toEqual(['cartId', 'email', 'payment', 'shippingAddress']);
    expect(schema.properties.payment.required).toEqual(['token']);
    expect(schema.properties.payment.properties.token.pattern).toBe('^tok_[A-Za-z0-9_-]{1,64}$');
  });
});
