import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../model/pool-config';
import { assertPasswordConforms, temporaryPasswordFor } from './password-policy';

const STRICT: PasswordPolicy = {
  minimumLength: 10,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

describe('assertPasswordConforms', () => {
  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['lowercase-only-1', 'Password must have uppercase characters'],
    ['UPPERCASE-ONLY-1', 'Password must have lowercase characters'],
    ['NoDigits-Here!', 'Password must have numeric characters'],
    ['NoSymbols123abc', 'Password must have symbol characters'],
  ])('rejects %s: %s', (password, reason) => {
    expect(() => assertPasswordConforms(password, STRICT)).toThrow(`Password did not conform with policy: ${reason}`);
  });

  it('accepts a password that meets every rule', () => {
    expect(() => assertPasswordConforms('Correct-Horse-9', STRICT)).not.toThrow();
  });

  it('only applies the rules the policy turns on', () => {
    const relaxed = { ...STRICT, minimumLength: 6, requireSymbols: false, requireUppercase: false };

    expect(() => assertPasswordConforms('simple1', relaxed)).not.toThrow();
  });

  it('rejects a password that starts with whitespace as an invalid parameter', () => {
    expect(() => assertPasswordConforms(' Leading-Space-9', STRICT)).toThrow(expect.objectContaining({ type: 'InvalidParameterException' }));
  });
});

describe('temporaryPasswordFor', () => {
  it('generates passwords that satisfy the policy', () => {
    const passwords = Array.from({ length: 50 }, () => temporaryPasswordFor({ ...STRICT, minimumLength: 16 }));

    for (const password of passwords) expect(() => assertPasswordConforms(password, { ...STRICT, minimumLength: 16 })).not.toThrow();
  });
});
