/** The card brands the sandbox accepts. */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** Card details as a caller sends them. Never stored and never logged (PCI DSS): keep only a `CardSummary`. */
export type CardDetails = {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
};

/** What may be kept and shown of a card. */
export type CardSummary = {
  readonly brand: CardBrand;
  readonly last4: string;
};

/** One reason card details are unusable, by field. */
export type CardProblem = {
  readonly field: 'number' | 'cvc';
  readonly message: string;
};

// Brand prefixes and lengths, as the networks publish them (Mastercard's 2-series since 2017).
const BRAND_PATTERNS: readonly (readonly [CardBrand, RegExp])[] = [
  ['visa', /^4(\d{12}|\d{15}|\d{18})$/],
  ['mastercard', /^(5[1-5]\d{14}|2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12})$/],
  ['amex', /^3[47]\d{13}$/],
];

const CVC_LENGTH: Record<CardBrand, number> = { visa: 3, mastercard: 3, amex: 4 };

/** The digits of a card number as people type it: spaces and dashes are dropped. */
export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** The Luhn (mod 10) check every card number passes: it catches a mistyped digit and most swaps. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The brand of a card number (digits only), or undefined for a brand the sandbox does not accept. */
export function brandOf(digits: string): CardBrand | undefined {
  return BRAND_PATTERNS.find(([, pattern]) => pattern.test(digits))?.[0];
}

/** Why these card details cannot be charged at all (as opposed to a decline), or none. */
export function cardProblems(card: Pick<CardDetails, 'number' | 'cvc'>): CardProblem[] {
  const digits = cardDigits(card.number);
  if (!/^\d{12,19}$/.test(digits)) return [{ field: 'number', message: 'Expected 12 to 19 digits' }];
  if (!passesLuhn(digits)) return [{ field: 'number', message: 'Not a valid card number (Luhn check failed)' }];
  const brand = brandOf(digits);
  if (brand === undefined) return [{ field: 'number', message: 'Card brand not accepted (Visa, Mastercard, Amex)' }];
  const cvcLength = CVC_LENGTH[brand];
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
    return [{ field: 'cvc', message: `Expected ${cvcLength} digits for ${brand}` }];
  }
  return [];
}

/** A card is good until the last moment of its expiry month (UTC). */
export function isExpired(card: Pick<CardDetails, 'expMonth' | 'expYear'>, now: Date): boolean {
  // Date.UTC takes a 0-based month, so `expMonth` is already the month after expiry.
  return now.getTime() >= Date.UTC(card.expYear, card.expMonth, 1);
}

/** Brand and last four digits: all the sandbox keeps of a card. Call only after `cardProblems` found none. */
export function summarize(card: Pick<CardDetails, 'number'>): CardSummary {
  const digits = cardDigits(card.number);
  const brand = brandOf(digits);
  if (brand === undefined) throw new RangeError('Card brand not accepted');
  return { brand, last4: digits.slice(-4) };
}
