import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Json, LambdaInvoker, QueueSender } from '../../core/contracts';
import { UnsupportedDestinationError } from '../errors';
import type { StreamMappingConfig } from './event-source-mapping-config';
import type { StreamRecord, TableStream } from './stream-store';

export interface DeliveryDeps {
  readonly lambda: LambdaInvoker;
  readonly queues?: QueueSender;
  /** Wait before retry `attempt` (1-based). Lambda backs off; default 100 ms doubling up to 5 s. */
  readonly retryDelayMs?: (attempt: number) => number;
  readonly onError?: (error: unknown) => void;
}

type Outcome = { ok: true } | { ok: false; failedFrom: number; error?: unknown };
type Condition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/**
 * Invokes the function with one batch, as Lambda's stream poller does: retries a failed batch (from the
 * first reported failure with ReportBatchItemFailures), bisects it on error when asked, and when retries or
 * record age run out, sends the batch's description to the on-failure destination and moves on.
 */
export class BatchDelivery {
  #stopped = false;

  constructor(
    private readonly config: StreamMappingConfig,
    private readonly stream: TableStream,
    private readonly deps: DeliveryDeps,
  ) {}

  stop(): void {
    this.#stopped = true;
  }

  async deliver(batch: StreamRecord[], attemptsSoFar = 0): Promise<void> {
    let pending = batch;
    let attempts = attemptsSoFar;
    while (pending.length && !this.#stopped) {
      pending = await this.#dropExpired(pending, attempts);
      if (!pending.length) return;
      const outcome = await this.#invoke(pending);
      if (outcome.ok) return;
      attempts += 1;
      if (this.config.maxRetries >= 0 && attempts > this.config.maxRetries) {
        return this.#discard(pending, 'RetryAttemptsExhausted', attempts);
      }
      pending = pending.slice(outcome.failedFrom);
      if (outcome.failedFrom === 0 && this.config.bisectOnError && pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await this.deliver(pending.slice(0, half), attempts);
        return this.deliver(pending.slice(half), attempts);
      }
      await sleep((this.deps.retryDelayMs ?? defaultDelay)(attempts));
    }
  }

  async #invoke(batch: StreamRecord[]): Promise<Outcome> {
    const event = { Records: batch.map((record) => ({ ...record, eventSourceARN: this.stream.arn })) };
    try {
      const result = await this.deps.lambda.invoke(this.config.functionArn, event as unknown as Json);
      return this.config.reportBatchItemFailures ? partialOutcome(result, batch) : { ok: true };
    } catch (error) {
      return { ok: false, failedFrom: 0, error };
    }
  }

  async #dropExpired(batch: StreamRecord[], attempts: number): Promise<StreamRecord[]> {
    if (this.config.maxRecordAgeS < 0) return batch;
    const oldest = Date.now() / 1000 - this.config.maxRecordAgeS;
    const expired = batch.filter((record) => record.dynamodb.ApproximateCreationDateTime < oldest);
    if (expired.length) await this.#discard(expired, 'RecordAgeExceeded', attempts);
    return batch.filter((record) => !expired.includes(record));
  }

  async #discard(batch: StreamRecord[], condition: Condition, attempts: number): Promise<void> {
    const destination = this.config.onFailureDestination;
    const [first] = batch;
    const last = batch.at(-1);
    if (!destination || !first || !last) return;
    try {
      if (!destination.startsWith('arn:aws:sqs:') || !this.deps.queues) {
        throw new UnsupportedDestinationError(`On-failure destination ${destination} is not emulated (only SQS queues are)`);
      }
      const info = this.#failureRecord(first.dynamodb, last.dynamodb, batch.length, condition, attempts);
      await this.deps.queues.sendMessage(destination, JSON.stringify(info));
    } catch (error) {
      (this.deps.onError ?? console.warn)(error);
    }
  }

  #failureRecord(
    first: StreamRecord['dynamodb'],
    last: StreamRecord['dynamodb'],
    batchSize: number,
    condition: Condition,
    attempts: number,
  ): Record<string, Json> {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    return {
      requestContext: { requestId: randomUUID(), functionArn: this.config.functionArn, condition, approximateInvokeCount: attempts },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId: this.stream.shardId,
        startSequenceNumber: first.SequenceNumber,
        endSequenceNumber: last.SequenceNumber,
        approximateArrivalOfFirstRecord: iso(first.ApproximateCreationDateTime),
        approximateArrivalOfLastRecord: iso(last.ApproximateCreationDateTime),
        batchSize,
        streamArn: this.stream.arn,
      },
    };
  }
}

/**
 * ReportBatchItemFailures: no failures (or no list) is success; otherwise Lambda resumes from the earliest
 * failed record, and an identifier that names no record in the batch fails the whole batch.
 */
function partialOutcome(result: Json, batch: StreamRecord[]): Outcome {
  const failures = (result as { batchItemFailures?: Array<{ itemIdentifier?: unknown }> } | null)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return { ok: true };
  const positions = failures.map(({ itemIdentifier }) =>
    batch.findIndex((record) => record.dynamodb.SequenceNumber === itemIdentifier),
  );
  return { ok: false, failedFrom: positions.some((position) => position < 0) ? 0 : Math.min(...positions) };
}

function defaultDelay(attempt: number): number {
  return Math.min(100 * 2 ** (attempt - 1), 5000);
}
