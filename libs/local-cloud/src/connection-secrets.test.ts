import { describe, expect, it } from 'vitest';
import { connectionSecrets } from './connection-secrets';
import type { ResolvedResource, ServiceContext, ServicePlugin } from './core/contracts';
import { silentLogger } from './core/logger';
import { makeLatePorts } from './core/ports';
import { secretsManagerService } from './secretsmanager/service';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:000000000000:connection/payments/7f0c2a4e-1b2c-4d5e-8f90-123456789abc';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:events!connection/payments/7f0c2a4e-1b2c-4d5e-8f90-123456789abc-Ab12Cd';
const AUTH_PARAMETERS = { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sandbox-key' } };

const connection: ResolvedResource = {
  stackName: 'Shop',
  logicalId: 'PaymentsConnection',
  type: 'AWS::Events::Connection',
  ref: 'payments',
  physicalName: 'payments',
  arn: CONNECTION_ARN,
  attributes: { Arn: CONNECTION_ARN, SecretArn: SECRET_ARN },
  properties: { AuthorizationType: 'API_KEY', AuthParameters: AUTH_PARAMETERS },
};

const context = (resources: ResolvedResource[]): ServiceContext => ({
  resources,
  ports: makeLatePorts().ports,
  logger: silentLogger,
  endpointUrl: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '000000000000',
  dataDir: '/tmp',
});

/** Stands in for the EventBridge plug-in: records that it started, after the secrets were stored. */
const eventBridgeStandIn = (started: string[]): ServicePlugin => ({
  name: 'eventbridge',
  resourceTypes: ['AWS::Events::Connection'],
  start: async () => {
    started.push('eventbridge');
    return { endpoints: [], stop: async () => undefined };
  },
});

describe('connectionSecrets', () => {
  it("stores each connection's authorization at its SecretArn as the EventBridge plug-in starts", async () => {
    const secretsManager = secretsManagerService();
    await secretsManager.start(context([]));
    const started: string[] = [];

    await connectionSecrets(secretsManager.secrets).storedBy(eventBridgeStandIn(started)).start(context([connection]));

    expect(started).toEqual(['eventbridge']);
    expect(JSON.parse(secretsManager.secrets.getSecretString(SECRET_ARN))).toEqual({ AuthorizationType: 'API_KEY', AuthParameters: AUTH_PARAMETERS });
  });

  it("resolves an http:invoke task's connection from its secret, and an unknown one to undefined", async () => {
    const secretsManager = secretsManagerService();
    await secretsManager.start(context([]));
    const connections = connectionSecrets(secretsManager.secrets);
    await connections.storedBy(eventBridgeStandIn([])).start(context([connection]));

    const [known, unknown] = await Promise.all([connections.resolve(CONNECTION_ARN), connections.resolve(CONNECTION_ARN.replace('payments', 'refunds'))]);

    expect(known).toEqual({ AuthorizationType: 'API_KEY', AuthParameters: AUTH_PARAMETERS });
    expect(unknown).toBeUndefined();
  });
});
