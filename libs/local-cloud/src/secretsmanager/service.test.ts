import { describe, expect, it } from 'vitest';
import { makeLatePorts } from '../core/ports';
import { silentLogger } from '../core/logger';
import { SecretsManagerNotStartedError, secretsManagerService } from './service';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:shop/connection-AbCdEf';

const context = () => ({
  resources: [{ stackName: 'Shop', logicalId: 'Conn', type: 'AWS::SecretsManager::Secret', ref: ARN, arn: ARN, physicalName: 'shop/connection', attributes: {}, properties: { SecretString: 'api-key-1' } }],
  ports: makeLatePorts().ports,
  logger: silentLogger,
  endpointUrl: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '000000000000',
  dataDir: '/tmp',
});

describe('the Secrets Manager plug-in', () => {
  it('reads template secrets in-process by ARN once started', async () => {
    const plugin = secretsManagerService();

    const running = await plugin.start(context());

    expect(plugin.secrets.getSecretString(ARN)).toBe('api-key-1');
    await running.stop();
  });

  it('stores a service-managed secret in-process and reads it back by its ARN', async () => {
    const plugin = secretsManagerService();
    const running = await plugin.start(context());

    const { arn } = plugin.secrets.createSecret({ name: 'events!connection/orders-api', secretString: '{"api_key":"k"}' });

    expect(plugin.secrets.getSecretString(arn)).toBe('{"api_key":"k"}');
    await running.stop();
  });

  it('stores a service-managed secret under the ARN it is given', async () => {
    const plugin = secretsManagerService();
    const running = await plugin.start(context());
    const secretArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:events!connection/orders-api/0b1c-XyZ123';

    const { arn } = plugin.secrets.createSecret({ name: 'events!connection/orders-api/0b1c', secretString: '{}', arn: secretArn });

    expect(arn).toBe(secretArn);
    expect(plugin.secrets.getSecretString('events!connection/orders-api/0b1c')).toBe('{}');
    await running.stop();
  });

  it('provides the secretsManager port, reading the AWSCURRENT SecretString by ARN or name', async () => {
    const plugin = secretsManagerService();

    const running = await plugin.start(context());

    const port = running.provides?.secretsManager;
    await expect(port?.getSecretString(ARN)).resolves.toBe('api-key-1');
    await expect(port?.getSecretString('shop/connection', { stage: 'AWSPREVIOUS' })).rejects.toThrow('staging label: AWSPREVIOUS');
    await running.stop();
  });

  it('refuses in-process reads before it has started', () => {
    const plugin = secretsManagerService();

    expect(() => plugin.secrets.getSecretString(ARN)).toThrow(SecretsManagerNotStartedError);
  });
});
