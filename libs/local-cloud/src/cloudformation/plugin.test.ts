import { afterEach, describe, expect, it } from 'vitest';
import type { Json, JsonObject, ResolvedResource } from '../core/contracts';
import { silentLogger } from '../core/logger';
import { RecordingLambda, startPlugin, type PluginHarness } from '../core/plugin-harness';
import { makeLatePorts } from '../core/ports';
import { lateValueToken } from '../template';
import { CustomResourceReadError } from './errors';
import { cloudFormationPlugin } from './plugin';
import { aCustomResource, aFunction, aResource } from './test-support';

/** A `lambda` port whose functions answer each request by PUTting `answerOf(request)` to its ResponseURL. */
function answering(answerOf: (request: JsonObject) => JsonObject): RecordingLambda {
  return new RecordingLambda((payload) => {
    const request = payload as JsonObject;
    const body = { StackId: request.StackId, RequestId: request.RequestId, LogicalResourceId: request.LogicalResourceId, ...answerOf(request) };
    void fetch(String(request.ResponseURL), { method: 'PUT', body: JSON.stringify(body) });
    return null;
  });
}

const greetingOf = (request: JsonObject): JsonObject => ({
  Status: 'SUCCESS',
  PhysicalResourceId: `id-${String(request.LogicalResourceId)}`,
  Data: { Greeting: `hello from ${String(request.LogicalResourceId)}` },
  NoEcho: (request.ResourceProperties as JsonObject).Secret === 'true',
});

let harness: PluginHarness | undefined;
afterEach(() => harness?.close());

async function createAll(resources: ResolvedResource[], lambda: RecordingLambda) {
  harness = await startPlugin(cloudFormationPlugin({ responseTimeoutMs: 5_000 }), () => [aFunction('Seeder'), ...resources], lambda);
  const { afterStart } = harness.service;
  if (!afterStart) throw new Error('the cloudformation plug-in creates custom resources after start');
  return afterStart();
}

const propertiesSent = (lambda: RecordingLambda, index: number): Json => (lambda.invocations[index]?.payload as JsonObject).ResourceProperties ?? null;

describe('cloudFormationPlugin', () => {
  it('runs the Lambda-backed custom resources, and leaves SNS-backed, foreign and accepted ones alone', () => {
    const plugin = cloudFormationPlugin();
    const all = [aFunction('Seeder')];
    const candidates = [
      aCustomResource('Seed'),
      { ...aCustomResource('Generic'), type: 'AWS::CloudFormation::CustomResource' },
      aResource('Notify', 'Custom::Notify', { ServiceToken: 'arn:aws:sns:us-east-1:000000000000:requests' }),
      aResource('Foreign', 'Custom::Seed', { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:elsewhere' }),
      { ...aCustomResource('Retention'), type: 'Custom::LogRetention' },
    ];

    const owned = candidates.map((r) => plugin.owns?.(r, [...all, ...candidates]));

    expect(owned).toEqual([true, true, false, false, false]);
  });

  it('hands a custom resource the Ref and attributes that the one it reads answered', async () => {
    const lambda = answering(greetingOf);
    const reader = aCustomResource('Reader', { Greeting: lateValueToken('Stack', 'First', 'Greeting'), FirstId: `is ${lateValueToken('Stack', 'First')}` }, ['First']);

    await createAll([reader, aCustomResource('First')], lambda);

    expect(lambda.invocations.map((i) => (i.payload as JsonObject).LogicalResourceId)).toEqual(['First', 'Reader']);
    expect(propertiesSent(lambda, 1)).toMatchObject({ Greeting: 'hello from First', FirstId: 'is id-First' });
  });

  it('settles the values stack outputs show, masking those answered with NoEcho', async () => {
    const lambda = answering(greetingOf);

    const values = await createAll([aCustomResource('Open'), aCustomResource('Hidden', { Secret: true })], lambda);

    expect(values).toEqual(
      new Map([
        [lateValueToken('Stack', 'Open'), 'id-Open'],
        [lateValueToken('Stack', 'Open', 'Greeting'), 'hello from Open'],
        [lateValueToken('Stack', 'Hidden'), '*****'],
        [lateValueToken('Stack', 'Hidden', 'Greeting'), '*****'],
      ]),
    );
  });

  it('fails a custom resource that reads an attribute the other did not answer', async () => {
    const reader = aCustomResource('Reader', { Color: lateValueToken('Stack', 'First', 'Color') }, ['First']);

    const creating = createAll([aCustomResource('First'), reader], answering(greetingOf));

    await expect(creating).rejects.toThrow(/Reader \(Custom::Seed\) CREATE_FAILED: CustomResource attribute error: Vendor response doesn't contain Color attribute/);
  });

  it('refuses, when it starts, a template whose function reads a custom resource attribute', async () => {
    const seed = aCustomResource('Seed');
    const worker = aResource('Worker', 'AWS::Lambda::Function', { Environment: { Variables: { GREETING: lateValueToken('Stack', 'Seed', 'Greeting') } } });
    const ctx = { resources: [seed], allResources: [aFunction('Seeder'), seed, worker], ports: makeLatePorts().ports, logger: silentLogger, endpointUrl: 'http://127.0.0.1:1', region: 'us-east-1', accountId: '000000000000', dataDir: '/tmp' };

    const starting = cloudFormationPlugin().start(ctx);

    await expect(starting).rejects.toThrow(CustomResourceReadError);
  });
});
