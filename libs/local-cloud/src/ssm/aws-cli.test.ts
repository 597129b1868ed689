import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, awsCli } from '../core/test-support/aws-cli';
import { startLocalSsm, TEST_REGION, type LocalSsm } from './test-server';

let local: LocalSsm;

beforeAll(async () => {
  local = await startLocalSsm();
});
afterAll(() => local.close());

/** The real AWS CLI against the local endpoint. */
const aws = (...args: string[]): Promise<string> => awsCli(local.endpoint, TEST_REGION, ...args);

// Each CLI run starts a Python interpreter: seconds on a busy machine.
describe('the AWS CLI against the local SSM', { timeout: 120_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('puts a SecureString and reads it back decrypted', async () => {
    await aws('ssm', 'put-parameter', '--name', '/shop/cli/token', '--value', 'tok-123', '--type', 'SecureString');

    const output = JSON.parse(await aws('ssm', 'get-parameter', '--name', '/shop/cli/token', '--with-decryption')) as { Parameter: { Value: string; Version: number } };

    expect(output.Parameter).toMatchObject({ Value: 'tok-123', Version: 1 });
  });
});
