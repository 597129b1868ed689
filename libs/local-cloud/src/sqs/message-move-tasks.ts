import { randomUUID } from 'node:crypto';
import { SqsApiError } from './errors';
import type { FauxqsEngine, SqsQueue } from './fauxqs-engine';
import { deadLetterTargetOf } from './redrive-rules';
import type { ReceivedSqsMessage } from './sqs-lambda-event';

interface MoveTask {
  TaskHandle: string;
  Status: 'COMPLETED' | 'FAILED';
  SourceArn: string;
  DestinationArn?: string;
  ApproximateNumberOfMessagesMoved: number;
  ApproximateNumberOfMessagesToMove: number;
  StartedTimestamp: number;
  FailureReason?: string;
}

type Input = Record<string, unknown>;

const resourceNotFound = (message: string) => new SqsApiError('ResourceNotFoundException', message);

/**
 * @internal
 * DLQ redrive (StartMessageMoveTask, ListMessageMoveTasks, CancelMessageMoveTask), which fauxqs lacks.
 * A task moves every visible message before StartMessageMoveTask answers (local queues are small), to the
 * DestinationArn or else back to the queue each message was dead-lettered from; so a task is never
 * running, only COMPLETED, or FAILED when some message's source is unknown (that message stays put).
 */
export class MessageMoveTasks {
  private readonly tasks = new Map<string, MoveTask[]>();

  constructor(private readonly engine: FauxqsEngine) {}

  async start(input: Input): Promise<object> {
    const sourceArn = String(input['SourceArn'] ?? '');
    const dlq =
      this.engine.queueByArn(sourceArn) ?? failWith(resourceNotFound(`The source queue ${sourceArn} does not exist.`));
    if (!this.engine.queues().some((queue) => deadLetterTargetOf(queue.attributes['RedrivePolicy']) === sourceArn)) {
      throw new SqsApiError('InvalidParameterValue', 'Source queue must be configured as a Dead Letter Queue.');
    }
    const destinationArn = typeof input['DestinationArn'] === 'string' ? input['DestinationArn'] : undefined;
    const destination = destinationArn
      ? (this.engine.queueByArn(destinationArn) ??
        failWith(resourceNotFound(`The destination queue ${destinationArn} does not exist.`)))
      : undefined;
    const task: MoveTask = {
      TaskHandle: randomUUID(),
      Status: 'COMPLETED',
      SourceArn: sourceArn,
      ...(destinationArn ? { DestinationArn: destinationArn } : {}),
      ApproximateNumberOfMessagesMoved: 0,
      ApproximateNumberOfMessagesToMove: Number(dlq.getAttribute('ApproximateNumberOfMessages')),
      StartedTimestamp: Date.now(),
    };
    await this.move(dlq, destination, task);
    this.tasks.set(sourceArn, [task, ...(this.tasks.get(sourceArn) ?? [])]);
    return { TaskHandle: task.TaskHandle };
  }

  list(input: Input): object {
    const sourceArn = String(input['SourceArn'] ?? '');
    if (!this.engine.queueByArn(sourceArn)) throw resourceNotFound(`The source queue ${sourceArn} does not exist.`);
    const maxResults = typeof input['MaxResults'] === 'number' ? input['MaxResults'] : 1;
    // A finished task has no handle in ListMessageMoveTasks: only a running one can be cancelled.
    const results = (this.tasks.get(sourceArn) ?? [])
      .slice(0, maxResults)
      .map(({ TaskHandle: _handle, ...task }) => task);
    return { Results: results };
  }

  cancel(input: Input): object {
    throw resourceNotFound(
      `Task ${String(input['TaskHandle'])} is not running: local move tasks finish when they start.`,
    );
  }

  private async move(dlq: SqsQueue, destination: SqsQueue | undefined, task: MoveTask): Promise<void> {
    const unmovable: string[] = [];
    for (let batch = await this.receive(dlq); batch.length > 0; batch = await this.receive(dlq)) {
      for (const message of batch) {
        const target = destination ?? this.engine.deadLetterSourceOf(message.MessageId);
        if (!target) {
          unmovable.push(message.ReceiptHandle);
          continue;
        }
        await this.engine.call('SendMessage', sendInputFor(target, message));
        await this.engine.call('DeleteMessage', { QueueUrl: dlq.url, ReceiptHandle: message.ReceiptHandle });
        task.ApproximateNumberOfMessagesMoved += 1;
      }
    }
    for (const receiptHandle of unmovable) {
      await this.engine.call('ChangeMessageVisibility', {
        QueueUrl: dlq.url,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: 0,
      });
    }
    if (unmovable.length > 0) {
      task.Status = 'FAILED';
      task.FailureReason = `${unmovable.length} message(s) have no known source queue; pass a DestinationArn`;
    }
  }

  private async receive(dlq: SqsQueue): Promise<ReceivedSqsMessage[]> {
    const output = await this.engine.call<{ Messages?: ReceivedSqsMessage[] }>('ReceiveMessage', {
      QueueUrl: dlq.url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
      VisibilityTimeout: 300,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    });
    return output.Messages ?? [];
  }
}

function sendInputFor(target: SqsQueue, message: ReceivedSqsMessage): Input {
  const input: Input = { QueueUrl: target.url, MessageBody: message.Body };
  if (message.MessageAttributes) input['MessageAttributes'] = message.MessageAttributes;
  if (target.isFifo()) {
    input['MessageGroupId'] = message.Attributes?.['MessageGroupId'] ?? 'redrive';
    // The original deduplication ID may still be inside its five-minute window.
    input['MessageDeduplicationId'] = randomUUID();
  }
  return input;
}

function failWith(error: SqsApiError): never {
  throw error;
}
