import { Address, pii } from '@shop/events';
import { z } from 'zod';
import { detectCardBrand, isLuhnValid } from './payment-card';

// No transforms anywhere in this file: the schema must convert to JSON Schema (z.toJSONSchema) for an
// API Gateway request model or the docs, so the storefront sends the card number as digits only.

/**
 * Card details as the shopper typed them. Sensitive beyond PII: never log them, never put them in an
 * event, and keep them out of anything stored.
 */
export const CardDetails = z
  .object({
    number: z
      .string()
      .regex(/^\d{12,19}$/, 'Expected the card number as 12 to 19 digits, without spaces')
      .refine(isLuhnValid, 'The card number is mistyped (its check digit does not match)'),
    expMonth: z.int().min(1).max(12).describe('Expiry month, 1 to 12.'),
    expYear: z.int().min(2000).max(2099).describe('Expiry year, four digits.'),
    cvc: z.string().regex(/^\d{3,4}$/, 'Expected the 3 or 4 digit security code'),
  })
  .refine((card) => card.cvc.length === (detectCardBrand(card.number) === 'amex' ? 4 : 3), {
    message: 'American Express cards have a 4 digit security code; other cards have 3',
    path: ['cvc'],
  })
  .describe('A payment card.');
export type CardDetails = z.infer<typeof CardDetails>;

/**
 * The body of `POST /checkout`. The schema checks the shape only; whether the card's brand is taken
 * (`acceptedCardBrand`) and whether the cart can be bought (`priceCart`) are checked against state.
 */
export const CheckoutRequest = z
  .object({
    cartId: z.string().min(1).max(64).describe('The cart to buy.'),
    shippingAddress: Address.describe('Where the order is delivered.'),
    billingAddress: Address.optional().describe('Address for the invoice; the shipping address when absent.'),
    payment: z
      .object({ method: z.literal('card'), card: CardDetails })
      .describe('How the shopper pays. Cards only, for now.'),
    email: pii(z.email().max(254), 'email').describe('Where the confirmation and the invoice are sent.'),
  })
  .describe('A request to buy a cart.');
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** The address to invoice: the billing address, or the shipping address when none was given. */
export function billingAddressOf(request: Pick<CheckoutRequest, 'billingAddress' | 'shippingAddress'>): Address {
  return request.billingAddress ?? request.shippingAddress;
}
