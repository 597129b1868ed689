import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSecretsManager, TEST_ACCOUNT, TEST_REGION, type LocalSecretsManager } from '../test-server';

let local: LocalSecretsManager;

beforeAll(async () => {
  local = await startLocalSecretsManager();
});
afterAll(() => local.close());

describe('the Secrets Manager API', () => {
  it('creates a secret and returns its value by name, by ARN and by partial ARN', async () => {
    const created = await local.client.send(new CreateSecretCommand({ Name: 'shop/payment-api-key', SecretString: 'key-123' }));
    const partialArn = created.ARN?.slice(0, -7);

    const byName = await local.client.send(new GetSecretValueCommand({ SecretId: 'shop/payment-api-key' }));
    const byArn = await local.client.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    const byPartialArn = await local.client.send(new GetSecretValueCommand({ SecretId: partialArn }));

    expect(created.ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:${TEST_REGION}:${TEST_ACCOUNT}:secret:shop/payment-api-key-[a-zA-Z0-9]{6}$`));
    expect(byName).toMatchObject({ ARN: created.ARN, Name: 'shop/payment-api-key', SecretString: 'key-123', VersionId: created.VersionId, VersionStages: ['AWSCURRENT'] });
    expect(byArn.SecretString).toBe('key-123');
    expect(byPartialArn.SecretString).toBe('key-123');
  });

  it('makes a new value current and keeps the old one as AWSPREVIOUS', async () => {
    const created = await local.client.send(new CreateSecretCommand({ Name: 'shop/rotating', SecretString: 'v1' }));

    const put = await local.client.send(new PutSecretValueCommand({ SecretId: 'shop/rotating', SecretString: 'v2' }));
    const current = await local.client.send(new GetSecretValueCommand({ SecretId: 'shop/rotating' }));
    const previous = await local.client.send(new GetSecretValueCommand({ SecretId: 'shop/rotating', VersionStage: 'AWSPREVIOUS' }));
    const described = await local.client.send(new DescribeSecretCommand({ SecretId: 'shop/rotating' }));

    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    expect(current.SecretString).toBe('v2');
    expect(previous).toMatchObject({ SecretString: 'v1', VersionId: created.VersionId });
    expect(described.VersionIdsToStages).toEqual({ [String(created.VersionId)]: ['AWSPREVIOUS'], [String(put.VersionId)]: ['AWSCURRENT'] });
  });

  it('treats a repeated ClientRequestToken as the same version, and refuses it with another value', async () => {
    await local.client.send(new CreateSecretCommand({ Name: 'shop/idempotent', SecretString: 'v1' }));
    const token = 'a'.repeat(32);

    const first = await local.client.send(new PutSecretValueCommand({ SecretId: 'shop/idempotent', SecretString: 'v2', ClientRequestToken: token }));
    const again = await local.client.send(new PutSecretValueCommand({ SecretId: 'shop/idempotent', SecretString: 'v2', ClientRequestToken: token }));
    const changed = local.client.send(new PutSecretValueCommand({ SecretId: 'shop/idempotent', SecretString: 'v3', ClientRequestToken: token }));

    expect(again.VersionId).toBe(first.VersionId);
    expect(first.VersionId).toBe(token);
    await expect(changed).rejects.toBeInstanceOf(ResourceExistsException);
  });

  it('round-trips a binary secret', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await local.client.send(new CreateSecretCommand({ Name: 'shop/binary', SecretBinary: bytes }));

    const value = await local.client.send(new GetSecretValueCommand({ SecretId: 'shop/binary' }));

    expect(value.SecretString).toBeUndefined();
    expect([...(value.SecretBinary ?? [])]).toEqual([...bytes]);
  });

  it('describes a secret with its description, tags and dates', async () => {
    await local.client.send(new CreateSecretCommand({ Name: 'shop/described', SecretString: 'x', Description: 'the shop', Tags: [{ Key: 'team', Value: 'orders' }] }));

    const described = await local.client.send(new DescribeSecretCommand({ SecretId: 'shop/described' }));

    expect(described).toMatchObject({ Name: 'shop/described', Description: 'the shop', Tags: [{ Key: 'team', Value: 'orders' }], RotationEnabled: false });
    expect(described.CreatedDate).toBeInstanceOf(Date);
  });

  it('answers ResourceNotFoundException for an unknown secret and ResourceExistsException for a taken name', async () => {
    await local.client.send(new CreateSecretCommand({ Name: 'shop/taken', SecretString: 'x' }));

    const missing = local.client.send(new GetSecretValueCommand({ SecretId: 'shop/never-created' }));
    const duplicate = local.client.send(new CreateSecretCommand({ Name: 'shop/taken', SecretString: 'y' }));

    await expect(missing).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(missing).rejects.toMatchObject({ message: "Secrets Manager can't find the specified secret.", $metadata: { httpStatusCode: 400 } });
    await expect(duplicate).rejects.toBeInstanceOf(ResourceExistsException);
  });

  it('has no current value for a secret created without one', async () => {
    await local.client.send(new CreateSecretCommand({ Name: 'shop/empty' }));

    const value = local.client.send(new GetSecretValueCommand({ SecretId: 'shop/empty' }));

    await expect(value).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" });
  });

  it('generates a random password with the requested options', async () => {
    const { RandomPassword } = await local.client.send(new GetRandomPasswordCommand({ PasswordLength: 24, ExcludePunctuation: true }));

    expect(RandomPassword).toMatch(/^[a-zA-Z0-9]{24}$/);
  });
});
