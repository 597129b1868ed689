import { createHash, randomBytes } from 'node:crypto';

// Crockford's base32 (no I, L, O, U), the alphabet of ULIDs: readable, case-insensitive, URL-safe.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** @internal The bytes in Crockford base32, 5 bits a character, most significant first. */
export function crockfordBase32(bytes: Uint8Array, length: number): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && text.length < length) {
      bits -= 5;
      text += CROCKFORD[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return text;
}

/**
 * A new cart id. The id is the only credential of a cart on the public routes (a bearer id), so it is
 * 128 random bits, never derived from anything a stranger could know.
 */
export function newCartId(): string {
  return `cart_${randomBytes(16).toString('base64url')}`;
}

/**
 * The order id of a checkout: `ord_` and 26 Crockford base32 characters, like a ULID, but derived from
 * the customer and the Idempotency-Key instead of the clock. A retried request then prices to the same
 * order, so the Standard execution's input is identical and StartExecution answers with the running
 * execution instead of ExecutionAlreadyExists. The customer is part of it: two customers who happen to
 * send the same key get different orders.
 */
export function orderIdFor(customerId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${customerId}\n${idempotencyKey}`).digest();
  return `ord_${crockfordBase32(digest, 26)}`;
}
