import { describe, expect, it } from 'vitest';
import { crockfordBase32, newCartId, orderIdFor } from './ids';

describe('crockfordBase32', () => {
  it('encodes bytes five bits a character, most significant first', () => {
    const bytes = Uint8Array.from([0b00001_000, 0b10_00011_0, 0b0100_0000]);

    expect(crockfordBase32(bytes, 4)).toBe('1234');
  });
});

describe('newCartId', () => {
  it('makes a URL-safe id with 128 random bits, different every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newCartId()));

    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^cart_[A-Za-z0-9_-]{22}$/);
  });
});

describe('orderIdFor', () => {
  it('derives the same ULID-shaped id from the same customer and key', () => {
    const first = orderIdFor('customer-1', 'key-1');

    expect(orderIdFor('customer-1', 'key-1')).toBe(first);
    expect(first).toMatch(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('gives two customers who send the same key different orders', () => {
    expect(orderIdFor('customer-1', 'key-1')).not.toBe(orderIdFor('customer-2', 'key-1'));
  });
});
