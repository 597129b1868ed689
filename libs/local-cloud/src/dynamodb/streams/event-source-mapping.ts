import { randomUUID } from 'node:crypto';
import type { Json } from '../../core/contracts';
import { InvalidEventSourceMappingError } from '../errors';
import { BatchDelivery, type DeliveryDeps } from './batch-delivery';
import { streamMappingConfigFrom, type StreamMappingConfig } from './event-source-mapping-config';
import { matchesAnyFilter } from './filter-pattern';
import type { StreamRecord, StreamStore, TableStream } from './stream-store';

export interface EventSourceMappingDeps extends DeliveryDeps {
  readonly region?: string;
  readonly accountId?: string;
}

/** A running poller for one event source mapping. */
export interface StreamEventSourceMapping {
  readonly uuid: string;
  readonly config: StreamMappingConfig;
  /** Stops polling; an invocation in flight finishes first. */
  stop(): Promise<void>;
}

/**
 * Starts Lambda's stream poller for an AWS::Lambda::EventSourceMapping on a DynamoDB stream: batches of up
 * to BatchSize records (after waiting up to MaximumBatchingWindowInSeconds to fill one), filtered by
 * FilterCriteria, delivered in order through the lambda service's own invoke entry point.
 *
 * @example
 * const mapping = startStreamEventSourceMapping(streams, resolvedProperties, { lambda, queues });
 * await mapping.stop();
 */
export function startStreamEventSourceMapping(
  streams: StreamStore,
  properties: Record<string, unknown>,
  deps: EventSourceMappingDeps,
): StreamEventSourceMapping {
  const config = streamMappingConfigFrom(properties, deps.region ?? 'us-east-1', deps.accountId ?? '000000000000');
  const stream = streams.get(config.streamArn);
  if (!stream) throw new InvalidEventSourceMappingError(`No such stream: ${config.streamArn}`);
  const poller = new StreamPoller(config, stream, new BatchDelivery(config, stream, deps), deps.onError);
  if (config.enabled) poller.start();
  return poller;
}

class StreamPoller implements StreamEventSourceMapping {
  readonly uuid = randomUUID();
  #stopped = false;
  #wake: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(
    readonly config: StreamMappingConfig,
    private readonly stream: TableStream,
    private readonly delivery: BatchDelivery,
    private readonly onError: (error: unknown) => void = console.warn,
  ) {}

  start(): void {
    // LATEST is fixed now, so records written after the mapping starts are delivered, and none before.
    const from = this.config.startingPosition === 'LATEST' ? this.stream.latestPosition() : 0n;
    this.#running = this.#poll(from).catch(this.onError);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.delivery.stop();
    this.#wake?.();
    await this.#running;
  }

  async #poll(from: bigint): Promise<void> {
    let position = from;
    while (!this.#stopped) {
      const batch = await this.#nextBatch(position);
      const last = batch.at(-1);
      if (!last) continue;
      position = BigInt(last.dynamodb.SequenceNumber) + 1n;
      const matching = batch.filter((record) =>
        matchesAnyFilter(this.config.filters, { ...record, eventSourceARN: this.stream.arn } as unknown as Json),
      );
      if (matching.length) await this.delivery.deliver(matching);
    }
  }

  async #nextBatch(position: bigint): Promise<StreamRecord[]> {
    const read = () => this.stream.readFrom(position, this.config.batchSize);
    if (!read().length) await this.#pause();
    if (this.config.batchingWindowMs > 0 && read().length < this.config.batchSize) await this.#pause(this.config.batchingWindowMs);
    return this.#stopped ? [] : read();
  }

  /** Waits for the next appended record (or the time given), or until stopped. */
  async #pause(ms?: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(finish, ms);
      const unsubscribe = ms === undefined ? this.stream.onAppend(finish) : () => undefined;
      this.#wake = finish;
      function finish(): void {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}
