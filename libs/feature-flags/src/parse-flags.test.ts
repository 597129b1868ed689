import { describe, expect, it } from 'vitest';
import { parseFlagValues } from './parse-flags';

describe('parseFlagValues', () => {
  it('reads the flags as AppConfig Data returns them', () => {
    const raw = {
      'amex-payments': { enabled: true },
      'free-shipping': { enabled: true, thresholdMinor: 7500 },
      recommendations: { enabled: true },
    };

    const { flags, invalid } = parseFlagValues(raw);

    expect(flags).toEqual(raw);
    expect(invalid).toEqual([]);
  });

  it('gives a missing flag its registry default', () => {
    const { flags, invalid } = parseFlagValues({ 'amex-payments': { enabled: true } });

    expect(flags['free-shipping']).toEqual({ enabled: true, thresholdMinor: 5000 });
    expect(flags.recommendations).toEqual({ enabled: false });
    expect(invalid).toEqual([]);
  });

  it('falls back to the default of a flag whose value breaks its schema, and says which', () => {
    const { flags, invalid } = parseFlagValues({
      'amex-payments': { enabled: true },
      'free-shipping': { enabled: true, thresholdMinor: 'lots' },
    });

    expect(flags['amex-payments'].enabled).toBe(true);
    expect(flags['free-shipping']).toEqual({ enabled: true, thresholdMinor: 5000 });
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.flag).toBe('free-shipping');
    expect(invalid[0]?.problem).toContain('thresholdMinor');
  });

  it('treats an answer that is not an object as no flags at all', () => {
    const { flags } = parseFlagValues('nonsense');

    expect(flags['amex-payments'].enabled).toBe(false);
  });
});
