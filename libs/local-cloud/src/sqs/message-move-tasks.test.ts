import {
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  ResourceNotFoundException,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueArn, startSqsHarness, type SqsHarness } from './test-support';

let harness: SqsHarness;
beforeEach(async () => {
  harness = await startSqsHarness();
});
afterEach(async () => {
  await harness.close();
});

/** A queue whose messages go to `jobs-dlq` on their second receive, with one message dead-lettered already. */
async function deadLetterOneMessage(): Promise<{ sourceUrl: string; dlqUrl: string }> {
  const dlq = harness.service.loadQueue({ arn: queueArn('jobs-dlq'), properties: {} });
  const source = harness.service.loadQueue({
    arn: queueArn('jobs'),
    properties: { RedrivePolicy: { deadLetterTargetArn: queueArn('jobs-dlq'), maxReceiveCount: 1 } },
  });
  await harness.client.send(
    new SendMessageCommand({
      QueueUrl: source.queueUrl,
      MessageBody: 'failed job',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'export' } },
    }),
  );
  const abandon = new ReceiveMessageCommand({ QueueUrl: source.queueUrl, VisibilityTimeout: 0 });
  await harness.client.send(abandon);
  await harness.client.send(abandon);
  return { sourceUrl: source.queueUrl, dlqUrl: dlq.queueUrl };
}

describe('DLQ redrive', () => {
  it('reports the queue a dead-lettered message came from', async () => {
    const { dlqUrl } = await deadLetterOneMessage();

    const output = await harness.client.send(
      new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['All'] }),
    );

    expect(output.Messages?.[0]?.Attributes?.DeadLetterQueueSourceArn).toBe(queueArn('jobs'));
  });

  it('moves dead-lettered messages back to their source queue', async () => {
    const { sourceUrl, dlqUrl } = await deadLetterOneMessage();

    await harness.client.send(new StartMessageMoveTaskCommand({ SourceArn: queueArn('jobs-dlq') }));
    const redriven = await harness.client.send(
      new ReceiveMessageCommand({ QueueUrl: sourceUrl, MessageAttributeNames: ['All'] }),
    );
    const leftInDlq = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }));
    const tasks = await harness.client.send(new ListMessageMoveTasksCommand({ SourceArn: queueArn('jobs-dlq') }));

    expect(redriven.Messages?.[0]?.Body).toBe('failed job');
    expect(redriven.Messages?.[0]?.MessageAttributes?.['kind']?.StringValue).toBe('export');
    expect(leftInDlq.Messages).toBeUndefined();
    expect(tasks.Results?.[0]).toMatchObject({
      Status: 'COMPLETED',
      ApproximateNumberOfMessagesMoved: 1,
      SourceArn: queueArn('jobs-dlq'),
    });
  });

  it('moves dead-lettered messages to a DestinationArn', async () => {
    await deadLetterOneMessage();
    const other = harness.service.loadQueue({ arn: queueArn('jobs-replay'), properties: {} });

    await harness.client.send(
      new StartMessageMoveTaskCommand({ SourceArn: queueArn('jobs-dlq'), DestinationArn: queueArn('jobs-replay') }),
    );
    const replayed = await harness.client.send(new ReceiveMessageCommand({ QueueUrl: other.queueUrl }));

    expect(replayed.Messages?.[0]?.Body).toBe('failed job');
  });

  it('refuses a source queue that does not exist', async () => {
    const start = harness.client.send(new StartMessageMoveTaskCommand({ SourceArn: queueArn('nowhere') }));

    await expect(start).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
