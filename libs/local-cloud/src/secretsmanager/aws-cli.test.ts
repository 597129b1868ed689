import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, awsCli } from '../core/test-support/aws-cli';
import { startLocalSecretsManager, TEST_REGION, type LocalSecretsManager } from './test-server';

let local: LocalSecretsManager;

beforeAll(async () => {
  local = await startLocalSecretsManager();
});
afterAll(() => local.close());

/** The real AWS CLI against the local endpoint. */
const aws = (...args: string[]): Promise<string> => awsCli(local.endpoint, TEST_REGION, ...args);

// Each CLI run starts a Python interpreter: seconds on a busy machine.
describe('the AWS CLI against the local Secrets Manager', { timeout: 120_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('creates a secret and reads its value back', async () => {
    await aws('secretsmanager', 'create-secret', '--name', 'shop/cli/api-key', '--secret-string', '{"apiKey":"k-1"}');

    const output = JSON.parse(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'shop/cli/api-key')) as Record<string, unknown>;

    expect(output).toMatchObject({ Name: 'shop/cli/api-key', SecretString: '{"apiKey":"k-1"}', VersionStages: ['AWSCURRENT'] });
  });
});
