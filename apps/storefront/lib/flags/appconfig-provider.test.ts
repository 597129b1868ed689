import { defaultFlags, type FlagsSnapshot, type FlagsSource } from '@shop/feature-flags';
import { OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { AppConfigProvider } from './appconfig-provider';
import { readShopFlags } from './shop-flags';

function providerWith(changes: Partial<FlagsSnapshot['flags']>, source: FlagsSource = 'appconfig') {
  const snapshot: FlagsSnapshot = { flags: { ...defaultFlags(), ...changes }, source };
  return new AppConfigProvider({ flags: async () => snapshot });
}

async function clientWith(provider: AppConfigProvider) {
  await OpenFeature.setProviderAndWait(provider);
  return OpenFeature.getClient('test');
}

afterEach(async () => {
  await OpenFeature.clearProviders();
});

describe('AppConfigProvider through OpenFeature', () => {
  it('resolves a flag key as its enabled value', async () => {
    const client = await clientWith(providerWith({ 'amex-payments': { enabled: true } }));

    const details = await client.getBooleanDetails('amex-payments', false);

    expect(details).toMatchObject({ value: true, reason: 'STATIC' });
  });

  it('resolves an attribute with the flag.attribute key', async () => {
    const client = await clientWith(providerWith({ 'free-shipping': { enabled: true, thresholdMinor: 7500 } }));

    expect(await client.getNumberValue('free-shipping.thresholdMinor', 0)).toBe(7500);
  });

  it('says when values are stale or the registry defaults', async () => {
    const stale = await clientWith(providerWith({}, 'last-known'));

    expect((await stale.getBooleanDetails('recommendations', true)).reason).toBe('STALE');
  });

  it('answers the caller default for an unknown flag or a wrong type', async () => {
    const client = await clientWith(providerWith({}));

    const unknown = await client.getBooleanDetails('no-such-flag', true);
    const mismatch = await client.getStringDetails('free-shipping.thresholdMinor', 'x');

    expect(unknown).toMatchObject({ value: true, errorCode: 'FLAG_NOT_FOUND' });
    expect(mismatch).toMatchObject({ value: 'x', errorCode: 'TYPE_MISMATCH' });
  });

  it('gives the storefront every flag, typed, from one client', async () => {
    const client = await clientWith(providerWith({ recommendations: { enabled: true }, 'free-shipping': { enabled: false, thresholdMinor: 1000 } }));

    const flags = await readShopFlags(client);

    expect(flags).toEqual({
      'amex-payments': { enabled: false },
      'free-shipping': { enabled: false, thresholdMinor: 1000 },
      recommendations: { enabled: true },
    });
  });
});
