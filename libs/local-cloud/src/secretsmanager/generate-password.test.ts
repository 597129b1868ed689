import { describe, expect, it } from 'vitest';
import { SecretsManagerError } from './errors';
import { generatePassword } from './generate-password';

describe('generatePassword', () => {
  it('makes 32 characters by default, with every character type', () => {
    const password = generatePassword();

    expect(password).toHaveLength(32);
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[0-9]/);
    expect(password).toMatch(/[^a-zA-Z0-9]/);
  });

  it('leaves out excluded types and characters', () => {
    const password = generatePassword({ length: 200, excludeUppercase: true, excludePunctuation: true, excludeCharacters: 'aeiou0' });

    expect(password).toMatch(/^[b-df-hj-np-tv-z1-9]{200}$/);
  });

  it('includes a space only when asked', () => {
    const password = generatePassword({ length: 5, excludeLowercase: true, excludeUppercase: true, excludeNumbers: true, excludePunctuation: true, includeSpace: true });

    expect(password).toBe('     ');
  });

  it('refuses a length outside 1 to 4096, or one too short for every required type', () => {
    expect(() => generatePassword({ length: 0 })).toThrow(SecretsManagerError);
    expect(() => generatePassword({ length: 4097 })).toThrow(SecretsManagerError);
    expect(() => generatePassword({ length: 3 })).toThrow(/too short/);
    expect(generatePassword({ length: 3, requireEachIncludedType: false })).toHaveLength(3);
  });
});
