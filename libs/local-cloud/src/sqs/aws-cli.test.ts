import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueArn, startSqsHarness, TEST_CREDENTIALS, TEST_REGION, type SqsHarness } from './test-support';

const AWS_CLI = '/usr/bin/aws';
// Each CLI run starts a Python interpreter: seconds on a busy machine.
const CLI_TEST_TIMEOUT_MS = 90_000;
const run = promisify(execFile);

let harness: SqsHarness;
beforeAll(async () => {
  if (!existsSync(AWS_CLI)) {
    throw new Error(`${AWS_CLI} is missing: install the AWS CLI (apt-get install -y awscli) to run these tests`);
  }
  harness = await startSqsHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Runs `aws sqs ...` against the harness, with dummy credentials and no user configuration. */
async function awsSqs(...args: string[]): Promise<unknown> {
  const { stdout } = await run(AWS_CLI, ['sqs', ...args, '--endpoint-url', harness.baseUrl, '--output', 'json'], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: '/tmp',
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: TEST_REGION,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    },
  });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

describe('the SQS endpoint, driven by the real AWS CLI', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('sends and receives a message with attributes', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('cli-jobs'), properties: {} });

    await awsSqs(
      'send-message',
      '--queue-url',
      queueUrl,
      '--message-body',
      'hello <cli> & "friends"',
      '--message-attributes',
      '{"kind":{"DataType":"String","StringValue":"greeting"}}',
    );
    const received = (await awsSqs(
      'receive-message',
      '--queue-url',
      queueUrl,
      '--attribute-names',
      'All',
      '--message-attribute-names',
      'All',
    )) as {
      Messages: Array<{
        Body: string;
        Attributes: Record<string, string>;
        MessageAttributes: Record<string, { StringValue: string }>;
      }>;
    };

    expect(received.Messages).toHaveLength(1);
    expect(received.Messages[0]?.Body).toBe('hello <cli> & "friends"');
    expect(received.Messages[0]?.Attributes['ApproximateReceiveCount']).toBe('1');
    expect(received.Messages[0]?.MessageAttributes['kind']?.StringValue).toBe('greeting');
  });

  it('fails with NonExistentQueue for an unknown queue', async () => {
    const sending = awsSqs(
      'send-message',
      '--queue-url',
      `${harness.baseUrl}/123456789012/nowhere`,
      '--message-body',
      'x',
    );

    await expect(sending).rejects.toThrow(/AWS\.SimpleQueueService\.NonExistentQueue/);
  });
});
