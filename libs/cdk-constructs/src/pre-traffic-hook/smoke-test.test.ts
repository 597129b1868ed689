import { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } from '@aws-sdk/client-codedeploy';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSmokeTest } from './smoke-test';

const lambda = mockClient(LambdaClient);
const codeDeploy = mockClient(CodeDeployClient);
const VERSION_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:place-order:7';
const EVENT = { DeploymentId: 'd-ABC123', LifecycleEventHookExecutionId: 'hook-execution-1' };

function aSmokeTest() {
  return makeSmokeTest({
    lambda: new LambdaClient({}),
    codeDeploy: new CodeDeployClient({}),
    targetVersionArn: VERSION_ARN,
    smokeEvent: '{"rawPath":"/products"}',
    log: () => undefined,
  });
}

function answers(body: unknown, functionError?: string) {
  lambda.on(InvokeCommand).resolves({
    StatusCode: 200,
    FunctionError: functionError,
    Payload: new TextEncoder().encode(JSON.stringify(body)) as never,
  });
}

function reportedStatus() {
  return codeDeploy.commandCalls(PutLifecycleEventHookExecutionStatusCommand).map((call) => call.args[0].input);
}

describe('the pre-traffic smoke test', () => {
  beforeEach(() => {
    lambda.reset();
    codeDeploy.reset();
  });

  it('invokes the new version with the smoke event', async () => {
    answers({ statusCode: 200 });

    await aSmokeTest()(EVENT);

    const invoked = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(invoked?.FunctionName).toBe(VERSION_ARN);
    expect(new TextDecoder().decode(invoked?.Payload as Uint8Array)).toBe('{"rawPath":"/products"}');
  });

  it('lets traffic shift when the new version answers', async () => {
    answers({ statusCode: 404, body: '{"code":"PRODUCT.NOT_FOUND"}' });

    const outcome = await aSmokeTest()(EVENT);

    expect(outcome).toEqual({ passed: true });
    expect(reportedStatus()).toEqual([
      { deploymentId: 'd-ABC123', lifecycleEventHookExecutionId: 'hook-execution-1', status: 'Succeeded' },
    ]);
  });

  it('stops the deployment when the new version throws', async () => {
    answers({ errorType: 'TypeError', errorMessage: 'boom' }, 'Unhandled');

    const outcome = await aSmokeTest()(EVENT);

    expect(outcome).toMatchObject({ passed: false, reason: expect.stringMatching(/function error Unhandled/) });
    expect(reportedStatus()[0]?.status).toBe('Failed');
  });

  it('stops the deployment when the new version answers a server error', async () => {
    answers({ statusCode: 503, body: '{}' });

    const outcome = await aSmokeTest()(EVENT);

    expect(outcome).toEqual({ passed: false, reason: 'answered HTTP 503' });
    expect(reportedStatus()[0]?.status).toBe('Failed');
  });

  it('reports a failure, rather than leaving CodeDeploy waiting, when the version cannot be invoked', async () => {
    lambda.on(InvokeCommand).rejects(new Error('AccessDeniedException'));

    const outcome = await aSmokeTest()(EVENT);

    expect(outcome).toEqual({ passed: false, reason: 'could not invoke: AccessDeniedException' });
    expect(reportedStatus()[0]?.status).toBe('Failed');
  });
});
