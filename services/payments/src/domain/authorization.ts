import type { CardSummary } from './card';
import { AmountNotAllowedError, InvalidStateError } from './errors';
import { moneyLike, type Money } from './money';

/**
 * AUTHORIZED → CAPTURED → PARTIALLY_REFUNDED → REFUNDED, or AUTHORIZED → VOIDED. A capture may take less than
 * was authorized (the rest is released); refunds add up to at most what was captured.
 */
export const AUTHORIZATION_STATUSES = ['AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** Money held on a card for a reference (an order), and what has happened to it since. */
export type Authorization = {
  readonly id: string;
  readonly status: AuthorizationStatus;
  /** What was authorized. */
  readonly amount: Money;
  /** Minor units captured (0 until captured). */
  readonly capturedAmount: number;
  /** Minor units refunded so far. */
  readonly refundedAmount: number;
  readonly card: CardSummary;
  /** The caller's reference, e.g. the order id. */
  readonly reference: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export type NewAuthorization = Pick<Authorization, 'id' | 'amount' | 'card' | 'reference'>;

/** A new authorization, approved at `now`. */
export function authorize(input: NewAuthorization, now: Date): Authorization {
  const at = now.toISOString();
  return { ...input, status: 'AUTHORIZED', capturedAmount: 0, refundedAmount: 0, createdAt: at, updatedAt: at };
}

/** Captures `amount` (default: all that was authorized). Only an AUTHORIZED authorization, once. */
export function capture(authorization: Authorization, amount: Money | undefined, now: Date): Authorization {
  requireStatus(authorization, ['AUTHORIZED'], 'capture');
  const captured = checkedAmount(authorization, amount, authorization.amount.amount, 'capture');
  return { ...authorization, status: 'CAPTURED', capturedAmount: captured, updatedAt: now.toISOString() };
}

/** Releases the hold. Only an AUTHORIZED authorization: once captured, money comes back by refund. */
export function voidAuthorization(authorization: Authorization, now: Date): Authorization {
  requireStatus(authorization, ['AUTHORIZED'], 'void');
  return { ...authorization, status: 'VOIDED', updatedAt: now.toISOString() };
}

/** What can still be refunded, in minor units. */
export function refundableAmount(authorization: Authorization): number {
  return authorization.capturedAmount - authorization.refundedAmount;
}

/** Refunds `amount` (default: all that is left). Only after a capture, up to what was captured. */
export function refund(authorization: Authorization, amount: Money | undefined, now: Date): Authorization {
  requireStatus(authorization, ['CAPTURED', 'PARTIALLY_REFUNDED'], 'refund');
  const refunded =
    authorization.refundedAmount + checkedAmount(authorization, amount, refundableAmount(authorization), 'refund');
  const status = refunded === authorization.capturedAmount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  return { ...authorization, status, refundedAmount: refunded, updatedAt: now.toISOString() };
}

/** The authorization's amounts as money, for callers that show them. */
export function amountsOf(authorization: Authorization): { captured: Money; refunded: Money } {
  return {
    captured: moneyLike(authorization.amount, authorization.capturedAmount),
    refunded: moneyLike(authorization.amount, authorization.refundedAmount),
  };
}

function requireStatus(authorization: Authorization, allowed: readonly AuthorizationStatus[], action: string): void {
  if (!allowed.includes(authorization.status)) {
    throw new InvalidStateError(authorization.id, authorization.status, action);
  }
}

/** The requested amount in minor units, or all of `available` when none was requested. */
function checkedAmount(authorization: Authorization, amount: Money | undefined, available: number, action: string) {
  if (amount === undefined) return available;
  const { currency } = authorization.amount;
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw new AmountNotAllowedError(`Cannot ${action} ${amount.amount}: amounts are positive whole minor units`);
  }
  if (amount.currency !== currency) {
    throw new AmountNotAllowedError(`Cannot ${action} in ${amount.currency}: the authorization is in ${currency}`);
  }
  if (amount.amount > available) {
    throw new AmountNotAllowedError(`Cannot ${action} ${amount.amount}: at most ${available} ${currency} is left`);
  }
  return amount.amount;
}
