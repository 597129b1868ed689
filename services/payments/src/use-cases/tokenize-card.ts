import type { CardDetails } from '../domain/card';
import { issueToken, type CardToken } from '../domain/card-token';
import type { TokenVault } from '../ports';

export type TokenizeCardDependencies = {
  readonly tokens: TokenVault;
  readonly clock: () => Date;
  readonly newTokenId: () => string;
};

/** Vaults card details (already checked: see `cardProblems`) and returns the token that stands for them. */
export const makeTokenizeCard =
  ({ tokens, clock, newTokenId }: TokenizeCardDependencies) =>
  async (card: CardDetails): Promise<CardToken> => {
    const token = issueToken(newTokenId(), card, clock());
    await tokens.create(token);
    return token;
  };
