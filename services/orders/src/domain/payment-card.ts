import { OrdersDomainError } from './errors';

export const CARD_BRANDS = ['visa', 'mastercard', 'amex'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** The backend's view of the feature flags that change which payments it takes. */
export type PaymentFlags = { readonly amexPayments: boolean };

const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
};

const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

type BrandRule = {
  readonly brand: CardBrand;
  readonly lengths: readonly number[];
  /** Inclusive IIN ranges of the same number of digits, compared on the number's leading digits. */
  readonly ranges: readonly (readonly [string, string])[];
};

// The card schemes' published IIN ranges: Visa 4; Mastercard 51-55 and (since 2017) 2221-2720;
// American Express 34 and 37. Lengths as each scheme issues them.
const BRAND_RULES: readonly BrandRule[] = [
  { brand: 'visa', lengths: [13, 16, 19], ranges: [['4', '4']] },
  {
    brand: 'mastercard',
    lengths: [16],
    ranges: [
      ['51', '55'],
      ['2221', '2720'],
    ],
  },
  {
    brand: 'amex',
    lengths: [15],
    ranges: [
      ['34', '34'],
      ['37', '37'],
    ],
  },
];

function inRange(cardNumber: string, [low, high]: readonly [string, string]): boolean {
  // Same-length digit strings compare like the numbers they spell.
  const prefix = cardNumber.slice(0, low.length);
  return prefix.length === low.length && prefix >= low && prefix <= high;
}

/**
 * The brand of a card number (digits only), from its issuer identification number and length;
 * `undefined` for any other scheme or an impossible length.
 *
 * @example
 * detectCardBrand('4242424242424242'); // 'visa'
 */
export function detectCardBrand(cardNumber: string): CardBrand | undefined {
  if (!/^\d+$/.test(cardNumber)) return undefined;
  const rule = BRAND_RULES.find(
    (candidate) =>
      candidate.lengths.includes(cardNumber.length) && candidate.ranges.some((range) => inRange(cardNumber, range)),
  );
  return rule?.brand;
}

/**
 * The Luhn (mod 10) check digit test every card scheme uses: it catches any single mistyped digit
 * and most swapped pairs, so a typo fails here instead of at the payment provider.
 */
export function isLuhnValid(cardNumber: string): boolean {
  if (!/^\d+$/.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let digit = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Visa and Mastercard always; American Express only while the `amex-payments` flag is on. */
export function allowedPaymentBrands(flags: PaymentFlags): readonly CardBrand[] {
  return flags.amexPayments ? ['visa', 'mastercard', 'amex'] : ['visa', 'mastercard'];
}

/**
 * The card's brand, if the shop takes it now. The backend decides with the flag itself, whatever
 * the storefront offered.
 *
 * @throws OrdersDomainError `PAYMENT_METHOD_NOT_ALLOWED` for an unknown brand, or Amex with the flag off.
 */
export function acceptedCardBrand(cardNumber: string, flags: PaymentFlags): CardBrand {
  return acceptedBrand(detectCardBrand(cardNumber), flags);
}

/**
 * The brand, if the shop takes it now: for a card known only by its brand, such as a payment token
 * the provider describes (`undefined` is a brand the provider did not name, refused like any other).
 *
 * @throws OrdersDomainError `PAYMENT_METHOD_NOT_ALLOWED` for an unknown brand, or Amex with the flag off.
 *
 * @example
 * acceptedBrand(token.brand, await flags.paymentFlags()); // 'visa'
 */
export function acceptedBrand(brand: CardBrand | undefined, flags: PaymentFlags): CardBrand {
  const allowed = allowedPaymentBrands(flags);
  if (brand === undefined || !allowed.includes(brand)) {
    // The message names the brand only: a card number must never reach a log or a response.
    throw new OrdersDomainError(
      'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
      `We take ${LIST.format(allowed.map((name) => BRAND_NAMES[name]))}; this card is ${brand ? BRAND_NAMES[brand] : 'another kind'}`,
      { brand: brand ?? 'unknown' },
    );
  }
  return brand;
}
