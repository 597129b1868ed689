import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBridge } from '../create-event-bridge';
import { serveEndpoint } from '../../core/test-support/serve-endpoint';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
const EVENT = {
  version: '0', id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718', 'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2', account: '111122223333', time: '2017-12-22T18:43:48Z', region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated', 'source-ip': '10.0.0.33', 'c-count': 5 },
};

let server: Awaited<ReturnType<typeof serveEndpoint>>;

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli (apt-get install -y awscli) to run this test`);
  server = await serveEndpoint(createEventBridge({ region: 'us-west-1', accountId: '111122223333' }).endpoint);
});

afterAll(async () => {
  await server?.close();
});

async function testEventPattern(pattern: unknown): Promise<{ stdout: string; stderr: string; code: number }> {
  const args = ['events', 'test-event-pattern', '--endpoint-url', server.url, '--output', 'json',
    '--event-pattern', JSON.stringify(pattern), '--event', JSON.stringify(EVENT)];
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-west-1',
    AWS_REGION: 'us-west-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  try {
    const { stdout, stderr } = await run(AWS_CLI, args, { env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('aws events test-event-pattern against the local endpoint', () => {
  it.each([
    ['a match on exact, cidr and numeric conditions', { source: ['aws.ec2'], detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }], 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, true],
    ['an $or whose branches all fail', { $or: [{ source: ['aws.s3'] }, { detail: { state: [{ 'anything-but': 'terminated' }] } }] }, false],
  ])('answers %s', async (_description, pattern, expected) => {
    const { stdout, code } = await testEventPattern(pattern);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ Result: expected });
  }, 30_000);

  it('reports an invalid pattern as InvalidEventPatternException', async () => {
    const { stderr, code } = await testEventPattern({ detail: { state: [] } });

    expect(code).not.toBe(0);
    expect(stderr).toContain(
      'An error occurred (InvalidEventPatternException) when calling the TestEventPattern operation: Event pattern is not valid. Reason: Empty arrays are not allowed',
    );
  }, 30_000);
});
