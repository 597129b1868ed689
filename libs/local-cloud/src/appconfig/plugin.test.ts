import { AppConfigDataClient, GetLatestConfigurationCommand, StartConfigurationSessionCommand } from '@aws-sdk/client-appconfigdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../core/contracts';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { appConfigService } from './plugin';
import { changeFlag, flagResources, TEST_REGION } from './test-support';

const gateway = new Gateway({ logger: silentLogger });
let service: RunningService;
let client: AppConfigDataClient;
let url: string;
let agentUrl: string | undefined;

beforeAll(async () => {
  url = await gateway.listen(0);
  const plugin = appConfigService({ agentPort: 0, onStart: (_store, agent) => (agentUrl = agent) });
  service = await plugin.start({ resources: flagResources(), ports: makeLatePorts().ports, logger: silentLogger, endpointUrl: url, region: TEST_REGION, accountId: '000000000000', dataDir: '/tmp' });
  for (const endpoint of service.endpoints) gateway.register(endpoint);
  for (const [name, route] of Object.entries(service.localRoutes ?? {})) gateway.route(name, route);
  client = new AppConfigDataClient({ endpoint: url, region: TEST_REGION, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
});
afterAll(async () => {
  client.destroy();
  await service.stop();
  await gateway.close();
});

describe('the AppConfig plug-in behind the gateway', () => {
  it('serves AppConfig Data signed, the agent unsigned, and the admin route', async () => {
    const { InitialConfigurationToken } = await client.send(new StartConfigurationSessionCommand({ ApplicationIdentifier: 'shop', EnvironmentIdentifier: 'dev', ConfigurationProfileIdentifier: 'flags' }));
    const first = await client.send(new GetLatestConfigurationCommand({ ConfigurationToken: InitialConfigurationToken }));

    const changed = await changeFlag(url, { app: 'shop', env: 'dev', profile: 'flags', flag: 'checkout' }, { enabled: false });
    const agent = await (await fetch(`${url}/applications/shop/environments/dev/configurations/flags?flag=checkout`)).json();

    expect(JSON.parse(new TextDecoder().decode(first.Configuration))).toHaveProperty('checkout.enabled', true);
    expect(changed.status).toBe(200);
    expect(agent).toEqual({ enabled: false, limit: 5 });
  });

  it('also serves the agent interface on its own port, as the Lambda extension does', async () => {
    const response = await fetch(`${agentUrl}/applications/shop/environments/prod/configurations/flags?flag=reviews`);

    expect(await response.json()).toEqual({ enabled: false });
  });
});
