import { GetQueueAttributesCommand, ListQueuesCommand, StartMessageMoveTaskCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueSummary {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  /** ApproximateNumberOfMessages: ready to be received. */
  readonly visible: number;
  /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted. */
  readonly inFlight: number;
  readonly delayed: number;
  /** The DLQ this queue redrives to, from its RedrivePolicy. */
  readonly deadLetterTargetArn?: string;
  /** Whether another queue redrives to this one: the console offers a redrive for it. */
  readonly isDeadLetterQueue: boolean;
}

/**
 * Every queue with its message counts and dead-letter wiring (ListQueues, GetQueueAttributes).
 * @example await listQueues(new SQSClient({ endpoint })); // [{ name: 'payments-dlq', visible: 2, isDeadLetterQueue: true, ... }]
 */
export async function listQueues(sqs: SQSClient): Promise<QueueSummary[]> {
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({}));
  const queues = await Promise.all(
    QueueUrls.map(async (url) => {
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
      const redrive = Attributes.RedrivePolicy ? (JSON.parse(Attributes.RedrivePolicy) as { deadLetterTargetArn?: string }) : {};
      return {
        name: url.split('/').pop() ?? url,
        url,
        arn: Attributes.QueueArn ?? '',
        visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
        delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
        ...(redrive.deadLetterTargetArn && { deadLetterTargetArn: redrive.deadLetterTargetArn }),
      };
    }),
  );
  const targets = new Set(queues.map((q) => q.deadLetterTargetArn).filter(Boolean));
  return queues.map((q) => ({ ...q, isDeadLetterQueue: targets.has(q.arn) })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Moves a DLQ's messages back to the queues they came from (StartMessageMoveTask without a destination).
 * @example await redrive(sqs, 'arn:aws:sqs:us-east-1:000000000000:payments-dlq'); // { taskHandle }
 */
export async function redrive(sqs: SQSClient, sourceArn: string): Promise<{ taskHandle: string }> {
  const { TaskHandle = '' } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: sourceArn }));
  return { taskHandle: TaskHandle };
}
