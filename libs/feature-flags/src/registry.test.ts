import { describe, expect, it } from 'vitest';
import { FLAG_REGISTRY, defaultFlag, defaultFlags, flagSchema } from './registry';

describe('the flag registry', () => {
  it('keeps Amex off, free shipping on over £50 and recommendations off by default', () => {
    const flags = defaultFlags();

    expect(flags).toEqual({
      'amex-payments': { enabled: false },
      'free-shipping': { enabled: true, thresholdMinor: 5000 },
      recommendations: { enabled: false },
    });
  });

  it('names every flag with a key AppConfig accepts', () => {
    const keys = Object.keys(FLAG_REGISTRY);

    for (const key of keys) expect(key).toMatch(/^[a-z][a-zA-Z\d_-]{0,63}$/);
  });

  it('accepts a value within the attribute constraints', () => {
    const value = { enabled: false, thresholdMinor: 2500 };

    expect(flagSchema('free-shipping').parse(value)).toEqual(value);
  });

  it('refuses a threshold that is negative or not a number', () => {
    const schema = flagSchema('free-shipping');

    expect(schema.safeParse({ enabled: true, thresholdMinor: -1 }).success).toBe(false);
    expect(schema.safeParse({ enabled: true, thresholdMinor: '5000' }).success).toBe(false);
    expect(schema.safeParse({ enabled: true }).success).toBe(false);
  });

  it('drops keys a flag does not declare', () => {
    const parsed = flagSchema('amex-payments').parse({ enabled: true, _updatedAt: '2026-11-28' });

    expect(parsed).toEqual({ enabled: true });
    expect(defaultFlag('amex-payments')).toEqual({ enabled: false });
  });
});
