import { cardDigits, isExpired, type CardDetails } from './card';

/** Why a card was declined, as processors report it. */
export const DECLINE_CODES = ['generic_decline', 'insufficient_funds', 'expired_card'] as const;
export type DeclineCode = (typeof DECLINE_CODES)[number];

/** The test cards and what each one does. Any other valid Visa, Mastercard or Amex number approves. */
export const TEST_CARDS = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  transientFailure: '4000000000000119',
  timeout: '4000000000000259',
} as const;

/** What the simulated processor does with a card. */
export type ProcessorBehaviour =
  | { readonly kind: 'approve' }
  | { readonly kind: 'decline'; readonly declineCode: DeclineCode }
  /** Fails on the first attempt for an idempotency key, approves on a retry with the same key. */
  | { readonly kind: 'fail-transiently' }
  /** Answers only after the caller has given up, and authorizes nothing. */
  | { readonly kind: 'time-out' };

const BEHAVIOUR_BY_NUMBER: Readonly<Record<string, ProcessorBehaviour>> = {
  [TEST_CARDS.declined]: { kind: 'decline', declineCode: 'generic_decline' },
  [TEST_CARDS.insufficientFunds]: { kind: 'decline', declineCode: 'insufficient_funds' },
  [TEST_CARDS.transientFailure]: { kind: 'fail-transiently' },
  [TEST_CARDS.timeout]: { kind: 'time-out' },
};

const APPROVE: ProcessorBehaviour = { kind: 'approve' };

/**
 * What the processor does with a valid card number, whatever its expiry: all a token needs to keep of the
 * number to act out the test cards later.
 */
export function numberBehaviour(number: string): ProcessorBehaviour {
  return BEHAVIOUR_BY_NUMBER[cardDigits(number)] ?? APPROVE;
}

/**
 * What the processor does at `now` with a card whose number behaves as `card.behaviour` (see
 * `numberBehaviour`). An expired card is declined whatever its number, as processors do: the expiry date is
 * the issuer's to judge, not a malformed request.
 */
export function processorBehaviour(
  card: Pick<CardDetails, 'expMonth' | 'expYear'> & { readonly behaviour: ProcessorBehaviour },
  now: Date,
): ProcessorBehaviour {
  if (isExpired(card, now)) return { kind: 'decline', declineCode: 'expired_card' };
  return card.behaviour;
}
