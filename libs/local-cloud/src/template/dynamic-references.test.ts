import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../core/contracts';
import { makeLatePorts } from '../core/ports';
import { SecretStore, secretReader } from '../secretsmanager';
import { ParameterStore, parameterReader } from '../ssm';
import { resolveDynamicReferences, type DynamicReferenceReaders } from './dynamic-references';
import { DynamicReferenceError } from './errors';

const AT = { region: 'us-east-1', accountId: '000000000000' };
const API_KEY = 'k3y-from-secrets-manager';
const ROTATED_KEY = 'k3y-rotated';
const VERSION_ID = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE';

/** The real Secrets Manager and Parameter Store behind the ports, with what a started cloud would hold. */
function readers(): DynamicReferenceReaders & { apiKeyArn: string } {
  const secrets = new SecretStore(AT);
  const { arn: apiKeyArn } = secrets.create({ name: 'payments/api-key', value: { string: API_KEY }, clientRequestToken: VERSION_ID });
  secrets.putValue(apiKeyArn, { string: ROTATED_KEY });
  secrets.create({ name: 'payments/db', value: { string: JSON.stringify({ username: 'app', port: 5432 }) } });
  const parameters = new ParameterStore(AT);
  parameters.put({ name: '/payments/sandbox-url', value: 'http://127.0.0.1:4010', type: 'String' });
  parameters.put({ name: '/payments/sandbox-url', value: 'http://127.0.0.1:4020', type: 'String', overwrite: true });
  parameters.put({ name: '/payments/token', value: 's3cret', type: 'SecureString' });
  return { secretsManager: secretReader(secrets), ssm: parameterReader(parameters), apiKeyArn };
}

const aResource = (type: string, properties: JsonObject) => ({ stackName: 'Orders', logicalId: 'Thing', type, properties });

describe('resolveDynamicReferences', () => {
  it('replaces a whole secret read by ARN, as CDK writes `secret.secretValue`, and by name', async () => {
    const { apiKeyArn, ...ports } = readers();
    const connection = aResource('AWS::Events::Connection', {
      AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: `{{resolve:secretsmanager:${apiKeyArn}:SecretString:::}}` } },
      Description: '{{resolve:secretsmanager:payments/api-key}}',
    });

    const resolved = await resolveDynamicReferences(connection, ports);

    expect(resolved.properties).toEqual({ AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: ROTATED_KEY } }, Description: ROTATED_KEY });
  });

  it('reads a JSON key, a version stage and a version id', async () => {
    const ports = readers();
    const fn = aResource('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          DB_USER: '{{resolve:secretsmanager:payments/db:SecretString:username}}',
          DB_PORT: '{{resolve:secretsmanager:payments/db:SecretString:port}}',
          PREVIOUS_KEY: '{{resolve:secretsmanager:payments/api-key:SecretString::AWSPREVIOUS}}',
          FIRST_KEY: `{{resolve:secretsmanager:payments/api-key:SecretString:::${VERSION_ID}}}`,
        },
      },
    });

    const resolved = await resolveDynamicReferences(fn, ports);

    expect(resolved.properties.Environment).toEqual({ Variables: { DB_USER: 'app', DB_PORT: '5432', PREVIOUS_KEY: API_KEY, FIRST_KEY: API_KEY } });
  });

  it('reads the latest or a given version of a parameter, embedded in longer strings and in lists', async () => {
    const ports = readers();
    const queue = aResource('AWS::SQS::Queue', {
      Tags: [{ Key: 'sandbox', Value: 'now {{resolve:ssm:/payments/sandbox-url}}, first {{resolve:ssm:/payments/sandbox-url:1}}/charges' }],
    });

    const resolved = await resolveDynamicReferences(queue, ports);

    expect(resolved.properties.Tags).toEqual([{ Key: 'sandbox', Value: 'now http://127.0.0.1:4020, first http://127.0.0.1:4010/charges' }]);
  });

  it('hands back a resource without references as it is', async () => {
    const table = aResource('AWS::DynamoDB::Table', { TableName: 'orders', Tags: [{ Key: 'a', Value: '{{local-cloud:late:Orders/Seed}}' }] });

    const resolved = await resolveDynamicReferences(table, readers());

    expect(resolved).toBe(table);
  });

  it('resolves ssm references in a custom resource, as CloudFormation does before it sends the request', async () => {
    const seed = aResource('Custom::Seed', { ServiceToken: 'arn:aws:lambda:us-east-1:000000000000:function:seed', Url: '{{resolve:ssm:/payments/sandbox-url}}' });

    const resolved = await resolveDynamicReferences(seed, readers());

    expect(resolved.properties.Url).toBe('http://127.0.0.1:4020');
  });
});

describe('resolveDynamicReferences refuses, naming the resource, the property and the reference', () => {
  it.each([
    ['a secret that does not exist', { ApiKey: '{{resolve:secretsmanager:payments/missing}}' }, 'property ApiKey: {{resolve:secretsmanager:payments/missing}} cannot be resolved: ResourceNotFoundException'],
    ['a JSON key the secret lacks', { User: '{{resolve:secretsmanager:payments/db:SecretString:password}}' }, `the secret's JSON has no key "password"`],
    ['a JSON key of a secret that is not JSON', { User: '{{resolve:secretsmanager:payments/api-key:SecretString:user}}' }, 'is not JSON'],
    ['a parameter version that does not exist', { Url: ['{{resolve:ssm:/payments/sandbox-url:7}}'] }, 'property Url[0]: {{resolve:ssm:/payments/sandbox-url:7}} cannot be resolved: ParameterVersionNotFound'],
    ['a SecureString read with ssm', { Token: '{{resolve:ssm:/payments/token}}' }, 'is a SecureString'],
    ['ssm-secure, which no emulated type accepts', { Token: '{{resolve:ssm-secure:/payments/token:1}}' }, 'accepts ssm-secure only in the password properties'],
    ['a malformed reference', { Url: 'x {{resolve:ssm:/payments/sandbox-url' }, 'Malformed dynamic reference'],
  ])('%s', async (_case, properties, message) => {
    const resolving = resolveDynamicReferences(aResource('AWS::Lambda::Function', properties as JsonObject), readers());

    await expect(resolving).rejects.toThrow(DynamicReferenceError);
    await expect(resolving).rejects.toThrow(message);
    await expect(resolving).rejects.toThrow(/^Orders\/Thing \(AWS::Lambda::Function\) property /);
    await expect(resolving).rejects.not.toThrow(new RegExp(`${API_KEY}|${ROTATED_KEY}|s3cret`));
  });

  it('a secret read by a custom resource, as CloudFormation refuses secure values there', async () => {
    const seed = aResource('AWS::CloudFormation::CustomResource', { ApiKey: '{{resolve:secretsmanager:payments/api-key}}' });

    const resolving = resolveDynamicReferences(seed, readers());

    await expect(resolving).rejects.toThrow('(AWS::CloudFormation::CustomResource) property ApiKey: {{resolve:secretsmanager:payments/api-key}} cannot be resolved: CloudFormation does not support');
  });

  it('a reference read before Secrets Manager has started, saying which plug-ins come first', async () => {
    const fn = aResource('AWS::Lambda::Function', { Environment: { Variables: { KEY: '{{resolve:secretsmanager:payments/api-key}}' } } });

    const resolving = resolveDynamicReferences(fn, makeLatePorts().ports);

    await expect(resolving).rejects.toThrow("property Environment.Variables.KEY: {{resolve:secretsmanager:payments/api-key}} cannot be resolved: No running service provides the 'secretsManager' port");
    await expect(resolving).rejects.toThrow('start the secretsmanager and ssm plug-ins before the plug-in that runs this resource');
  });
});
