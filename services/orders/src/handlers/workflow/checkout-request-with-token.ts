import { z } from 'zod';
import { CheckoutRequest } from '../../domain';

/**
 * A card token from the payment sandbox (`POST /v1/tokens` → `{ id: 'tok_…' }`). It goes into a URL
 * path when the token is read back, so only URL-safe characters are accepted.
 */
export const PaymentTokenId = z
  .string()
  .regex(/^tok_[A-Za-z0-9_-]{1,64}$/, 'Expected a payment token id such as "tok_3KpQ9sT2vX8yZ1"')
  .describe('The card token the payment sandbox returned when the storefront tokenized the card.');

/**
 * The body of `POST /checkout`: the domain's `CheckoutRequest` with the card replaced by the token the
 * storefront got from the payment sandbox, so card details never reach this service or the workflow's
 * history. No transforms: `z.toJSONSchema(CheckoutRequestWithToken, { target: 'draft-4' })` is the
 * REST API's request model.
 */
export const CheckoutRequestWithToken = CheckoutRequest.omit({ payment: true })
  .extend({
    payment: z.object({ token: PaymentTokenId }).describe('How the shopper pays: a tokenized card.'),
  })
  .describe('A request to buy a cart, paying with a tokenized card.');
export type CheckoutRequestWithToken = z.infer<typeof CheckoutRequestWithToken>;
