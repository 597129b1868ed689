import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPaymentsQueueApp } from '../../test-stacks/e2e/payments-queue-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let sqs: SQSClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthPaymentsQueueApp, 'Payments');
  sqs = new SQSClient({});
  dynamodb = new DynamoDBClient({});
});

afterAll(async () => {
  sqs?.destroy();
  dynamodb?.destroy();
  await e2e?.stop();
});

const getPayment = async (paymentId: string) =>
  (await dynamodb.send(new GetItemCommand({ TableName: e2e.output('TableName'), Key: { pk: { S: `PAYMENT#${paymentId}` } } }))).Item;

async function receiveDeadLetters(): Promise<Message[]> {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: e2e.output('DeadLetterQueueUrl'), WaitTimeSeconds: 1, VisibilityTimeout: 0 }));
  return Messages ?? [];
}

describe('a queue consumer reporting partial batch failures', () => {
  it("reports the queue's event source mapping as emulated by sqs at start-up", () => {
    const report = e2e.cloud.report;

    expect(report).toContainEqual(expect.stringMatching(/^emulated\s+AWS::Lambda::EventSourceMapping x1: by sqs$/));
    expect(report).toContainEqual(expect.stringMatching(/^emulated\s+AWS::SQS::Queue x2: by sqs$/));
  });

  it('processes the good messages of a batch once and moves the poison message to the dead-letter queue', async () => {
    // The queue URL is the stack output (Ref of the queue): what a producer's environment variable would hold.
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: e2e.output('QueueUrl'),
        Entries: [
          { Id: 'good-1', MessageBody: JSON.stringify({ paymentId: 'p-1' }) },
          { Id: 'poison', MessageBody: '{ this is not JSON' },
          { Id: 'good-2', MessageBody: JSON.stringify({ paymentId: 'p-2' }) },
        ],
      }),
    );

    // Two failed receives (maxReceiveCount 2), each ending with the 6 s visibility timeout, then the redrive.
    const deadLetters = await eventually(receiveDeadLetters, (messages) => messages.length > 0, 80, 500);
    const [first, second] = [await getPayment('p-1'), await getPayment('p-2')];
    expect(deadLetters.map((message) => message.Body)).toEqual(['{ this is not JSON']);
    expect(first).toEqual({ pk: { S: 'PAYMENT#p-1' }, receiveCount: { N: '1' } });
    expect(second).toEqual({ pk: { S: 'PAYMENT#p-2' }, receiveCount: { N: '1' } });
  }, 60_000);
});
