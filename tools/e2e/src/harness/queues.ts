import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { DeadlineExceededError, eventually } from './poll';
import { shopStacks, type ShopTarget } from './target';

/** A service's inbox queue (the one Lambda consumes) and the dead-letter queue its redrive policy names. */
export interface Inbox {
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

/** No queue, or more than one, of the stateless stack fits the name and has a redrive policy. */
export class InboxNotFoundError extends Error {
  override readonly name = 'InboxNotFoundError';
  readonly code = 'E2E.INBOX_NOT_FOUND';
}

/**
 * Finds an inbox by a part of its name (`OrderPlacedInbox`) among the stateless stack's queues: the one with a
 * RedrivePolicy (its dead-letter queues have none), and that policy's dead-letter queue.
 *
 * @throws InboxNotFoundError when not exactly one queue fits.
 * @example
 * const { deadLetterQueueUrl } = await findInbox(sqs, target, 'ProductsOrderPlacedInbox');
 */
export async function findInbox(sqs: SQSClient, target: ShopTarget, namePart: string): Promise<Inbox> {
  const candidates = (await listQueues(sqs, `${shopStacks(target.stage).stateless}-`)).filter((url) =>
    url.includes(namePart),
  );
  const redriven = await Promise.all(
    candidates.map(async (queueUrl) => ({ queueUrl, policy: await attribute(sqs, queueUrl, 'RedrivePolicy') })),
  );
  const inboxes = redriven.filter((queue) => queue.policy !== undefined);
  const [inbox] = inboxes;
  if (!inbox?.policy || inboxes.length > 1) {
    throw new InboxNotFoundError(
      `Expected one queue named *${namePart}* with a redrive policy, found ${inboxes.length} among ${candidates.join(', ') || 'none'}`,
    );
  }
  const { deadLetterTargetArn } = JSON.parse(inbox.policy) as { deadLetterTargetArn: string };
  const [, , , , account, QueueName] = deadLetterTargetArn.split(':');
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName, QueueOwnerAWSAccountId: account }));
  return { queueUrl: inbox.queueUrl, deadLetterQueueUrl: QueueUrl ?? '' };
}

/**
 * Waits for a message whose body satisfies `match` on a (dead-letter) queue, deletes it, and returns its body.
 * Other messages are left where they are (visible again a second later).
 *
 * @throws DeadlineExceededError when none arrives within `timeoutMs`.
 * @example
 * const body = await takeMessage(sqs, inbox.deadLetterQueueUrl, (body) => body.includes(orderId), 400_000);
 */
export async function takeMessage(
  sqs: SQSClient,
  queueUrl: string,
  match: (body: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        VisibilityTimeout: 1,
      }),
    );
    const found = Messages.find((message) => match(message.Body ?? ''));
    if (found) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: found.ReceiptHandle ?? '' }));
      return found.Body ?? '';
    }
  }
  throw new DeadlineExceededError(`No matching message on ${queueUrl} within ${timeoutMs} ms`);
}

/** Messages on a queue: waiting, in flight (received, not yet deleted) and delayed. Approximate in AWS. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const names = [
    'ApproximateNumberOfMessages',
    'ApproximateNumberOfMessagesNotVisible',
    'ApproximateNumberOfMessagesDelayed',
  ] as const;
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...names] }),
  );
  return names.reduce((sum, name) => sum + Number(Attributes[name] ?? 0), 0);
}

async function listQueues(sqs: SQSClient, prefix: string): Promise<string[]> {
  const urls: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 1000, NextToken }));
    urls.push(...(page.QueueUrls ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return urls;
}

async function attribute(sqs: SQSClient, queueUrl: string, name: 'RedrivePolicy'): Promise<string | undefined> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [name] }));
  return Attributes?.[name];
}

/**
 * Waits until a queue has had no message (waiting, in flight or delayed) on three reads a second apart: the
 * only sign that a consumer has handled messages whose handling publishes nothing. The reads are spread
 * because delivery to the queue is asynchronous and, in AWS, the counts are approximate.
 *
 * @throws DeadlineExceededError when the queue is still busy after `timeoutMs`.
 * @example
 * await waitUntilDrained(sqs, inbox.queueUrl, 120_000);
 */
export async function waitUntilDrained(sqs: SQSClient, queueUrl: string, timeoutMs: number): Promise<void> {
  let quietReads = 0;
  await eventually(
    async () => {
      quietReads = (await queueDepth(sqs, queueUrl)) === 0 ? quietReads + 1 : 0;
      return quietReads;
    },
    (reads) => reads >= 3,
    { what: `no message on ${queueUrl}`, timeoutMs, intervalMs: 1_000 },
  );
}
