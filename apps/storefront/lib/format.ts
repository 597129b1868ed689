import type { Money } from './shop-api/types';

/** ISO 4217 digits of the currencies the shop may price in (minor units → major). */
const DIGITS: Record<string, number> = { JPY: 0, KWD: 3, BHD: 3 };

/** `{ amount: 5000, currency: 'GBP' }` → "£50.00". */
export function formatMoney(money: Money, locale = 'en-GB'): string {
  const digits = DIGITS[money.currency] ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: digits }).format(
    money.amount / 10 ** digits,
  );
}

/** The banner's words: whole amounts without pence ("Free shipping over £50"). */
export function freeShippingText(thresholdMinor: number, currency: string, locale = 'en-GB'): string {
  const digits = DIGITS[currency] ?? 2;
  const major = thresholdMinor / 10 ** digits;
  const formatted = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(major) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
  return thresholdMinor === 0 ? 'Free shipping on every order' : `Free shipping over ${formatted}`;
}

/** A product image key (`products/mug.svg`) as a URL under the images base. */
export function imageUrl(imagesBase: string, key: string): string {
  return `${imagesBase}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** "28 Nov 2026, 10:21" in the shop's locale and time zone. */
export function formatDateTime(iso: string, locale = 'en-GB', timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "kitchen" → "Kitchen". */
export const categoryLabel = (slug: string): string => slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
