import { describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../core/contracts';
import { connectionsIn } from './connections';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:000000000000:connection/Payments/7d2a';

const connection: ResolvedResource = {
  stackName: 'Shop',
  logicalId: 'PaymentsConnection',
  type: 'AWS::Events::Connection',
  ref: 'Payments',
  physicalName: 'Payments',
  arn: CONNECTION_ARN,
  attributes: { Arn: CONNECTION_ARN },
  properties: {
    AuthorizationType: 'API_KEY',
    AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sandbox-key' } },
  },
};

describe('connectionsIn', () => {
  it("finds a template Connection's authorization by its ARN", async () => {
    const resolve = connectionsIn([connection]);

    const auth = await resolve(CONNECTION_ARN);

    expect(auth).toEqual({ AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sandbox-key' } } });
  });

  it('knows no Connection the templates do not declare', async () => {
    const resolve = connectionsIn([connection]);

    const auth = await resolve('arn:aws:events:us-east-1:000000000000:connection/Other/1');

    expect(auth).toBeUndefined();
  });
});
