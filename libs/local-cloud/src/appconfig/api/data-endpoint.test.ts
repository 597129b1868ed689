import { GetLatestConfigurationCommand, StartConfigurationSessionCommand, type AppConfigDataServiceException } from '@aws-sdk/client-appconfigdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFlag, startLocalAppConfig, type LocalAppConfig } from '../test-support';

let appConfig: LocalAppConfig;

beforeAll(async () => {
  appConfig = await startLocalAppConfig();
});
afterAll(() => appConfig.close());

async function startSession(env = 'dev', RequiredMinimumPollIntervalInSeconds?: number): Promise<string> {
  const { InitialConfigurationToken } = await appConfig.client.send(
    new StartConfigurationSessionCommand({ ApplicationIdentifier: 'shop', EnvironmentIdentifier: env, ConfigurationProfileIdentifier: 'flags', RequiredMinimumPollIntervalInSeconds }),
  );
  return InitialConfigurationToken ?? '';
}

async function poll(token: string) {
  const response = await appConfig.client.send(new GetLatestConfigurationCommand({ ConfigurationToken: token }));
  // The SDK leaves Configuration undefined for an empty body (nothing new since the last token).
  const text = response.Configuration ? new TextDecoder().decode(response.Configuration) : '';
  return { ...response, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, empty: text.length === 0 };
}

async function failureOf(promise: Promise<unknown>): Promise<AppConfigDataServiceException> {
  try {
    await promise;
  } catch (err) {
    return err as AppConfigDataServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('AppConfig Data with the real SDK', () => {
  it('returns the evaluated flags, then nothing while they are unchanged', async () => {
    const first = await poll(await startSession('dev', 30));

    const second = await poll(first.NextPollConfigurationToken ?? '');

    expect(first.json).toEqual({ checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } });
    expect(first).toMatchObject({ ContentType: 'application/json', NextPollIntervalInSeconds: 30, NextPollConfigurationToken: expect.any(String) });
    expect(second.empty).toBe(true);
    expect(second.NextPollConfigurationToken).toEqual(expect.any(String));
  });

  it('shows a flag change on the next poll, in the changed environment only', async () => {
    const dev = await poll(await startSession('dev'));
    const prod = await poll(await startSession('prod'));

    const changed = await changeFlag(appConfig.endpoint, { app: 'shop', env: 'dev', profile: 'flags', flag: 'checkout' }, { enabled: false, attributes: { limit: 2 } });

    const devNext = await poll(dev.NextPollConfigurationToken ?? '');
    const prodNext = await poll(prod.NextPollConfigurationToken ?? '');
    expect(changed.status).toBe(200);
    expect(devNext.json).toEqual({ checkout: { enabled: false, limit: 2 }, reviews: { enabled: false } });
    expect(prodNext.empty).toBe(true);
  });

  it('accepts ids as well as names', async () => {
    const [application] = appConfig.store.listApplications();
    const environment = application?.environments.find((e) => e.name === 'prod');
    const profile = application?.profiles[0];

    const { InitialConfigurationToken } = await appConfig.client.send(
      new StartConfigurationSessionCommand({ ApplicationIdentifier: application?.id, EnvironmentIdentifier: environment?.id, ConfigurationProfileIdentifier: profile?.id }),
    );

    expect((await poll(InitialConfigurationToken ?? '')).json).toHaveProperty('checkout');
  });

  it('reports an unknown application as ResourceNotFoundException', async () => {
    const failure = await failureOf(
      appConfig.client.send(new StartConfigurationSessionCommand({ ApplicationIdentifier: 'nope', EnvironmentIdentifier: 'dev', ConfigurationProfileIdentifier: 'flags' })),
    );

    expect(failure).toMatchObject({ name: 'ResourceNotFoundException', ResourceType: 'Application', $metadata: { httpStatusCode: 404 } });
  });

  it('rejects a token it did not issue as BadRequestException', async () => {
    const failure = await failureOf(appConfig.client.send(new GetLatestConfigurationCommand({ ConfigurationToken: 'forged.token' })));

    expect(failure).toMatchObject({ name: 'BadRequestException', Reason: 'InvalidParameters', Details: { InvalidParameters: { ConfigurationToken: { Problem: 'Corrupted' } } } });
  });

  it('rejects a poll interval outside 15 seconds to a day', async () => {
    const failure = await failureOf(startSession('dev', 5));

    expect(failure).toMatchObject({ name: 'BadRequestException', message: 'RequiredMinimumPollIntervalInSeconds must be between 15 and 86400' });
  });
});
