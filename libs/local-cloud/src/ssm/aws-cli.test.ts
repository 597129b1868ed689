import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { startLocalSsm, TEST_REGION, type LocalSsm } from './test-server';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let local: LocalSsm;

beforeAll(async () => {
  local = await startLocalSsm();
});
afterAll(() => local.close());

/** The real AWS CLI (Debian's 2.9 needs --endpoint-url), with the local credentials and no user config. */
async function aws(...args: string[]): Promise<string> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...LOCAL_CREDENTIALS,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', local.endpoint, '--output', 'json'], { env });
  return stdout;
}

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
