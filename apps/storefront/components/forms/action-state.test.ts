import { describe, expect, it } from 'vitest';
import { safeNext } from './action-state';

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/checkout')).toBe('/checkout');
  });

  it('refuses another origin, so sign-in cannot be used to send people elsewhere', () => {
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null, '/orders')).toBe('/orders');
  });
});
