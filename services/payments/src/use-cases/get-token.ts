import { isTokenExpired, type CardToken } from '../domain/card-token';
import { TokenNotFoundError } from '../domain/errors';
import type { TokenVault } from '../ports';

/** The token with this id while it can be used, or `TokenNotFoundError` (unknown or expired). */
export const makeGetToken =
  ({ tokens, clock }: { tokens: TokenVault; clock: () => Date }) =>
  async (input: { readonly id: string }): Promise<CardToken> => {
    const token = await tokens.find(input.id);
    // DynamoDB's TTL deletes expired items only eventually: an expired token is gone as far as callers know.
    if (token === undefined || isTokenExpired(token, clock())) throw new TokenNotFoundError(input.id);
    return token;
  };
