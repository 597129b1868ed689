import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyUnavailableError, SecretsManagerApiKey } from './secrets-manager-api-key';

const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());

describe('SecretsManagerApiKey', () => {
  it('reads the key from the secret once, then from its cache', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: 'arn:secret:key' }).resolves({ SecretString: 'the-key' });
    const apiKey = new SecretsManagerApiKey('arn:secret:key', new SecretsManagerClient({ region: 'eu-west-2' }));

    const keys = [await apiKey.current(), await apiKey.current()];

    expect(keys).toEqual(['the-key', 'the-key']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('fails when the secret holds no string', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2]) });
    const apiKey = new SecretsManagerApiKey('arn:secret:binary', new SecretsManagerClient({ region: 'eu-west-2' }));

    await expect(apiKey.current()).rejects.toThrow(ApiKeyUnavailableError);
  });
});
