import { createHmac } from 'node:crypto';
import { cardDigits, type CardDetails } from '../domain/card';

/**
 * What identifies a card in an idempotency fingerprint without the card itself: an HMAC-SHA256 of the number,
 * expiry and CVC, keyed by a secret. A plain hash would not do: card numbers are few enough to guess back
 * from an unkeyed hash, which is why PCI DSS asks for keyed ones.
 */
export function cardFingerprint(card: CardDetails, secret: string): string {
  return createHmac('sha256', secret)
    .update([cardDigits(card.number), card.expMonth, card.expYear, card.cvc].join('|'))
    .digest('hex');
}
