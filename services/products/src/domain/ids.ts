// Crockford base32, the ULID alphabet: no I, L, O or U, so ids survive being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

/** Random bytes; the default is the platform's CSPRNG (Web Crypto, a global in Node and in browsers). */
export type RandomBytes = (length: number) => Uint8Array;

const cryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * A ULID: 10 characters of milliseconds since the epoch, then 16 random ones. Ids made later sort after
 * ids made earlier (to the millisecond), which is what lets a "newest first" listing sort by id.
 */
export function ulid(now: Date, random: RandomBytes = cryptoBytes): string {
  let time = now.getTime();
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError(`Cannot make an id for time ${time}`);
  let timePart = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    timePart = ALPHABET.charAt(time % 32) + timePart;
    time = Math.floor(time / 32);
  }
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  const randomPart = Array.from(random(RANDOM_CHARS), (byte) => ALPHABET.charAt(byte % 32)).join('');
  return timePart + randomPart;
}

export const newProductId = (now: Date, random?: RandomBytes) => `prod_${ulid(now, random)}`;
export const newReservationId = (now: Date, random?: RandomBytes) => `res_${ulid(now, random)}`;
export const newEventId = (now: Date, random?: RandomBytes) => `evt_${ulid(now, random)}`;
