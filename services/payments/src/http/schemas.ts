import { z } from 'zod';
import { cardProblems } from '../domain/card';
import { isCurrencyCode, MAX_AMOUNT } from '../domain/money';

/** `{ amount: integer minor units > 0, currency: ISO 4217 }`. */
export const MoneyBody = z.object({
  amount: z.int().positive().max(MAX_AMOUNT),
  currency: z.string().refine(isCurrencyCode, 'Expected an ISO 4217 currency code, e.g. "GBP"'),
});

/** Card details; a number that fails the Luhn check, or a brand not accepted, is a bad request (400). */
export const CardBody = z
  .object({
    number: z.string().max(32),
    expMonth: z.int().min(1).max(12),
    expYear: z.int().min(2000).max(2099),
    cvc: z.string().max(8),
  })
  .superRefine((card, ctx) => {
    for (const problem of cardProblems(card))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

/** A token id (`tok_…`); one that was never issued, or has expired, is a 404, not a 400. */
const TokenId = z.string().min(1).max(100);

/**
 * `POST /v1/authorizations`: the card to charge as a `token` (what the shop sends, so card data stays out of
 * its workflow's history) or as `card` details, exactly one of the two.
 */
export const AuthorizeBody = z
  .object({
    amount: MoneyBody,
    card: CardBody.optional(),
    token: TokenId.optional(),
    reference: z.string().min(1).max(255),
  })
  .superRefine((body, ctx) => {
    if (body.card !== undefined && body.token !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'Send a card or a token, not both' });
    }
    if (body.card === undefined && body.token === undefined) {
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'Send a token (or card details)' });
    }
  });
export type AuthorizeBody = z.infer<typeof AuthorizeBody>;

/** `POST /v1/tokens`. */
export const TokenizeBody = z.object({ card: CardBody });

/** Capture and refund: an optional amount, all that is left when omitted. */
export const AmountBody = z.object({ amount: MoneyBody.optional() });

/** `/v1/authorizations/{id}…`: any id; one that was never issued is a 404, not a 400. */
export const AuthorizationPath = z.object({ id: z.string().min(1).max(100) });

/** `/v1/tokens/{id}`: any id, as for authorizations. */
export const TokenPath = z.object({ id: TokenId });
