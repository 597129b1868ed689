import type { Money } from '@shop/events';
import { OrdersDomainError } from './errors';

export type { Money };

/** 10 000 basis points are 100%. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

const WHOLE = BigInt(BASIS_POINTS_PER_WHOLE);
const HALF = WHOLE / 2n;
const MAX_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Back from BigInt to a JSON-safe amount. Money crosses JSON, DynamoDB and zod's `z.int()`, all of
 * which stop being exact above Number.MAX_SAFE_INTEGER, so a larger amount is refused, never rounded.
 */
function toAmount(value: bigint, what: string): number {
  if (value < 0n || value > MAX_AMOUNT) {
    throw new OrdersDomainError(
      'ORDERS.AMOUNT_OUT_OF_RANGE',
      `${what} is outside 0..${Number.MAX_SAFE_INTEGER} minor units`,
      { what },
    );
  }
  return Number(value);
}

function checkAmount(amount: number, what: string): bigint {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new OrdersDomainError('ORDERS.AMOUNT_OUT_OF_RANGE', `${what} must be a whole number of minor units`, {
      what,
    });
  }
  return BigInt(amount);
}

/**
 * Tax on a net amount, rounded half up to the minor unit: below half a minor unit rounds down, half
 * or more rounds up (HMRC VATREC12030; amounts are never negative, so half up is also half away from
 * zero). The product is taken in BigInt: `net × basisPoints` passes 2^53 long before `net` does.
 */
export function taxOn(netAmount: number, taxRateBasisPoints: number): number {
  const net = checkAmount(netAmount, 'net amount');
  const rate = BigInt(taxRateBasisPoints);
  return toAmount((net * rate + HALF) / WHOLE, 'tax');
}

/** `unitAmount × quantity`, refused when the result would not be exact. */
export function multiplyAmount(unitAmount: number, quantity: number): number {
  return toAmount(checkAmount(unitAmount, 'unit price') * BigInt(quantity), 'line amount');
}

/** The sum of amounts, refused when the result would not be exact. */
export function sumAmounts(amounts: readonly number[], what = 'total'): number {
  const total = amounts.reduce((sum, amount) => sum + checkAmount(amount, what), 0n);
  return toAmount(total, what);
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}
