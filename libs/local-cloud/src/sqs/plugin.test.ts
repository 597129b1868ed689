import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Json, ResolvedResource } from '../core/contracts';
import { eventually, HARNESS_ACCOUNT, HARNESS_REGION, harnessClientConfig, startPlugin, type PluginHarness } from '../core/plugin-harness';
import { deadLettersFirst, sqsPlugin } from './plugin';

const arnOf = (name: string) => `arn:aws:sqs:${HARNESS_REGION}:${HARNESS_ACCOUNT}:${name}`;

/** A queue as src/template resolves it: `Ref` is the URL on the gateway. */
function aQueue(url: string, name: string, properties: ResolvedResource['properties'] = {}): ResolvedResource {
  const queueUrl = `${url}/${HARNESS_ACCOUNT}/${name}`;
  const arn = arnOf(name);
  return { stackName: 'Shop', logicalId: name, type: 'AWS::SQS::Queue', ref: queueUrl, physicalName: name, arn, attributes: { Arn: arn, QueueUrl: queueUrl }, properties };
}

const redriveTo = (name: string) => ({ RedrivePolicy: { deadLetterTargetArn: arnOf(name), maxReceiveCount: 2 } });

function aMapping(queueName: string): ResolvedResource {
  const id = '0b6c2f4e-0000-4000-8000-000000000002';
  const properties = { EventSourceArn: arnOf(queueName), FunctionName: 'Shop-Consumer', BatchSize: 5 };
  return { stackName: 'Shop', logicalId: 'Mapping', type: 'AWS::Lambda::EventSourceMapping', ref: id, physicalName: id, attributes: {}, properties };
}

let started: { harness: PluginHarness; client: SQSClient } | undefined;
afterEach(async () => {
  started?.client.destroy();
  await started?.harness.close();
  started = undefined;
});

/** Starts the plug-in on these resources, with an SQS client on its gateway. */
async function start(resourcesAt: (url: string) => ResolvedResource[]): Promise<{ harness: PluginHarness; client: SQSClient }> {
  const harness = await startPlugin(sqsPlugin(), resourcesAt);
  started = { harness, client: new SQSClient(harnessClientConfig(harness.url)) };
  return started;
}

describe('sqsPlugin', () => {
  it("creates a dead-letter queue before the queue that redrives to it, whatever the templates' order", async () => {
    const { harness, client } = await start((url) => [aQueue(url, 'jobs', redriveTo('jobs-dlq')), aQueue(url, 'jobs-dlq')]);

    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: `${harness.url}/${HARNESS_ACCOUNT}/jobs`, AttributeNames: ['RedrivePolicy'] }));

    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: arnOf('jobs-dlq'), maxReceiveCount: 2 });
  });

  it('invokes the function of an event source mapping on a queue with its messages', async () => {
    const { harness, client } = await start((url) => [aQueue(url, 'jobs'), aMapping('jobs')]);

    await client.send(new SendMessageCommand({ QueueUrl: `${harness.url}/${HARNESS_ACCOUNT}/jobs`, MessageBody: 'hello' }));

    const { invocations } = harness.lambda;
    await eventually(() => invocations.length, (count) => count > 0);
    expect(invocations[0]?.functionArn).toBe(`arn:aws:lambda:${HARNESS_REGION}:${HARNESS_ACCOUNT}:function:Shop-Consumer`);
    expect((invocations[0]?.payload as { Records: Json[] }).Records).toMatchObject([{ body: 'hello', eventSource: 'aws:sqs', eventSourceARN: arnOf('jobs') }]);
  });

  it('provides the sqs port that other services send messages through', async () => {
    const { harness, client } = await start((url) => [aQueue(url, 'jobs')]);

    await harness.service.provides?.sqs?.sendMessage(arnOf('jobs'), '{"from":"a rule target"}');

    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: `${harness.url}/${HARNESS_ACCOUNT}/jobs`, WaitTimeSeconds: 1 }));
    expect(Messages?.map((m) => m.Body)).toEqual(['{"from":"a rule target"}']);
  });

  it('stores a queue policy on the queues it names', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arnOf('jobs') }] };
    const { harness, client } = await start((url) => [
      aQueue(url, 'jobs'),
      { stackName: 'Shop', logicalId: 'Policy', type: 'AWS::SQS::QueuePolicy', ref: 'p', physicalName: 'p', attributes: {}, properties: { Queues: [`${url}/${HARNESS_ACCOUNT}/jobs`], PolicyDocument: policy } },
    ]);

    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: `${harness.url}/${HARNESS_ACCOUNT}/jobs`, AttributeNames: ['Policy'] }));

    expect(JSON.parse(Attributes?.Policy ?? '{}')).toEqual(policy);
  });

  it('owns the event source mappings on queues and leaves the others to their source', () => {
    const stream = { ...aMapping('jobs'), properties: { EventSourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x' } };

    const owned = [aMapping('jobs'), stream].map((r) => sqsPlugin().owns?.(r));

    expect(owned).toEqual([true, false]);
  });
});

describe('deadLettersFirst', () => {
  it('orders a chain of redrives from the last dead-letter queue to the first source', () => {
    const queues = [aQueue('u', 'a', redriveTo('b')), aQueue('u', 'b', redriveTo('c')), aQueue('u', 'c'), aQueue('u', 'd')];

    const order = deadLettersFirst(queues).map((q) => q.physicalName);

    expect(order).toEqual(['c', 'b', 'a', 'd']);
  });

  it('reads a RedrivePolicy given as JSON text', () => {
    const queues = [aQueue('u', 'a', { RedrivePolicy: JSON.stringify(redriveTo('b').RedrivePolicy) }), aQueue('u', 'b')];

    const order = deadLettersFirst(queues).map((q) => q.physicalName);

    expect(order).toEqual(['b', 'a']);
  });
});
