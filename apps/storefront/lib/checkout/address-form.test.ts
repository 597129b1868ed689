import { describe, expect, it } from 'vitest';
import { readAddress } from './address-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(`shipping.${key}`, value);
  return data;
};

describe('readAddress', () => {
  it('reads a complete address, leaving out empty optional lines and upper-casing the country', () => {
    const result = readAddress(form({ name: 'Ana', line1: '1 High St', line2: ' ', city: 'Leeds', postalCode: 'LS1 1AA', country: 'gb' }), 'shipping');

    expect(result).toEqual({ ok: true, address: { name: 'Ana', line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' } });
  });

  it('names each missing or invalid field', () => {
    const result = readAddress(form({ name: 'Ana', country: 'Britain' }), 'shipping');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields).toMatchObject({ 'shipping.line1': 'Required', 'shipping.city': 'Required', 'shipping.postalCode': 'Required' });
    expect(!result.ok && result.fields['shipping.country']).toMatch(/two-letter/);
  });
});
