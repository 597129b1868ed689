import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { AnyEventDefinition } from '@shop/events';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** @internal Puts events on the bus as their producer would: `{ metadata, data }` under the contract's names. */
export async function putEvents(
  events: EventBridgeClient,
  busName: string,
  definition: AnyEventDefinition,
  datas: readonly unknown[],
): Promise<void> {
  for (let start = 0; start < datas.length; start += 10) {
    const entries = datas.slice(start, start + 10).map((data) => ({
      EventBusName: busName,
      Source: definition.source,
      DetailType: definition.detailType,
      Detail: JSON.stringify({ metadata: definition.sampleDetail.metadata, data }),
    }));
    const { FailedEntryCount } = await events.send(new PutEventsCommand({ Entries: entries }));
    if (FailedEntryCount) throw new Error(`${FailedEntryCount} events were not put`);
  }
}

function toRecord(message: Message, queueUrl: string): SQSRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
      SentTimestamp: message.Attributes?.SentTimestamp ?? '0',
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueUrl.slice(queueUrl.lastIndexOf('/') + 1)}`,
    awsRegion: 'us-east-1',
  };
}

async function receive(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      // Longer than any batch takes here, so no message comes back to another poller while it is handled.
      VisibilityTimeout: 300,
      AttributeNames: ['All'],
    }),
  );
  return Messages;
}

/** @internal One poll as Lambda's SQS poller does it: receive a batch, invoke, delete all but the failures. */
async function pollOnce(sqs: SQSClient, queueUrl: string, handler: SqsHandler): Promise<number> {
  const messages = await receive(sqs, queueUrl);
  if (messages.length === 0) return 0;
  const response = await handler({ Records: messages.map((m) => toRecord(m, queueUrl)) }, aLambdaContext()).catch(
    () => ({ batchItemFailures: messages.map((m) => ({ itemIdentifier: m.MessageId ?? '' })) }),
  );
  const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
  for (const message of messages) {
    const ReceiptHandle = message.ReceiptHandle ?? '';
    // A failure is visible again at once (not after the visibility timeout), so retries do not slow tests down.
    if (failed.has(message.MessageId ?? '')) {
      await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle, VisibilityTimeout: 0 }));
    } else {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle }));
    }
  }
  return messages.length;
}

/**
 * @internal Stands in for Lambda's SQS event source mapping: `pollers` concurrent loops receive batches of up
 * to 10 and invoke the handler, until the queue has stayed empty for a few polls. Returns the records handled.
 */
export async function drainQueue(sqs: SQSClient, queueUrl: string, handler: SqsHandler, pollers = 1): Promise<number> {
  let handled = 0;
  const poller = async () => {
    for (let empty = 0; empty < 3;) {
      const count = await pollOnce(sqs, queueUrl, handler);
      handled += count;
      empty = count === 0 ? empty + 1 : 0;
    }
  };
  await Promise.all(Array.from({ length: pollers }, poller));
  return handled;
}

/** @internal Every message now in a queue (deleted as read), parsed, with its message attributes. */
export async function readAll(sqs: SQSClient, queueUrl: string) {
  const found: { body: Record<string, unknown>; attributes: Record<string, string | undefined> }[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) return found;
    for (const message of Messages) {
      const attributes = Object.fromEntries(
        Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
      );
      found.push({ body: JSON.parse(message.Body ?? '{}') as Record<string, unknown>, attributes });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle ?? '' }));
    }
  }
}
