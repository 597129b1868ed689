import type { Card } from '../shop-api/types';

export type CardBrand = 'visa' | 'mastercard' | 'amex';

/** The payment sandbox's test cards (services/payments/README.md), as the checkout page lists them. */
export const TEST_CARDS: readonly { number: string; brand: CardBrand; does: string }[] = [
  { number: '4242 4242 4242 4242', brand: 'visa', does: 'approves' },
  { number: '5555 5555 5555 4444', brand: 'mastercard', does: 'approves' },
  { number: '3782 822463 10005', brand: 'amex', does: 'approves (while Amex is accepted)' },
  { number: '4000 0000 0000 0002', brand: 'visa', does: 'is declined' },
  { number: '4000 0000 0000 9995', brand: 'visa', does: 'is declined: insufficient funds' },
  { number: '4000 0000 0000 0119', brand: 'visa', does: 'fails once, then approves on retry' },
];

/** The brand from the card number's prefix and length (as the orders service decides it), or undefined. */
export function detectCardBrand(number: string): CardBrand | undefined {
  const digits = number.replace(/\D/g, '');
  if (/^3[47]\d{13}$/.test(digits)) return 'amex';
  if (/^4(\d{12}|\d{15}|\d{18})$/.test(digits)) return 'visa';
  const prefix4 = Number(digits.slice(0, 4));
  if (digits.length === 16 && (/^5[1-5]/.test(digits) || (prefix4 >= 2221 && prefix4 <= 2720))) return 'mastercard';
  return undefined;
}

/** The brands the shop takes now: Amex only while the `amex-payments` flag is on. */
export function acceptedBrands(amexPayments: boolean): CardBrand[] {
  return amexPayments ? ['visa', 'mastercard', 'amex'] : ['visa', 'mastercard'];
}

export type CardInput = { ok: true; card: Card } | { ok: false; field: 'cardNumber' | 'expiry' | 'cvc'; message: string };

/**
 * The card fields of the checkout form (`cardNumber`, `expiry` as MM/YY, `cvc`), checked enough to spare the
 * customer a round trip; the sandbox checks them again (Luhn, CVC length, expiry).
 */
export function readCard(form: FormData, now: Date): CardInput {
  const number = String(form.get('cardNumber') ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) return { ok: false, field: 'cardNumber', message: 'Enter the card number, 12 to 19 digits' };
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(String(form.get('expiry') ?? '').trim());
  const month = Number(expiry?.[1]);
  const year = expiry?.[2]?.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry?.[2]);
  if (!expiry || month < 1 || month > 12) return { ok: false, field: 'expiry', message: 'Enter the expiry date as MM/YY' };
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    return { ok: false, field: 'expiry', message: 'This card has expired' };
  }
  const cvc = String(form.get('cvc') ?? '').trim();
  const cvcLength = detectCardBrand(number) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(cvc)) return { ok: false, field: 'cvc', message: `Enter the ${cvcLength}-digit security code` };
  return { ok: true, card: { number, expMonth: month, expYear: year, cvc } };
}
