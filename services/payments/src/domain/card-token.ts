import { summarize, type CardDetails, type CardSummary } from './card';
import { numberBehaviour, type ProcessorBehaviour } from './test-cards';

/** How long a token can be used: an hour, ample for a checkout, short enough that a leaked one soon dies. */
export const TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * What the sandbox keeps of a card it may charge later, as a processor's vault would expose it: brand, last
 * four digits, expiry, and what the simulated processor does with the number. Never the number or the CVC
 * (PCI DSS); the test-card behaviour is all of the number an authorization needs.
 */
export type VaultedCard = CardSummary & {
  readonly expMonth: number;
  readonly expYear: number;
  readonly behaviour: ProcessorBehaviour;
};

/** A card stood in for by an id (`tok_…`), usable by one authorization request until it expires. */
export type CardToken = {
  readonly id: string;
  readonly card: VaultedCard;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** When the first authorization request that named the token spent it; absent while unused. */
  readonly usedAt?: string;
};

/** The vaulted form of card details that passed `cardProblems`: the number and CVC stop here. */
export function vaultCard(card: CardDetails): VaultedCard {
  return {
    ...summarize(card),
    expMonth: card.expMonth,
    expYear: card.expYear,
    behaviour: numberBehaviour(card.number),
  };
}

/** Brand and last four digits of a vaulted card, what an authorization keeps and a decline reports. */
export function summaryOf(card: VaultedCard): CardSummary {
  return { brand: card.brand, last4: card.last4 };
}

/** A new token for card details that passed `cardProblems`, issued at `now`. Expiry is judged when it is used. */
export function issueToken(id: string, card: CardDetails, now: Date): CardToken {
  return {
    id,
    card: vaultCard(card),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
  };
}

/** A token is usable until the moment it expires, and never after (whatever the storage still holds). */
export function isTokenExpired(token: Pick<CardToken, 'expiresAt'>, now: Date): boolean {
  return now.getTime() >= Date.parse(token.expiresAt);
}
