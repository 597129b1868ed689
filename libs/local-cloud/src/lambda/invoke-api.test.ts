import { InvokeCommand, LambdaClient, ListFunctionsCommand, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { synthLambdaApp } from '../../test-stacks/lambda-app';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import type { LambdaService } from './lambda-service';
import { lambdaPlugin } from './plugin';

const run = promisify(execFile);
let cdkOut: string;
let cloud: LocalCloud;
let lambda: LambdaService;
let client: LambdaClient;
const savedEnv = { ...process.env };
const nameOf = (prefix: string) => lambda.functions.find((f) => f.name.startsWith(`Functions-${prefix}`))!.name;
const decode = (bytes: Uint8Array | undefined) => JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));
const invoke = async (prefix: string, payload: object, extra: { Qualifier?: string; LogType?: 'Tail' } = {}) =>
  client.send(new InvokeCommand({ FunctionName: nameOf(prefix), Payload: JSON.stringify(payload), ...extra }));

beforeAll(async () => {
  cdkOut = synthLambdaApp(mkdtempSync(join(tmpdir(), 'local-cloud-lambda-')));
  const plugin = lambdaPlugin({ asyncRetryDelaysMs: [20, 20], onStart: (service) => (lambda = service) });
  cloud = await LocalCloud.start({ assembly: cdkOut, plugins: [plugin], logger: silentLogger });
  // The SDK finds the local cloud the way a developer's shell or a function does: AWS_ENDPOINT_URL_LAMBDA.
  Object.assign(process.env, cloud.environment());
  client = new LambdaClient({});
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  client?.destroy();
  await cloud?.stop();
  rmSync(cdkOut, { recursive: true, force: true });
});

describe('Lambda Invoke through the AWS SDK', () => {
  it('runs the bundled handler with Lambda environment variables and resolved function variables', async () => {
    const response = await invoke('Counter', {});

    const body = decode(response.Payload);
    expect(response.StatusCode).toBe(200);
    expect(response.ExecutedVersion).toBe('$LATEST');
    expect(body).toMatchObject({
      functionName: nameOf('Counter'),
      memory: '256',
      region: 'us-east-1',
      endpoint: cloud.url,
      tableName: 'orders',
    });
    expect(body.remainingMs).toBeGreaterThan(0);
  });

  it('keeps module scope between warm invokes of one environment', async () => {
    const first = decode((await invoke('Counter', {})).Payload);

    const second = decode((await invoke('Counter', {})).Payload);

    expect(second.environmentId).toBe(first.environmentId);
    expect(second.invocations).toBe(first.invocations + 1);
  });

  it('replaces an idle environment whose process died, so the next invoke still succeeds', async () => {
    const before = decode((await invoke('Counter', {})).Payload);
    process.kill(before.pid, 'SIGKILL');
    await vi.waitFor(() => expect(() => process.kill(before.pid, 0)).toThrow(), { timeout: 5_000 });

    const response = await invoke('Counter', {});

    expect(response.FunctionError).toBeUndefined();
    expect(decode(response.Payload).environmentId).not.toBe(before.environmentId);
  });

  it('starts a second environment for a concurrent invoke', async () => {
    const [a, b] = await Promise.all([invoke('Counter', { sleepMs: 400 }), invoke('Counter', { sleepMs: 400 })]);

    expect(decode(a.Payload).environmentId).not.toBe(decode(b.Payload).environmentId);
    expect(lambda.environments(nameOf('Counter'))).toBeGreaterThanOrEqual(2);
  });

  it('accepts an alias qualifier and reports the version it points at', async () => {
    const response = await invoke('Counter', {}, { Qualifier: 'live' });

    expect(response.ExecutedVersion).toBe('1');
    expect(decode(response.Payload).invokedFunctionArn).toMatch(/:function:Functions-Counter[^:]+:live$/);
  });

  it('returns a thrown error as an Unhandled function error with its type', async () => {
    const response = await invoke('Counter', { fail: 'bad input' });

    expect(response.FunctionError).toBe('Unhandled');
    expect(decode(response.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
  });

  it('stops a function at its timeout and says so in the error and the log tail', async () => {
    const response = await invoke('Slow', { sleepMs: 5_000 }, { LogType: 'Tail' });

    expect(response.FunctionError).toBe('Unhandled');
    expect(decode(response.Payload).errorMessage).toBe('Task timed out after 1.00 seconds');
    expect(Buffer.from(response.LogResult ?? '', 'base64').toString()).toMatch(/Task timed out after 1\.00 seconds/);
  });

  it('throttles a synchronous invoke beyond reserved concurrency', async () => {
    // The SDK retries throttling errors by itself; one attempt shows what Lambda answered.
    const noRetries = new LambdaClient({ maxAttempts: 1 });
    const busy = invoke('Reserved', { sleepMs: 2_000 });
    await vi.waitFor(() => expect(lambda.environments(nameOf('Reserved'))).toBe(1));

    const throttled = noRetries.send(new InvokeCommand({ FunctionName: nameOf('Reserved'), Payload: '{}' }));

    await expect(throttled).rejects.toBeInstanceOf(TooManyRequestsException);
    await busy;
    noRetries.destroy();
  });

  it('accepts the function ARN and a partial ARN as the function name', async () => {
    const arn = lambda.functions.find((f) => f.name === nameOf('Counter'))!.arn;

    const byArn = await client.send(new InvokeCommand({ FunctionName: arn }));
    const byPartialArn = await client.send(new InvokeCommand({ FunctionName: arn.split(':').slice(4).join(':') }));

    expect(decode(byArn.Payload).functionName).toBe(nameOf('Counter'));
    expect(decode(byPartialArn.Payload).functionName).toBe(nameOf('Counter'));
  });

  it('runs inline code (Code.ZipFile) as index.js', async () => {
    const response = await invoke('Inline', { a: 1 });

    expect(decode(response.Payload)).toEqual({ inline: true, echo: { a: 1 } });
  });

  it('reports a handler the module does not export as Runtime.HandlerNotFound', async () => {
    const response = await invoke('Misnamed', {});

    expect(response.FunctionError).toBe('Unhandled');
    expect(decode(response.Payload).errorType).toBe('Runtime.HandlerNotFound');
  });

  it('validates a DryRun without running the function', async () => {
    const before = lambda.logs.lines(nameOf('Recorder')).length;

    const response = await client.send(
      new InvokeCommand({ FunctionName: nameOf('Recorder'), InvocationType: 'DryRun' }),
    );

    expect(response.StatusCode).toBe(204);
    expect(lambda.logs.lines(nameOf('Recorder'))).toHaveLength(before);
  });

  it('keeps each invocation log, START to REPORT, readable at /_local/lambda-logs', async () => {
    const { $metadata } = await invoke('Counter', {});

    const response = await fetch(`${cloud.url}/_local/lambda-logs?function=Counter&requestId=${$metadata.requestId}`);

    const { lines } = (await response.json()) as { lines: { message: string }[] };
    expect(lines.map((l) => l.message.split(/[\s:]/)[0])).toEqual(['START', expect.any(String), 'END', 'REPORT']);
    expect(lines[1]!.message).toMatch(/\tINFO\tinvocation \d+ in /);
  });

  it('writes JSON log lines, at or above the application log level, when LoggingConfig asks for JSON', async () => {
    const { $metadata } = await invoke('JsonLogs', { warn: 'low stock' });

    const lines = lambda.logs.invocation(nameOf('JsonLogs'), $metadata.requestId!).map((l) => l.message);
    const json = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(json).toEqual([
      { timestamp: expect.any(String), level: 'WARN', requestId: $metadata.requestId, message: 'low stock' },
    ]);
  });

  it('answers ResourceNotFoundException for an unknown function', async () => {
    const call = client.send(new InvokeCommand({ FunctionName: 'no-such-function' }));

    await expect(call).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('lists the functions of the assembly', async () => {
    const listed = await client.send(new ListFunctionsCommand({}));

    expect(listed.Functions?.map((f) => f.FunctionName)).toContain(nameOf('Counter'));
  });

  it('retries an asynchronous invoke twice, then sends the record to the on-failure destination', async () => {
    const response = await client.send(
      new InvokeCommand({ FunctionName: nameOf('AlwaysFails'), InvocationType: 'Event', Payload: '{"orderId":"o-1"}' }),
    );

    expect(response.StatusCode).toBe(202);
    const received = await vi.waitFor(
      () => {
        const line = lambda.logs.lines(nameOf('Recorder')).find((l) => l.message.includes('RECEIVED'));
        expect(line).toBeDefined();
        return JSON.parse(line!.message.slice(line!.message.indexOf('RECEIVED ') + 9));
      },
      { timeout: 20_000 },
    );
    expect(received.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(received.requestPayload).toEqual({ orderId: 'o-1' });
    expect(received.responsePayload.errorMessage).toBe('cannot process o-1');
    expect(lambda.logs.lines(nameOf('AlwaysFails')).filter((l) => l.message.startsWith('START')).length).toBe(3);
  });
});

describe('aws lambda invoke (AWS CLI)', () => {
  it('invokes a function and writes its result to the outfile', async () => {
    const outfile = join(cdkOut, 'cli-out.json');

    const { stdout } = await run(
      '/usr/bin/aws',
      [
        'lambda',
        'invoke',
        '--function-name',
        nameOf('Counter'),
        '--payload',
        '{}',
        '--cli-binary-format',
        'raw-in-base64-out',
        '--log-type',
        'Tail',
        '--endpoint-url',
        cloud.url,
        outfile,
      ],
      { env: { ...process.env, AWS_PAGER: '' } },
    );

    const summary = JSON.parse(stdout);
    expect(summary.StatusCode).toBe(200);
    expect(Buffer.from(summary.LogResult, 'base64').toString()).toMatch(/^START RequestId: /m);
    expect(JSON.parse(readFileSync(outfile, 'utf8')).functionName).toBe(nameOf('Counter'));
  });
});
