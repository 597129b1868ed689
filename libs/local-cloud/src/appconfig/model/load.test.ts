import { describe, expect, it } from 'vitest';
import { AppConfigStore } from '../engine/config-store';
import { InvalidAppConfigResourceError } from '../errors';
import { FLAGS_DOCUMENT, flagResources } from '../test-support';
import { loadAppConfig } from './load';

describe('loadAppConfig', () => {
  it('deploys the hosted version each Deployment names to its environment', () => {
    const store = new AppConfigStore();

    loadAppConfig(store, flagResources());

    const deployed = store.deployed(store.resolve('shop', 'prod', 'flags'));
    expect(deployed?.version).toMatchObject({ versionNumber: 1, contentType: 'application/json' });
    expect(JSON.parse(deployed?.version.content ?? '{}')).toEqual(FLAGS_DOCUMENT);
  });

  it('leaves an environment without a Deployment with nothing deployed', () => {
    const store = new AppConfigStore();
    const withoutProdDeployment = flagResources().filter((r) => r.logicalId !== 'DeployProd');

    loadAppConfig(store, withoutProdDeployment);

    expect(store.deployed(store.resolve('shop', 'prod', 'flags'))).toBeUndefined();
  });

  it('names the resource whose feature flags document AppConfig would reject', () => {
    const broken = flagResources({ version: '1', flags: {}, values: { ghost: { enabled: true } } });

    expect(() => loadAppConfig(new AppConfigStore(), broken)).toThrow(InvalidAppConfigResourceError);
    expect(() => loadAppConfig(new AppConfigStore(), broken)).toThrow(/Shop-Flags\/Flags .*'ghost'/);
  });
});
