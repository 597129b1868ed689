import { describe, expect, it } from 'vitest';
import { SecretStore } from './secret-store';
import { loadSecret, SecretResourceError } from './template';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:shop/db-AbCdEf';
const resource = (properties: Record<string, unknown>) => ({
  stackName: 'Shop-Data',
  logicalId: 'DbSecret',
  physicalName: 'shop/db',
  ref: ARN,
  arn: ARN,
  properties: properties as never,
});
const newStore = () => new SecretStore({ region: 'us-east-1', accountId: '000000000000' });

describe('loadSecret', () => {
  it('creates the secret under the ARN its references resolved to', () => {
    const store = newStore();

    loadSecret(store, resource({ SecretString: '{"apiKey":"k"}', Description: 'db' }));

    expect(store.getValue(ARN).value).toEqual({ string: '{"apiKey":"k"}' });
    expect(store.describe('shop/db')).toMatchObject({ arn: ARN, description: 'db' });
  });

  it('generates a password into the JSON template under GenerateStringKey', () => {
    const store = newStore();

    loadSecret(store, resource({ GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: 'password', PasswordLength: 16, ExcludePunctuation: true } }));

    const value = store.getValue(ARN).value as { string: string };
    expect(JSON.parse(value.string)).toEqual({ username: 'app', password: expect.stringMatching(/^[a-zA-Z0-9]{16}$/) });
  });

  it('generates a plain 32-character password from an empty GenerateSecretString, as CDK emits by default', () => {
    const store = newStore();

    loadSecret(store, resource({ GenerateSecretString: {} }));

    expect((store.getValue(ARN).value as { string: string }).string).toHaveLength(32);
  });

  it('refuses a template without its key, or both kinds of value', () => {
    expect(() => loadSecret(newStore(), resource({ GenerateSecretString: { SecretStringTemplate: '{}' } }))).toThrow(SecretResourceError);
    expect(() => loadSecret(newStore(), resource({ SecretString: 'x', GenerateSecretString: {} }))).toThrow(/cannot both be set/);
  });
});
