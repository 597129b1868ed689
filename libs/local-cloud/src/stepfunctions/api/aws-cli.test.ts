import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { fakeLambda, startLocalStates, TEST_CREDENTIALS, TEST_REGION, type LocalStates } from '../testing';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
/** Each CLI start takes seconds on a busy machine. */
const CLI_TIMEOUT = 120_000;
let states: LocalStates;
const tokens: string[] = [];

beforeAll(async () => {
  states = await startLocalStates({ lambda: fakeLambda({
      notify: (event) => {
        tokens.push((event as { token: string }).token);
        return null;
      },
    }) });
});

afterAll(() => states.close());

/** Runs the real AWS CLI against the emulator, with dummy credentials and no user configuration. */
async function aws(...args: string[]): Promise<Record<string, Json>> {
  return awsWith(AWS, args);
}

async function awsWith(cli: string, args: string[]): Promise<Record<string, Json>> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    // TestState and StartSyncExecution carry the host prefix 'sync-', which an IP endpoint cannot take.
    AWS_DISABLE_HOST_PREFIX_INJECTION: 'true',
  };
  const { stdout } = await run(cli, ['stepfunctions', ...args, '--endpoint-url', states.url, '--output', 'json'], { env });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, Json>) : {};
}

describe('the AWS CLI', () => {
  it('is installed (CI installs Debian awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS)).toBe(true);
  });

  it('starts an execution, resumes it with send-task-success and reads its history', async () => {
    const definition = {
      StartAt: 'AskProducts',
      States: {
        AskProducts: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'notify', Payload: { 'token.$': '$$.Task.Token' } }, End: true },
      },
    };
    const created = await aws('create-state-machine', '--name', 'CliFlow', '--definition', JSON.stringify(definition), '--role-arn', 'arn:aws:iam::123456789012:role/cli');
    const started = await aws('start-execution', '--state-machine-arn', String(created.stateMachineArn), '--name', 'cli-1', '--input', '{"orderId":"o-9"}');
    await expect.poll(() => tokens.length, { timeout: 10_000 }).toBe(1);

    await aws('send-task-success', '--task-token', tokens[0]!, '--task-output', '{"reserved":true}');
    await states.engine.execution(String(started.executionArn)).done;
    const history = await aws('get-execution-history', '--execution-arn', String(started.executionArn));

    const events = history.events as { type: string; executionSucceededEventDetails?: { output: string } }[];
    expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(events.at(-1)?.executionSucceededEventDetails?.output).toBe('{"reserved":true}');
  }, CLI_TIMEOUT);

  // Debian's awscli (2.9) predates TestState (2023); the newest CLI on the machine runs this one.
  it('tests one state with test-state', async () => {
    const cli = await cliWithTestState();
    const definition = { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello, {}', $.name)" }, Next: 'After' };

    const out = await awsWith(cli, ['test-state', '--definition', JSON.stringify(definition), '--role-arn', 'arn:aws:iam::123456789012:role/cli', '--input', '{"name":"Ana"}', '--inspection-level', 'DEBUG']);

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'After', output: '{"greeting":"Hello, Ana"}' });
    expect(out.inspectionData).toMatchObject({ afterParameters: '{"greeting":"Hello, Ana"}' });
  }, CLI_TIMEOUT);
});

/** The first AWS CLI on the machine whose Step Functions commands include test-state. */
async function cliWithTestState(): Promise<string> {
  const { stdout } = await run('which', ['-a', 'aws']).catch(() => ({ stdout: '' }));
  const candidates = [AWS, ...stdout.split('\n').filter(Boolean)];
  for (const cli of candidates) {
    const help = await run(cli, ['stepfunctions', 'test-state', 'help'], { env: { ...process.env, AWS_PAGER: '', PAGER: 'cat' } }).catch(() => undefined);
    if (help) return cli;
  }
  throw new Error(`No AWS CLI with 'stepfunctions test-state' among ${candidates.join(', ')}: install a current awscli (pip install awscli)`);
}
