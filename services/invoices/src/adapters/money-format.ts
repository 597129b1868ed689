import type { Money } from '@shop/events';

/** Minor-unit digits of a currency (GBP 2, JPY 0, KWD 3), from the runtime's ISO 4217 data. */
function digitsOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Money as an invoice prints it: the code and the amount with its currency's decimals, thousands grouped
 * ("GBP 1,234.50"). Integer arithmetic throughout: no float ever touches an amount.
 */
export function formatMoney(money: Money): string {
  const digits = digitsOf(money.currency);
  const text = BigInt(money.amount)
    .toString()
    .padStart(digits + 1, '0');
  const whole = BigInt(text.slice(0, text.length - digits)).toLocaleString('en');
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${money.currency} ${whole}${fraction}`;
}
