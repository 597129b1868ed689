import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { startLocalS3, TEST_REGION, type LocalS3 } from './test-server';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let local: LocalS3;
let dir: string;

beforeAll(async () => {
  local = await startLocalS3();
  await local.service.createBucket('cli-bucket');
  dir = mkdtempSync(join(tmpdir(), 'local-cloud-s3-cli-'));
});
afterAll(async () => {
  await local.close();
  rmSync(dir, { recursive: true, force: true });
});

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
  const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', local.endpoint], { env });
  return stdout;
}

// Each CLI run starts a Python interpreter: seconds on a busy machine.
describe('the AWS CLI against the local S3', { timeout: 180_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('uploads with s3 cp, lists with s3 ls and downloads with s3api get-object', async () => {
    const source = join(dir, 'invoice.txt');
    writeFileSync(source, 'invoice #42\n');

    await aws('s3', 'cp', source, 's3://cli-bucket/invoices/invoice 42.txt', '--content-type', 'text/plain');
    const listing = await aws('s3', 'ls', 's3://cli-bucket/invoices/');
    const head = JSON.parse(await aws('s3api', 'get-object', '--bucket', 'cli-bucket', '--key', 'invoices/invoice 42.txt', join(dir, 'out.txt'), '--output', 'json')) as Record<string, unknown>;

    expect(listing).toContain('invoice 42.txt');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('invoice #42\n');
    expect(head).toMatchObject({ ContentLength: 12, ContentType: 'text/plain' });
  });

  it('makes presigned URLs that plain fetch can use', async () => {
    writeFileSync(join(dir, 'shared.txt'), 'shared with a link');
    await aws('s3', 'cp', join(dir, 'shared.txt'), 's3://cli-bucket/shared.txt');

    const url = (await aws('s3', 'presign', 's3://cli-bucket/shared.txt', '--expires-in', '300')).trim();
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('shared with a link');
  });
});
