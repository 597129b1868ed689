import { describe, expect, it } from 'vitest';
import { isApiKey } from './api-key';

describe('isApiKey', () => {
  it('accepts the key', () => {
    expect(isApiKey('k3y-0123456789', 'k3y-0123456789')).toBe(true);
  });

  it.each([
    ['a different key of the same length', 'k3y-0123456780'],
    ['a prefix of the key', 'k3y-01234'],
    ['the key and more', 'k3y-0123456789-and-more'],
    ['an empty header', ''],
    ['no header', undefined],
  ])('refuses %s', (_case, presented) => {
    expect(isApiKey(presented, 'k3y-0123456789')).toBe(false);
  });
});
