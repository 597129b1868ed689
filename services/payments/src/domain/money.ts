/** An amount of money: integer minor units (pence for GBP) and an ISO 4217 currency code. */
export type Money = {
  readonly amount: number;
  readonly currency: string;
};

/** The largest amount one authorization may carry, in minor units (8 digits, as card processors cap it). */
export const MAX_AMOUNT = 99_999_999;

// The runtime's own ISO 4217 list (ICU), so the sandbox accepts what a processor would without a copied table.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 currency code the runtime knows, e.g. "GBP". */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/** `{ amount, currency }` with the same currency as `like`. */
export function moneyLike(like: Money, amount: number): Money {
  return { amount, currency: like.currency };
}
