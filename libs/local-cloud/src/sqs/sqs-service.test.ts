import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidQueuePropertiesError, QueueNotFoundError, SqsApiError } from './errors';
import { queueUrlOf } from './sqs-service';
import { FakeLambda, queueArn, startSqsHarness, type SqsHarness } from './test-support';

let harness: SqsHarness;
beforeEach(async () => {
  harness = await startSqsHarness();
});
afterEach(async () => {
  await harness.close();
});

const redriveTo = (dlq: string) => ({ RedrivePolicy: { deadLetterTargetArn: queueArn(dlq), maxReceiveCount: 3 } });

describe('SqsService.loadQueue', () => {
  it('gives a template queue a URL on the gateway, in the template account', () => {
    const loaded = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });

    expect(loaded).toEqual({ queueUrl: `${harness.baseUrl}/123456789012/jobs`, queueArn: queueArn('jobs') });
    expect(queueUrlOf(harness.baseUrl, queueArn('jobs'))).toBe(loaded.queueUrl);
  });

  it('rejects a redrive policy whose DLQ is not loaded', () => {
    const load = () => harness.service.loadQueue({ arn: queueArn('jobs'), properties: redriveTo('missing-dlq') });

    expect(load).toThrow(InvalidQueuePropertiesError);
  });

  it('rejects a standard DLQ for a FIFO queue', () => {
    harness.service.loadQueue({ arn: queueArn('dlq'), properties: {} });

    const load = () =>
      harness.service.loadQueue({ arn: queueArn('jobs.fifo'), properties: { FifoQueue: true, ...redriveTo('dlq') } });

    expect(load).toThrow(/FIFO dead-letter queue/);
  });

  it.each([
    ['denies every queue', { redrivePermission: 'denyAll' }],
    ['allows other queues only', { redrivePermission: 'byQueue', sourceQueueArns: [queueArn('other')] }],
  ])('rejects a DLQ whose RedriveAllowPolicy %s', (_case, redriveAllowPolicy) => {
    harness.service.loadQueue({ arn: queueArn('dlq'), properties: { RedriveAllowPolicy: redriveAllowPolicy } });

    const load = () => harness.service.loadQueue({ arn: queueArn('jobs'), properties: redriveTo('dlq') });

    expect(load).toThrow(/RedriveAllowPolicy/);
  });

  it('accepts a DLQ whose RedriveAllowPolicy names the queue', () => {
    const redriveAllowPolicy = { redrivePermission: 'byQueue', sourceQueueArns: [queueArn('jobs')] };
    harness.service.loadQueue({ arn: queueArn('dlq'), properties: { RedriveAllowPolicy: redriveAllowPolicy } });

    const loaded = harness.service.loadQueue({ arn: queueArn('jobs'), properties: redriveTo('dlq') });

    expect(loaded.queueArn).toBe(queueArn('jobs'));
  });

  it('refuses to load the same queue twice', () => {
    harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });

    expect(() => harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} })).toThrow(
      InvalidQueuePropertiesError,
    );
  });
});

describe('SqsService.loadQueuePolicy', () => {
  it('stores the policy document as the Policy attribute', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: queueArn('jobs'),
        },
      ],
    };

    harness.service.loadQueuePolicy({ Queues: [queueUrl], PolicyDocument: document });
    const { Attributes } = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['Policy'] }),
    );

    expect(JSON.parse(Attributes?.Policy ?? '{}')).toEqual(document);
  });
});

describe('SqsService.sendMessage (QueueSender)', () => {
  it('delivers to a standard queue', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });

    await harness.service.sendMessage(queueArn('jobs'), '{"from":"a rule"}');
    const received = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));

    expect(received.Messages?.[0]?.Body).toBe('{"from":"a rule"}');
  });

  it('carries String message attributes', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });

    await harness.service.sendMessage(queueArn('jobs'), '{}', { messageAttributes: { ERROR_CODE: 'Throttling', RETRY_ATTEMPTS: '3' } });
    const received = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['All'] }));

    expect(received.Messages?.[0]?.MessageAttributes).toEqual({
      ERROR_CODE: { DataType: 'String', StringValue: 'Throttling' },
      RETRY_ATTEMPTS: { DataType: 'String', StringValue: '3' },
    });
  });

  it('delivers to a FIFO queue without content-based deduplication, in its message group', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs.fifo'), properties: { FifoQueue: true } });

    await harness.service.sendMessage(queueArn('jobs.fifo'), 'same', { messageGroupId: 'g1' });
    await harness.service.sendMessage(queueArn('jobs.fifo'), 'same', { messageGroupId: 'g1' });
    const received = await harness.client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ['MessageGroupId'] }),
    );
    const { Attributes } = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );

    expect(received.Messages?.[0]?.Attributes?.MessageGroupId).toBe('g1');
    expect(Attributes?.ApproximateNumberOfMessages).toBe('1');
  });

  it('rejects a FIFO message without a message group as SQS does', async () => {
    harness.service.loadQueue({ arn: queueArn('jobs.fifo'), properties: { FifoQueue: true } });

    await expect(harness.service.sendMessage(queueArn('jobs.fifo'), 'x')).rejects.toMatchObject({
      constructor: SqsApiError,
      awsCode: 'MissingParameter',
    });
  });

  it('throws QueueNotFoundError for an unknown queue ARN', async () => {
    await expect(harness.service.sendMessage(queueArn('nowhere'), 'x')).rejects.toBeInstanceOf(QueueNotFoundError);
  });
});

describe('SqsService.loadEventSourceMapping', () => {
  it('throws QueueNotFoundError when the queue is not loaded', () => {
    const load = () =>
      harness.service.loadEventSourceMapping(
        { id: 'M', properties: { EventSourceArn: queueArn('nowhere'), FunctionName: 'fn' } },
        new FakeLambda(),
      );

    expect(load).toThrow(QueueNotFoundError);
  });
});
