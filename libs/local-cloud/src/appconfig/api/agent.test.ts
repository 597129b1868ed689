import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFlag, startLocalAppConfig, type LocalAppConfig } from '../test-support';

let appConfig: LocalAppConfig;

beforeAll(async () => {
  appConfig = await startLocalAppConfig();
});
afterAll(() => appConfig.close());

const agent = (path: string) => fetch(`${appConfig.endpoint}/applications/shop/environments/${path}`);

describe('the AppConfig Agent interface', () => {
  it('returns every evaluated flag of a profile, unsigned', async () => {
    const response = await agent('prod/configurations/flags');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('configuration-version')).toBe('1');
    expect(await response.json()).toEqual({ checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } });
  });

  it('returns one flag for ?flag=, and a subset for several', async () => {
    const one = await (await agent('prod/configurations/flags?flag=checkout')).json();
    const several = await (await agent('prod/configurations/flags?flag=checkout&flag=reviews')).json();

    expect(one).toEqual({ enabled: true, limit: 5 });
    expect(several).toEqual({ checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } });
  });

  it('answers 404 for a flag the profile does not define', async () => {
    const response = await agent('prod/configurations/flags?flag=ghost');

    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Flag ghost not found in flags');
  });

  it('answers 404 for an environment the application does not have', async () => {
    const response = await agent('staging/configurations/flags');

    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Environment staging not found');
  });

  it('serves a changed flag on the next request', async () => {
    await changeFlag(appConfig.endpoint, { app: 'shop', env: 'dev', profile: 'flags', flag: 'reviews' }, { enabled: true });

    const response = await agent('dev/configurations/flags?flag=reviews');

    expect(await response.json()).toEqual({ enabled: true });
    expect(response.headers.get('configuration-version')).toBe('2');
  });
});
