import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, latestCode, POOL_ID, startLocalCognito, TEST_REGION, type LocalCognito } from './test-support';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let cognito: LocalCognito;

beforeAll(async () => {
  cognito = await startLocalCognito();
});
afterAll(() => cognito.close());

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
    const { stdout, stderr } = await run(AWS_CLI, ['cognito-idp', ...args, '--endpoint-url', cognito.endpoint, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each CLI run starts a Python interpreter: seconds on a busy machine, so these tests get a generous limit.
describe('the AWS CLI against the local Cognito', { timeout: 180_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('signs up, confirms with the emailed code and signs in', async () => {
    const signedUp = await aws('sign-up', '--client-id', CLIENT_ID, '--username', 'cli@example.com', '--password', 'Correct-horse-9');
    const confirmed = await aws('confirm-sign-up', '--client-id', CLIENT_ID, '--username', 'cli@example.com', '--confirmation-code', latestCode(cognito.engine, 'cli@example.com'));

    const signedIn = await aws('initiate-auth', '--client-id', CLIENT_ID, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', 'USERNAME=cli@example.com,PASSWORD=Correct-horse-9');

    expect([signedUp.code, confirmed.code, signedIn.code], signedUp.stderr + confirmed.stderr + signedIn.stderr).toEqual([0, 0, 0]);
    const { UserSub } = JSON.parse(signedUp.stdout) as { UserSub: string };
    const { AuthenticationResult } = JSON.parse(signedIn.stdout) as { AuthenticationResult: { IdToken: string; ExpiresIn: number } };
    expect(AuthenticationResult.ExpiresIn).toBe(3600);
    expect(decodeJwt(AuthenticationResult.IdToken)).toMatchObject({ sub: UserSub, email: 'cli@example.com', email_verified: true });
  });

  it('reports a wrong password with Cognito’s error', async () => {
    await aws('sign-up', '--client-id', CLIENT_ID, '--username', 'cli2@example.com', '--password', 'Correct-horse-9');
    await aws('admin-confirm-sign-up', '--user-pool-id', POOL_ID, '--username', 'cli2@example.com');

    const result = await aws('initiate-auth', '--client-id', CLIENT_ID, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', 'USERNAME=cli2@example.com,PASSWORD=Wrong-horse-9');

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.');
  });
});
