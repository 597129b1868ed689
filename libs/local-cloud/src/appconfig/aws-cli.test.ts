import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFlag, startLocalAppConfig, TEST_REGION, type LocalAppConfig } from './test-support';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let appConfig: LocalAppConfig;
let outDir: string;

beforeAll(async () => {
  appConfig = await startLocalAppConfig();
  outDir = await mkdtemp(join(tmpdir(), 'appconfig-cli-'));
});
afterAll(async () => {
  await appConfig.close();
  await rm(outDir, { recursive: true, force: true });
});

/** Runs the real AWS CLI against the local endpoint, with dummy credentials and no user config. */
async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local-secret',
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  try {
    const { stdout, stderr } = await run(AWS_CLI, ['appconfigdata', ...args, '--endpoint-url', appConfig.endpoint, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function latest(token: string, file: string): Promise<{ next: string; body: string }> {
  const result = await aws('get-latest-configuration', '--configuration-token', token, join(outDir, file));
  expect(result.code, result.stderr).toBe(0);
  const { NextPollConfigurationToken } = JSON.parse(result.stdout) as { NextPollConfigurationToken: string };
  return { next: NextPollConfigurationToken, body: await readFile(join(outDir, file), 'utf8') };
}

// Each CLI run starts a Python interpreter: seconds on a busy machine, so these tests get a generous limit.
describe('the AWS CLI against the local AppConfig Data', { timeout: 180_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('starts a session, reads the flags, and sees a change on the next poll', async () => {
    const started = await aws('start-configuration-session', '--application-identifier', 'shop', '--environment-identifier', 'dev', '--configuration-profile-identifier', 'flags');
    expect(started.code, started.stderr).toBe(0);
    const { InitialConfigurationToken } = JSON.parse(started.stdout) as { InitialConfigurationToken: string };
    const first = await latest(InitialConfigurationToken, 'first.json');

    await changeFlag(appConfig.endpoint, { app: 'shop', env: 'dev', profile: 'flags', flag: 'checkout' }, { enabled: false });
    const second = await latest(first.next, 'second.json');

    expect(JSON.parse(first.body)).toEqual({ checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } });
    expect(JSON.parse(second.body)).toMatchObject({ checkout: { enabled: false, limit: 5 } });
  });

  it('reports an unknown profile with AppConfig’s error', async () => {
    const result = await aws('start-configuration-session', '--application-identifier', 'shop', '--environment-identifier', 'dev', '--configuration-profile-identifier', 'nope');

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('An error occurred (ResourceNotFoundException) when calling the StartConfigurationSession operation: Configuration profile nope not found');
  });
});
