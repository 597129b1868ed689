import {
  AppConfigDataClient,
  GetLatestConfigurationCommand,
  StartConfigurationSessionCommand,
} from '@aws-sdk/client-appconfigdata';
import { captureLogs } from '@shop/lambda-kit/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppConfigFeatureFlags } from './appconfig-feature-flags';

const appconfig = mockClient(AppConfigDataClient);
afterEach(() => appconfig.reset());
afterAll(() => appconfig.restore());

/** What GetLatestConfiguration answers: the profile's content as bytes (the SDK's blob adapter). */
const configuration = (flags: unknown) => {
  const text = JSON.stringify(flags);
  const Configuration = Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
  return { Configuration, NextPollConfigurationToken: 'next-token' };
};

const flagsReader = (maxAgeSeconds = 30) =>
  new AppConfigFeatureFlags({
    application: 'shop',
    environment: 'test',
    profile: 'backend-flags',
    client: new AppConfigDataClient({ region: 'eu-west-2' }),
    maxAgeSeconds,
  });

describe('AppConfigFeatureFlags', () => {
  it('reads amex-payments from the feature flag profile', async () => {
    appconfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'initial' });
    appconfig.on(GetLatestConfigurationCommand).resolves(configuration({ 'amex-payments': { enabled: true } }));

    const flags = await flagsReader().paymentFlags();

    expect(flags).toEqual({ amexPayments: true });
    expect(appconfig.commandCalls(StartConfigurationSessionCommand)[0]?.args[0].input).toEqual({
      ApplicationIdentifier: 'shop',
      EnvironmentIdentifier: 'test',
      ConfigurationProfileIdentifier: 'backend-flags',
    });
  });

  it('treats a flag that is off, or missing from the profile, as off', async () => {
    appconfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'initial' });
    appconfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce(configuration({ 'amex-payments': { enabled: true } }))
      .resolvesOnce(configuration({ 'amex-payments': { enabled: false } }))
      .resolves(configuration({ 'another-flag': { enabled: true } }));
    const reader = flagsReader(0);

    const flags = [await reader.paymentFlags(), await reader.paymentFlags(), await reader.paymentFlags()];

    expect(flags).toEqual([{ amexPayments: true }, { amexPayments: false }, { amexPayments: false }]);
  });

  it('serves the flags from its cache within maxAge', async () => {
    appconfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'initial' });
    appconfig.on(GetLatestConfigurationCommand).resolves(configuration({ 'amex-payments': { enabled: true } }));
    const reader = flagsReader(30);

    await reader.paymentFlags();
    await reader.paymentFlags();

    expect(appconfig.commandCalls(GetLatestConfigurationCommand)).toHaveLength(1);
  });

  it('turns every flag off, and says so, when AppConfig cannot be reached', async () => {
    appconfig.on(StartConfigurationSessionCommand).rejects(new Error('connect ETIMEDOUT'));
    const logs = captureLogs();

    const flags = await flagsReader().paymentFlags();

    logs.restore();
    expect(flags).toEqual({ amexPayments: false });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'WARN', using: 'defaults (all off)' }));
  });

  it('keeps the last flags it read when AppConfig stops answering', async () => {
    appconfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'initial' });
    appconfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce(configuration({ 'amex-payments': { enabled: true } }))
      .rejects(new Error('AppConfig is down'));
    const reader = flagsReader(0);
    await reader.paymentFlags();
    const logs = captureLogs();

    const flags = await reader.paymentFlags();

    logs.restore();
    expect(flags).toEqual({ amexPayments: true });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'WARN', using: 'last known' }));
  });
});
