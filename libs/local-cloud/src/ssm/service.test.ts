import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../core/contracts';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { ssmService } from './service';

const gateway = new Gateway({ logger: silentLogger });
let running: RunningService;
let client: SSMClient;

beforeAll(async () => {
  const url = await gateway.listen(0);
  running = await ssmService().start({
    resources: [{ stackName: 'Shop-Config', logicalId: 'ApiUrl', type: 'AWS::SSM::Parameter', ref: '/shop/api-url', physicalName: '/shop/api-url', attributes: {}, properties: { Type: 'String', Value: `${url}/api` } }],
    ports: makeLatePorts().ports, logger: silentLogger, endpointUrl: url, region: 'us-east-1', accountId: '000000000000', dataDir: '/tmp',
  });
  for (const endpoint of running.endpoints) gateway.register(endpoint);
  client = new SSMClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
});
afterAll(async () => {
  client.destroy();
  await running.stop();
  await gateway.close();
});

describe('the SSM plug-in behind the gateway', () => {
  it('provides the ssm port, reading the latest or a given version with its type', async () => {
    const port = running.provides?.ssm;

    const [latest, first] = await Promise.all([port?.getParameter('/shop/api-url'), port?.getParameter('/shop/api-url', 1)]);

    expect(latest).toEqual({ value: `${gateway.url}/api`, type: 'String' });
    expect(first).toEqual(latest);
    await expect(port?.getParameter('/shop/api-url', 2)).rejects.toThrow('could not find version 2');
  });


  it('serves the template’s parameters to the SDK', async () => {
    const { Parameter } = await client.send(new GetParameterCommand({ Name: '/shop/api-url' }));

    expect(Parameter).toMatchObject({ Name: '/shop/api-url', Type: 'String', Value: `${gateway.url}/api`, Version: 1 });
  });
});
