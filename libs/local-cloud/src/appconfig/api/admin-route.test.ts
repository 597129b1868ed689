import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFlag, startLocalAppConfig, type LocalAppConfig } from '../test-support';

let appConfig: LocalAppConfig;

beforeAll(async () => {
  appConfig = await startLocalAppConfig();
});
afterAll(() => appConfig.close());

const checkout = { app: 'shop', env: 'dev', profile: 'flags', flag: 'checkout' };

describe('the AppConfig admin interface', () => {
  it('lists applications, environments and the flags each has deployed', async () => {
    const { applications } = (await (await fetch(`${appConfig.endpoint}/_local/appconfig`)).json()) as {
      applications: Array<{ name: string; environments: Array<{ name: string; configurations: Array<{ profile: { name: string }; version: number; flags: unknown }> }> }>;
    };

    expect(applications.map((a) => a.name)).toEqual(['shop']);
    expect(applications[0]?.environments.map((e) => [e.name, e.configurations[0]?.profile.name, e.configurations[0]?.version])).toEqual([
      ['dev', 'flags', 1],
      ['prod', 'flags', 1],
    ]);
    expect(applications[0]?.environments[0]?.configurations[0]?.flags).toEqual({ checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } });
  });

  it('changes a flag and answers with the new version and the evaluated flag', async () => {
    const response = await changeFlag(appConfig.endpoint, checkout, { attributes: { limit: 7 } });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: 2, flag: { enabled: true, limit: 7 } });
  });

  it('refuses a value the flag constraints refuse, and keeps the deployed version', async () => {
    const response = await changeFlag(appConfig.endpoint, checkout, { attributes: { limit: 0 } });
    const current = await (await fetch(`${appConfig.endpoint}/_local/appconfig/applications/shop/environments/dev/configurations/flags`)).json();

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'APPCONFIG.INVALID_FLAG_VALUE', message: "Flag 'checkout' attribute 'limit': must be at least 1" });
    expect(current).toMatchObject({ version: 2, flags: { checkout: { limit: 7 } } });
  });

  it('answers 404 for a flag the profile does not define', async () => {
    const response = await changeFlag(appConfig.endpoint, { ...checkout, flag: 'ghost' }, { enabled: true });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'APPCONFIG.FLAG_NOT_FOUND' });
  });

  it('refuses a body that is not a flag change', async () => {
    const response = await changeFlag(appConfig.endpoint, checkout, { enabled: 'yes' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: '"enabled" must be true or false' });
  });
});
