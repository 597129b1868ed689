import { createHash } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../core/contracts';
import { eventually, FakeLambda, functionArn, queueArn, startSqsHarness, type SqsHarness } from './test-support';

type Record = { messageId: string; body: string; attributes: { [key: string]: string } } & { [key: string]: Json };
const recordsOf = (payload: Json): Record[] => (payload as { Records: Record[] }).Records;

const WORKER = functionArn('worker');
let harness: SqsHarness;
let lambda: FakeLambda;

beforeEach(async () => {
  harness = await startSqsHarness();
  lambda = new FakeLambda();
});
afterEach(async () => {
  await harness.close();
});

/** Every body the function has been invoked with, one entry per delivery. */
const deliveredBodies = (): string[] =>
  lambda.invocations.flatMap(({ payload }) => recordsOf(payload).map((record) => record.body));

async function sendBodies(queueUrl: string, bodies: string[]): Promise<void> {
  for (let start = 0; start < bodies.length; start += 10) {
    const Entries = bodies.slice(start, start + 10).map((body, index) => ({ Id: `m${index}`, MessageBody: body }));
    await harness.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }));
  }
}

async function expectQueueEmpty(queueUrl: string): Promise<void> {
  const { Attributes } = await harness.client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
  );
  expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
}

function loadMapping(properties: { [key: string]: unknown }): void {
  harness.service.loadEventSourceMapping(
    { id: 'WorkerMapping', properties: { EventSourceArn: queueArn('jobs'), FunctionName: WORKER, ...properties } },
    lambda,
  );
}

describe('an SQS event source mapping', () => {
  it('invokes the function with the event Lambda sends, then deletes the message', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    lambda.on(WORKER, () => null);
    await harness.client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: 'job-1',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'export' } },
      }),
    );

    loadMapping({});
    await eventually(() => expect(lambda.invocations).toHaveLength(1));

    const [record] = lambda.invocations.flatMap(({ payload }) => recordsOf(payload));
    expect(record).toMatchObject({
      body: 'job-1',
      md5OfBody: createHash('md5').update('job-1').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn('jobs'),
      awsRegion: 'eu-west-2',
      messageAttributes: {
        kind: { stringValue: 'export', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
    });
    expect(record?.attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SentTimestamp: expect.stringMatching(/^\d+$/),
    });
    expect(record?.attributes['ApproximateFirstReceiveTimestamp']).toMatch(/^\d+$/);
    expect(typeof record?.['receiptHandle']).toBe('string');
    await eventually(() => expectQueueEmpty(queueUrl));
  });

  it('never sends more records than BatchSize in one invocation', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    lambda.on(WORKER, () => null);
    const bodies = Array.from({ length: 7 }, (_, index) => `job-${index}`);
    await sendBodies(queueUrl, bodies);

    loadMapping({ BatchSize: 3, ScalingConfig: { MaximumConcurrency: 2 } });
    await eventually(() => expect(deliveredBodies().sort()).toEqual([...bodies].sort()));

    const batchSizes = lambda.invocations.map(({ payload }) => recordsOf(payload).length);
    expect(Math.max(...batchSizes)).toBe(3);
    await eventually(() => expectQueueEmpty(queueUrl));
  });

  it('gathers up to BatchSize messages during the batching window', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    lambda.on(WORKER, () => null);
    const bodies = Array.from({ length: 25 }, (_, index) => `job-${index}`);
    await sendBodies(queueUrl, bodies);

    loadMapping({ BatchSize: 25, MaximumBatchingWindowInSeconds: 2, ScalingConfig: { MaximumConcurrency: 2 } });
    await eventually(() => expect(deliveredBodies()).toHaveLength(25));

    expect(lambda.invocations.some(({ payload }) => recordsOf(payload).length > 10)).toBe(true);
  });

  it('retries only the records the function reports as failed', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: { VisibilityTimeout: 1 } });
    let failedOnce = false;
    lambda.on(WORKER, (payload) => {
      const flaky = recordsOf(payload).find((record) => record.body === 'flaky' && !failedOnce);
      failedOnce ||= flaky !== undefined;
      return { batchItemFailures: flaky ? [{ itemIdentifier: flaky.messageId }] : [] };
    });
    await sendBodies(queueUrl, ['steady-1', 'flaky', 'steady-2']);

    loadMapping({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    await eventually(() => expect(deliveredBodies().filter((body) => body === 'flaky')).toHaveLength(2));

    expect(deliveredBodies().sort()).toEqual(['flaky', 'flaky', 'steady-1', 'steady-2']);
    const retry = lambda.invocations
      .flatMap(({ payload }) => recordsOf(payload))
      .filter((record) => record.body === 'flaky')[1];
    expect(retry?.attributes['ApproximateReceiveCount']).toBe('2');
    await eventually(() => expectQueueEmpty(queueUrl));
  });

  it('moves a poison message to the DLQ after maxReceiveCount while the rest of its batch succeeds', async () => {
    const dlq = harness.service.loadQueue({ arn: queueArn('jobs-dlq'), properties: {} });
    const { queueUrl } = harness.service.loadQueue({
      arn: queueArn('jobs'),
      properties: {
        VisibilityTimeout: 1,
        RedrivePolicy: { deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: 2 },
      },
    });
    lambda.on(WORKER, (payload) => ({
      batchItemFailures: recordsOf(payload)
        .filter((record) => record.body === 'poison')
        .map((record) => ({ itemIdentifier: record.messageId })),
    }));
    await sendBodies(queueUrl, ['good-1', 'poison', 'good-2']);

    loadMapping({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    const dead = await eventually(async () => {
      const output = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: dlq.queueUrl }));
      const [message] = output.Messages ?? [];
      if (!message) throw new Error('the DLQ is still empty');
      return message;
    });

    expect(dead.Body).toBe('poison');
    expect(deliveredBodies().sort()).toEqual(['good-1', 'good-2', 'poison', 'poison']);
    await expectQueueEmpty(queueUrl);
  });

  it('fails the whole batch when the function throws', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: { VisibilityTimeout: 1 } });
    let calls = 0;
    lambda.on(WORKER, () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return null;
    });
    await sendBodies(queueUrl, ['a', 'b']);

    loadMapping({ FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 2 } });
    await eventually(() => expect(deliveredBodies().sort()).toEqual(['a', 'a', 'b', 'b']));

    await eventually(() => expectQueueEmpty(queueUrl));
  });

  it('fails the whole batch, and says why, when the batch response is malformed', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: { VisibilityTimeout: 1 } });
    let calls = 0;
    lambda.on(WORKER, () => {
      calls += 1;
      const failures = calls === 1 ? [{ itemIdentifier: 'not-in-this-batch' }] : [];
      return { batchItemFailures: failures };
    });
    await sendBodies(queueUrl, ['only']);

    loadMapping({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    await eventually(() => expect(deliveredBodies()).toEqual(['only', 'only']));

    expect(harness.warnings.map((warning) => warning.message)).toContain(
      'Malformed batch response; the whole batch failed',
    );
    await eventually(() => expectQueueEmpty(queueUrl));
  });

  it('deletes without invoking the messages no filter matches', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    lambda.on(WORKER, () => null);
    await sendBodies(queueUrl, ['{"type":"order","total":30}', '{"type":"refund"}', 'not json']);

    loadMapping({ FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { type: ['order'] } }) }] } });
    await eventually(() => expectQueueEmpty(queueUrl));

    expect(deliveredBodies()).toEqual(['{"type":"order","total":30}']);
  });

  it('delivers the messages of a FIFO message group one after another, in order', async () => {
    const { queueUrl } = harness.service.loadQueue({
      arn: queueArn('jobs.fifo'),
      properties: { FifoQueue: true, ContentBasedDeduplication: true },
    });
    lambda.on(WORKER, () => null);
    for (const body of ['first', 'second', 'third']) {
      await harness.client.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: 'customer-1' }),
      );
    }

    harness.service.loadEventSourceMapping(
      { id: 'FifoMapping', properties: { EventSourceArn: queueArn('jobs.fifo'), FunctionName: WORKER } },
      lambda,
    );
    await eventually(() => expect(deliveredBodies()).toHaveLength(3));

    expect(deliveredBodies()).toEqual(['first', 'second', 'third']);
    const [record] = recordsOf(lambda.invocations[0]?.payload ?? null);
    expect(record?.attributes).toMatchObject({ MessageGroupId: 'customer-1', SequenceNumber: expect.any(String) });
  });

  it('lets the batch being processed finish when the service closes', async () => {
    harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    const events: string[] = [];
    const { promise: batchReleased, resolve: finishBatch } = Promise.withResolvers<void>();
    lambda.on(WORKER, async () => {
      events.push('invoked');
      await batchReleased;
      events.push('batch finished');
      return null;
    });
    await harness.service.sendMessage(queueArn('jobs'), 'slow job');
    loadMapping({});
    await eventually(() => expect(events).toEqual(['invoked']));

    const closed = harness.close().then(() => events.push('closed'));
    finishBatch();
    await closed;

    expect(events).toEqual(['invoked', 'batch finished', 'closed']);
  });
});
