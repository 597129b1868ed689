import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { fakeLambda, startLocalStates, TEST_CREDENTIALS, TEST_REGION, type LocalStates } from '../testing';

const ROLE = 'arn:aws:iam::123456789012:role/workflow';
const FN = 'arn:aws:lambda:us-east-1:123456789012:function';
let states: LocalStates | undefined;

afterEach(async () => {
  await states?.close();
  states = undefined;
});

async function run(
  definition: object,
  input: Json = {},
): Promise<{ status?: string; output?: Json; error?: string; cause?: string; history: HistoryEvent[] }> {
  const { client } = states!;
  const name = `m${Math.random().toString(36).slice(2, 10)}`;
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE }),
  );
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
  );
  await states!.engine.execution(executionArn!).done;
  const described = await client.send(new DescribeExecutionCommand({ executionArn }));
  const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
  return {
    status: described.status,
    output: described.output ? (JSON.parse(described.output) as Json) : undefined,
    error: described.error,
    cause: described.cause,
    history: events,
  };
}

const failWith = (errorType: string) => () => {
  throw Object.assign(new Error(`${errorType} happened`), {
    name: 'LambdaFunctionError',
    errorType,
    errorMessage: `${errorType} happened`,
  });
};

describe('a workflow waiting for a task token', () => {
  it('resumes when an event consumer calls SendTaskSuccess with the token', async () => {
    states = await startLocalStates({
      lambda: fakeLambda({
        // Stands in for products: it receives the request, and answers later through the Step Functions API.
        'reserve-stock': (event) => {
          const { token, orderId } = event as { token: string; orderId: string };
          const consumer = new SFNClient({ endpoint: states!.url, region: TEST_REGION, credentials: TEST_CREDENTIALS });
          const answer = new SendTaskSuccessCommand({
            taskToken: token,
            output: JSON.stringify({ reserved: orderId }),
          });
          setTimeout(() => void consumer.send(answer).finally(() => consumer.destroy()), 10);
          return null;
        },
      }),
    });
    const definition = {
      StartAt: 'ReserveStock',
      States: {
        ReserveStock: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: `${FN}:reserve-stock`,
            Payload: { 'token.$': '$$.Task.Token', 'orderId.$': '$.orderId' },
          },
          ResultPath: '$.stock',
          End: true,
        },
      },
    };

    const result = await run(definition, { orderId: 'o-1' });

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { orderId: 'o-1', stock: { reserved: 'o-1' } } });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fails with States.HeartbeatTimeout when no heartbeat comes in time', async () => {
    states = await startLocalStates({ lambda: fakeLambda({ silent: () => null }) });
    const definition = {
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          HeartbeatSeconds: 1,
          Parameters: { FunctionName: 'silent', Payload: { 't.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };

    const result = await run(definition);

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(result.history.map((e) => e.type)).toContain('TaskTimedOut');
  });
});

describe('error handling', () => {
  it('runs the compensation a Catch points to', async () => {
    const released: Json[] = [];
    states = await startLocalStates({
      lambda: fakeLambda({
        charge: failWith('PaymentDeclined'),
        release: (e) => {
          released.push(e);
          return { released: true };
        },
      }),
    });
    const definition = {
      StartAt: 'ChargePayment',
      States: {
        ChargePayment: {
          Type: 'Task',
          Resource: `${FN}:charge`,
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'ReleaseStock' }],
          Next: 'Confirmed',
        },
        ReleaseStock: {
          Type: 'Task',
          Resource: `${FN}:release`,
          Parameters: { 'orderId.$': '$.orderId', 'reason.$': '$.failure.Error' },
          ResultPath: null,
          Next: 'Cancelled',
        },
        Cancelled: { Type: 'Fail', Error: 'Order.Cancelled', CausePath: '$.failure.Error' },
        Confirmed: { Type: 'Succeed' },
      },
    };

    const result = await run(definition, { orderId: 'o-2' });

    expect(released).toEqual([{ orderId: 'o-2', reason: 'PaymentDeclined' }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Order.Cancelled', cause: 'PaymentDeclined' });
    expect(result.history.find((e) => e.type === 'LambdaFunctionFailed')?.lambdaFunctionFailedEventDetails?.error).toBe(
      'PaymentDeclined',
    );
  });

  it('retries with backoff and exposes the retry count in the context object', async () => {
    let calls = 0;
    const flaky = (event: Json) => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('busy'), { name: 'LambdaThrottledError' });
      return event;
    };
    states = await startLocalStates({ lambda: fakeLambda({ flaky }), timeScale: 0.001 });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: `${FN}:flaky`,
          Parameters: { 'retry.$': '$$.State.RetryCount' },
          Retry: [
            { ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 },
          ],
          End: true,
        },
      },
    };

    const result = await run(definition);

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { retry: 2 } });
    expect(result.history.filter((e) => e.type === 'LambdaFunctionScheduled')).toHaveLength(3);
  });

  it('stops retrying after MaxAttempts and fails with the last error', async () => {
    states = await startLocalStates({ lambda: fakeLambda({ broken: failWith('Boom') }), timeScale: 0.001 });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: `${FN}:broken`,
          Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 1 }],
          End: true,
        },
      },
    };

    const result = await run(definition);

    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(result.history.filter((e) => e.type === 'LambdaFunctionFailed')).toHaveLength(2);
  });

  it('raises States.Timeout, which States.TaskFailed does not catch', async () => {
    states = await startLocalStates({ lambda: fakeLambda({ slow: () => new Promise<Json>(() => undefined) }) });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: `${FN}:slow`,
          TimeoutSeconds: 1,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' },
            { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' },
          ],
          End: true,
        },
        Wrong: { Type: 'Fail', Error: 'Wrong' },
        TimedOut: { Type: 'Pass', Result: 'timed out', End: true },
      },
    };

    const result = await run(definition);

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'timed out' });
    expect(result.history.map((e) => e.type)).toContain('LambdaFunctionTimedOut');
  });
});

describe('HTTP tasks', () => {
  it('calls the endpoint with the connection API key and returns the response', async () => {
    const seen: { headers: IncomingHttpHeaders; url?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, url: req.url, body });
        res.writeHead(req.url?.startsWith('/declined') ? 402 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ authorized: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const connectionArn = 'arn:aws:events:us-east-1:123456789012:connection/payments/abc';
    const resolveConnection = async (arn: string) =>
      arn === connectionArn
        ? {
            AuthorizationType: 'API_KEY' as const,
            AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'sandbox-key' } },
          }
        : undefined;
    states = await startLocalStates({ lambda: fakeLambda({}), resolveConnection });
    const task = (path: string) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        ApiEndpoint: `${base}${path}`,
        Method: 'POST',
        QueryParameters: { 'order.$': '$.orderId' },
        RequestBody: { 'amount.$': '$.amount' },
        Authentication: { ConnectionArn: connectionArn },
      },
      ResultSelector: { 'status.$': '$.StatusCode', 'body.$': '$.ResponseBody' },
      End: true,
    });

    const ok = await run(
      { StartAt: 'Authorize', States: { Authorize: task('/charge') } },
      { orderId: 'o-3', amount: 500 },
    );
    const declined = await run(
      { StartAt: 'Authorize', States: { Authorize: task('/declined') } },
      { orderId: 'o-4', amount: 1 },
    );
    server.close();

    expect(ok).toMatchObject({ status: 'SUCCEEDED', output: { status: 200, body: { authorized: true } } });
    expect(seen[0]).toMatchObject({
      url: '/charge?order=o-3',
      body: '{"amount":500}',
      headers: { 'x-api-key': 'sandbox-key' },
    });
    expect(declined).toMatchObject({ status: 'FAILED', error: 'States.Http.StatusCode.402' });
  });
});

describe('Map, Parallel and nested executions', () => {
  it('runs a child workflow with states:startExecution.sync:2 and returns its output', async () => {
    states = await startLocalStates({ lambda: fakeLambda({}) });
    const child = await states.client.send(
      new CreateStateMachineCommand({
        name: 'Child',
        roleArn: ROLE,
        definition: JSON.stringify({
          StartAt: 'Double',
          States: { Double: { Type: 'Pass', Parameters: { 'sum.$': 'States.MathAdd($.n, $.n)' }, End: true } },
        }),
      }),
    );
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.numbers',
          MaxConcurrency: 1,
          ItemSelector: { 'n.$': '$$.Map.Item.Value' },
          ItemProcessor: {
            StartAt: 'Child',
            States: {
              Child: {
                Type: 'Task',
                Resource: 'arn:aws:states:::states:startExecution.sync:2',
                Parameters: { StateMachineArn: child.stateMachineArn, 'Input.$': '$' },
                OutputPath: '$.Output.sum',
                End: true,
              },
            },
          },
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          ],
          End: true,
        },
      },
    };

    const result = await run(definition, { numbers: [1, 2] });

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [[2, 4], 'b'] });
  });

  it('names a taken execution name StepFunctions.ExecutionAlreadyExistsException, as a Catch sees it in AWS', async () => {
    states = await startLocalStates({ lambda: fakeLambda({}) });
    const child = await states.client.send(
      new CreateStateMachineCommand({
        name: 'Taken',
        roleArn: ROLE,
        definition: JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 5, End: true } } }),
      }),
    );
    await states.client.send(
      new StartExecutionCommand({ stateMachineArn: child.stateMachineArn, name: 'order-1', input: '{"first":true}' }),
    );
    const definition = {
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { StateMachineArn: child.stateMachineArn, Name: 'order-1', Input: { first: false } },
          Catch: [
            { ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: '$.error', Next: 'Taken' },
          ],
          End: true,
        },
        Taken: { Type: 'Pass', OutputPath: '$.error.Error', End: true },
      },
    };

    const result = await run(definition);

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'StepFunctions.ExecutionAlreadyExistsException' });
  });

  it('takes and gives PascalCase names in aws-sdk:sfn tasks, though the Step Functions API is camelCase', async () => {
    states = await startLocalStates({ lambda: fakeLambda({}) });
    const child = await states.client.send(
      new CreateStateMachineCommand({
        name: 'Described',
        roleArn: ROLE,
        definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }),
      }),
    );
    const { executionArn } = await states.client.send(
      new StartExecutionCommand({
        stateMachineArn: child.stateMachineArn,
        name: 'order-2',
        input: '{"orderId":"o-2"}',
      }),
    );
    const definition = {
      StartAt: 'Describe',
      States: {
        Describe: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:sfn:describeExecution',
          Parameters: { 'ExecutionArn.$': '$.arn' },
          ResultSelector: { 'name.$': '$.Name', 'input.$': 'States.StringToJson($.Input)' },
          End: true,
        },
      },
    };

    const result = await run(definition, { arn: executionArn! });

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { name: 'order-2', input: { orderId: 'o-2' } } });
  });
});
