import { describe, expect, it } from 'vitest';
import { newProductId, ulid } from './ids';
import { NOW, zeros } from './test-data';

describe('ulid', () => {
  it('is 26 Crockford base32 characters', () => {
    const id = ulid(NOW);

    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts ids made later after ids made earlier', () => {
    const earlier = ulid(new Date('2025-03-14T09:00:00.000Z'), () => new Uint8Array(16).fill(31));
    const later = ulid(new Date('2025-03-14T09:00:00.001Z'), zeros);

    expect(earlier < later).toBe(true);
  });

  it('encodes the time in the first 10 characters', () => {
    const id = ulid(new Date(0), zeros);

    expect(id).toBe('0'.repeat(26));
  });

  it('refuses a time before the epoch', () => {
    expect(() => ulid(new Date(-1))).toThrow(RangeError);
  });
});

describe('newProductId', () => {
  it('prefixes the ulid with prod_', () => {
    expect(newProductId(NOW)).toMatch(/^prod_[0-9A-Z]{26}$/);
  });
});
