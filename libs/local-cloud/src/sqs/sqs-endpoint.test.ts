import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueArn, startSqsHarness, TEST_CREDENTIALS, TEST_REGION, type SqsHarness } from './test-support';

let harness: SqsHarness;
beforeEach(async () => {
  harness = await startSqsHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('the SQS endpoint, driven by the real SDK v3 client', () => {
  it('sends, receives and deletes a message with its attributes', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    await harness.client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: '{"job":1}',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'export' } },
      }),
    );

    const received = await harness.client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const message = received.Messages?.[0];
    await harness.client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message?.ReceiptHandle }));
    const afterDelete = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );

    expect(message?.Body).toBe('{"job":1}');
    expect(message?.MessageAttributes?.['kind']?.StringValue).toBe('export');
    expect(message?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(afterDelete.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('raises QueueDoesNotExist for an unknown queue', async () => {
    const send = harness.client.send(
      new SendMessageCommand({ QueueUrl: `${harness.baseUrl}/${'123456789012'}/missing`, MessageBody: 'x' }),
    );

    await expect(send).rejects.toBeInstanceOf(QueueDoesNotExist);
  });

  it('reports the template properties as queue attributes', async () => {
    harness.service.loadQueue({ arn: queueArn('jobs-dlq'), properties: { MessageRetentionPeriod: 1_209_600 } });
    const { queueUrl } = harness.service.loadQueue({
      arn: queueArn('jobs'),
      properties: {
        VisibilityTimeout: 45,
        DelaySeconds: '2',
        RedrivePolicy: { deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: '3' },
      },
    });

    const { Attributes } = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );

    expect(Attributes).toMatchObject({
      QueueArn: queueArn('jobs'),
      VisibilityTimeout: '45',
      DelaySeconds: '2',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: 3 }),
    });
  });

  it('moves a message to the DLQ once it is received more than maxReceiveCount times', async () => {
    const dlq = harness.service.loadQueue({ arn: queueArn('jobs-dlq'), properties: {} });
    const source = harness.service.loadQueue({
      arn: queueArn('jobs'),
      properties: { RedrivePolicy: { deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: 2 } },
    });
    await harness.client.send(new SendMessageCommand({ QueueUrl: source.queueUrl, MessageBody: 'poison' }));
    const receiveAndAbandon = new ReceiveMessageCommand({ QueueUrl: source.queueUrl, VisibilityTimeout: 0 });

    const first = await harness.client.send(receiveAndAbandon);
    const second = await harness.client.send(receiveAndAbandon);
    const third = await harness.client.send(receiveAndAbandon);
    const fromDlq = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: dlq.queueUrl }));

    expect([first, second].map((output) => output.Messages?.[0]?.Body)).toEqual(['poison', 'poison']);
    expect(third.Messages).toBeUndefined();
    expect(fromDlq.Messages?.[0]?.Body).toBe('poison');
  });

  it('lists the queues that use a queue as their DLQ', async () => {
    const dlq = harness.service.loadQueue({ arn: queueArn('jobs-dlq'), properties: {} });
    const source = harness.service.loadQueue({
      arn: queueArn('jobs'),
      properties: { RedrivePolicy: { deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: 5 } },
    });

    const output = await harness.client.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.queueUrl }));

    expect(output.queueUrls).toEqual([source.queueUrl]);
  });

  it('finds a template queue by name in the template account', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });

    const output = await harness.client.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));

    expect(output.QueueUrl).toBe(queueUrl);
  });

  it('holds back messages for the queue DelaySeconds', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('later'), properties: { DelaySeconds: 900 } });
    await harness.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later' }));

    const received = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const { Attributes } = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );

    expect(received.Messages).toBeUndefined();
    expect(Attributes?.ApproximateNumberOfMessagesDelayed).toBe('1');
  });

  it('deduplicates FIFO messages by content when ContentBasedDeduplication is on', async () => {
    const { queueUrl } = harness.service.loadQueue({
      arn: queueArn('orders.fifo'),
      properties: { FifoQueue: true, ContentBasedDeduplication: true },
    });
    const send = new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'order-1', MessageGroupId: 'customer-1' });

    const first = await harness.client.send(send);
    const second = await harness.client.send(send);
    const { Attributes } = await harness.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );

    expect(second.MessageId).toBe(first.MessageId);
    expect(Attributes?.ApproximateNumberOfMessages).toBe('1');
  });

  it('serves a client configured only through AWS_ENDPOINT_URL_SQS', async () => {
    const { queueUrl } = harness.service.loadQueue({ arn: queueArn('jobs'), properties: {} });
    process.env['AWS_ENDPOINT_URL_SQS'] = harness.baseUrl;
    const client = new SQSClient({ region: TEST_REGION, credentials: TEST_CREDENTIALS });

    try {
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'via env' }));
      const received = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));

      expect(received.Messages?.[0]?.Body).toBe('via env');
    } finally {
      delete process.env['AWS_ENDPOINT_URL_SQS'];
      client.destroy();
    }
  });
});
