import { describe, expect, it } from 'vitest';
import { toAppConfigFeatureFlags } from './appconfig-document';
import { FLAG_REGISTRY } from './registry';

describe('toAppConfigFeatureFlags', () => {
  it('defines every registry flag with its name and description, in schema version 1', () => {
    const document = toAppConfigFeatureFlags();

    expect(document.version).toBe('1');
    expect(Object.keys(document.flags)).toEqual(Object.keys(FLAG_REGISTRY));
    expect(document.flags['amex-payments']).toEqual({
      name: 'American Express payments',
      description: FLAG_REGISTRY['amex-payments'].description,
    });
  });

  it('declares attributes with constraints AppConfig checks on every change', () => {
    const document = toAppConfigFeatureFlags();

    expect(document.flags['free-shipping']?.attributes).toEqual({
      thresholdMinor: {
        description: FLAG_REGISTRY['free-shipping'].attributes.thresholdMinor.description,
        constraints: { type: 'number', required: true, minimum: 0, maximum: 10_000_000 },
      },
    });
  });

  it('sets each value to the registry default, attributes included', () => {
    const document = toAppConfigFeatureFlags();

    expect(document.values).toEqual({
      'amex-payments': { enabled: false },
      'free-shipping': { enabled: true, thresholdMinor: 5000 },
      recommendations: { enabled: false },
    });
  });

  it('gives a value only to defined flags, and keeps names and descriptions within AppConfig limits', () => {
    const document = toAppConfigFeatureFlags();

    for (const key of Object.keys(document.values)) expect(document.flags).toHaveProperty(key);
    for (const flag of Object.values(document.flags)) {
      expect(flag.name.length).toBeLessThanOrEqual(64);
      expect(flag.description.length).toBeLessThanOrEqual(1024);
    }
  });
});
