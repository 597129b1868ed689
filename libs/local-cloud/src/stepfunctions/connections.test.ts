import { describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../core/contracts';
import { makeLatePorts } from '../core/ports';
import { SecretStore, secretReader } from '../secretsmanager';
import { connectionsIn } from './connections';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:000000000000:connection/Payments/7d2a';

const aConnection = (apiKeyValue: string): ResolvedResource => ({
  stackName: 'Shop',
  logicalId: 'PaymentsConnection',
  type: 'AWS::Events::Connection',
  ref: 'Payments',
  physicalName: 'Payments',
  arn: CONNECTION_ARN,
  attributes: { Arn: CONNECTION_ARN },
  properties: {
    AuthorizationType: 'API_KEY',
    AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: apiKeyValue } },
  },
});

describe('connectionsIn', () => {
  it("finds a template Connection's authorization by its ARN", async () => {
    const resolve = connectionsIn([aConnection('sandbox-key')], makeLatePorts().ports);

    const auth = await resolve(CONNECTION_ARN);

    expect(auth).toEqual({ AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sandbox-key' } } });
  });

  it('reads the secret a dynamic reference in the authorization names when a task asks', async () => {
    const store = new SecretStore({ region: 'us-east-1', accountId: '000000000000' });
    const { arn } = store.create({ name: 'payments/api-key', value: { string: 'generated-key' } });
    const resolve = connectionsIn([aConnection(`{{resolve:secretsmanager:${arn}:SecretString:::}}`)], { ...makeLatePorts().ports, secretsManager: secretReader(store) });

    const auth = await resolve(CONNECTION_ARN);

    expect(auth?.AuthParameters.ApiKeyAuthParameters?.ApiKeyValue).toBe('generated-key');
  });

  it('knows no Connection the templates do not declare', async () => {
    const resolve = connectionsIn([aConnection('sandbox-key')], makeLatePorts().ports);

    const auth = await resolve('arn:aws:events:us-east-1:000000000000:connection/Other/1');

    expect(auth).toBeUndefined();
  });
});
