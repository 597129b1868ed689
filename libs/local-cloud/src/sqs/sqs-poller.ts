import { setTimeout as sleep } from 'node:timers/promises';
import type { LambdaInvoker } from '../core/contracts';
import { readBatchItemFailures, type BatchFailures } from './batch-response';
import { matchesAnyFilter } from './event-filter';
import type { SqsEventSourceMapping } from './event-source-mapping';
import type { FauxqsEngine } from './fauxqs-engine';
import { addDeadLetterSourceArns } from './sqs-api';
import { toSqsLambdaRecord, type ReceivedSqsMessage, type SqsLambdaRecord } from './sqs-lambda-event';

/** Where a poller reports what a user should see: malformed batch responses, a queue that went away. */
export interface PollerLogger {
  warn(message: string, details: Record<string, unknown>): void;
}

/** @internal What a poller needs from the rest of the local cloud. */
export interface PollerDependencies {
  engine: FauxqsEngine;
  invoker: LambdaInvoker;
  logger: PollerLogger;
}

// Long polls stay short so that stop() returns within about a second; an arriving message still ends a
// poll at once, so this costs no latency.
const POLL_WAIT_SECONDS = 1;
const RETRY_AFTER_ERROR_MS = 1_000;

/**
 * @internal
 * Lambda's SQS poller for one event source mapping: `maximumConcurrency` workers, each gathering a batch
 * (up to `batchSize`, for up to `batchingWindowSeconds`), invoking the function with it, and deleting what
 * succeeded. What failed stays in flight until its visibility timeout ends, then comes back with a higher
 * receive count, until the queue's redrive policy moves it to the DLQ.
 */
export class SqsPoller {
  private stopping = false;
  private workers: Promise<void>[] = [];

  constructor(
    readonly mapping: SqsEventSourceMapping,
    private readonly queueUrl: string,
    private readonly deps: PollerDependencies,
  ) {}

  start(): void {
    if (!this.mapping.enabled || this.workers.length > 0) return;
    this.stopping = false;
    this.workers = Array.from({ length: this.mapping.maximumConcurrency }, () => this.work());
  }

  /** Stops polling; a batch being processed finishes, a batch just received goes straight back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
    this.workers = [];
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      try {
        const batch = await this.collectBatch();
        if (batch.length === 0) continue;
        if (this.stopping) await this.release(batch);
        else await this.process(batch);
      } catch (error) {
        this.deps.logger.warn('SQS poller failed; retrying', { mapping: this.mapping.id, error: String(error) });
        await sleep(RETRY_AFTER_ERROR_MS);
      }
    }
  }

  private async collectBatch(): Promise<ReceivedSqsMessage[]> {
    const { batchSize, batchingWindowSeconds } = this.mapping;
    const batch: ReceivedSqsMessage[] = [];
    let deadline: number | undefined;
    while (!this.stopping && batch.length < batchSize) {
      const remainingMs = deadline === undefined ? POLL_WAIT_SECONDS * 1_000 : deadline - Date.now();
      if (remainingMs <= 0) break;
      const waitSeconds = Math.min(POLL_WAIT_SECONDS, Math.ceil(remainingMs / 1_000));
      batch.push(...(await this.receive(Math.min(10, batchSize - batch.length), waitSeconds)));
      if (batch.length === 0) continue;
      if (batchingWindowSeconds === 0) break;
      deadline ??= Date.now() + batchingWindowSeconds * 1_000;
    }
    return batch;
  }

  private async process(batch: ReceivedSqsMessage[]): Promise<void> {
    const records = batch.map((message) => toSqsLambdaRecord(message, this.mapping.queueArn));
    const matching = records.filter((record) => matchesAnyFilter(this.mapping.filters, record));
    // Lambda deletes SQS messages that no filter matches.
    await this.delete(records.filter((record) => !matching.includes(record)));
    if (matching.length === 0) return;
    const failures = await this.invoke(matching);
    if (failures.all) return;
    await this.delete(matching.filter((record) => !failures.messageIds.has(record.messageId)));
  }

  private async invoke(records: SqsLambdaRecord[]): Promise<BatchFailures> {
    const { functionArn, reportBatchItemFailures, id } = this.mapping;
    let response;
    try {
      response = await this.deps.invoker.invoke(functionArn, { Records: records });
    } catch (error) {
      return { all: true, reason: `the function failed: ${String(error)}` };
    }
    if (!reportBatchItemFailures) return { all: false, messageIds: new Set() };
    const failures = readBatchItemFailures(response, new Set(records.map((record) => record.messageId)));
    if (failures.all)
      this.deps.logger.warn('Malformed batch response; the whole batch failed', {
        mapping: id,
        reason: failures.reason,
      });
    return failures;
  }

  private async receive(maxMessages: number, waitSeconds: number): Promise<ReceivedSqsMessage[]> {
    const output = await this.deps.engine.call<{ Messages?: ReceivedSqsMessage[] }>('ReceiveMessage', {
      QueueUrl: this.queueUrl,
      MaxNumberOfMessages: maxMessages,
      WaitTimeSeconds: waitSeconds,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    });
    const messages = output.Messages ?? [];
    addDeadLetterSourceArns(this.deps.engine, messages);
    return messages;
  }

  private async delete(records: SqsLambdaRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += 10) {
      const Entries = records
        .slice(start, start + 10)
        .map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle }));
      await this.deps.engine.call('DeleteMessageBatch', { QueueUrl: this.queueUrl, Entries });
    }
  }

  private async release(batch: ReceivedSqsMessage[]): Promise<void> {
    for (const message of batch) {
      await this.deps.engine.call('ChangeMessageVisibility', {
        QueueUrl: this.queueUrl,
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      });
    }
  }
}
