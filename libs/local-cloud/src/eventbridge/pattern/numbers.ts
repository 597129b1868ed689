/**
 * EventBridge compares numbers numerically (300 matches 3.0e2) within ±5.0e9 and to six digits after the
 * decimal point; outside that range only identical numbers are equal and numeric ranges never match.
 * @internal
 */
export const NUMERIC_LIMIT = 5e9;

export function isComparable(value: number): boolean {
  return Number.isFinite(value) && value >= -NUMERIC_LIMIT && value <= NUMERIC_LIMIT;
}

/** The number as the integer count of millionths above -5e9: the precision EventBridge matches at. */
export function comparableKey(value: number): number {
  return Math.floor((value + NUMERIC_LIMIT) * 1e6);
}

export function numbersEqual(a: number, b: number): boolean {
  if (isComparable(a) && isComparable(b)) return comparableKey(a) === comparableKey(b);
  return a === b;
}

/** The range message EventBridge gives for a pattern number it cannot compare. */
export const OUT_OF_RANGE = `Value must be between -5.0E9 and 5.0E9, inclusive`;

export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

export interface NumericRange {
  readonly lower?: NumericBound;
  readonly upper?: NumericBound;
}

export function inRange(value: number, range: NumericRange): boolean {
  if (!isComparable(value)) return false;
  const key = comparableKey(value);
  const { lower, upper } = range;
  if (lower) {
    const bound = comparableKey(lower.value);
    if (lower.inclusive ? key < bound : key <= bound) return false;
  }
  if (upper) {
    const bound = comparableKey(upper.value);
    if (upper.inclusive ? key > bound : key >= bound) return false;
  }
  return true;
}
