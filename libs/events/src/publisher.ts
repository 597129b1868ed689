import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import type { z } from 'zod';
import { DEFAULT_RETRY_POLICY, backoffDelay, sleep, type RetryPolicy } from './backoff';
import { currentCorrelation, newCorrelationId } from './correlation';
import type { AnyEventDefinition, EventDefinition } from './define-event';
import { DOMAIN, type Service } from './envelope';
import { MAX_PUT_EVENTS_BYTES, putEventsEntrySize, toBatches } from './entry-size';
import {
  EventProducerMismatchError,
  EventPublishError,
  EventTooLargeError,
  EventValidationError,
  type FailedEntry,
} from './errors';
import { toIssues } from './parse';

/** One event to publish: a definition, its data, and optionally EventBridge `resources` and `time`. */
export type OutgoingEvent<E extends AnyEventDefinition = AnyEventDefinition> = {
  readonly definition: E;
  readonly data: z.input<E['data']>;
  /** ARNs the event is about (EventBridge `resources`). */
  readonly resources?: readonly string[];
  /** When the fact happened; EventBridge uses the time it received the event if not set. */
  readonly time?: Date;
};

/** Any event definition produced by `S`. */
export type ProducedBy<S extends Service> = EventDefinition<S, string, string, z.ZodObject>;

export type EventPublisherOptions<S extends Service = Service> = {
  readonly client: EventBridgeClient;
  readonly eventBusName: string;
  /** The publishing service: it may publish only the events it produces (checked by the types, and at run time). */
  readonly service: S;
  /** The stage, written to `metadata.environment`. */
  readonly environment: string;
  readonly retry?: Partial<RetryPolicy>;
  /** How to wait between attempts; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of jitter, in [0, 1). */
  readonly random?: () => number;
};

export type PublishResult = {
  /** EventBridge's id of each event, in the order given. */
  readonly eventIds: readonly string[];
};

/**
 * An event to publish, typed by its definition.
 *
 * @example
 * await publisher.publish(eventOf(OrderCancelled, data, { resources: [orderArn] }));
 */
export function eventOf<E extends AnyEventDefinition>(
  definition: E,
  data: z.input<E['data']>,
  options: { resources?: readonly string[]; time?: Date } = {},
): OutgoingEvent<E> {
  return { definition, data, ...options };
}

type Prepared = { readonly index: number; readonly entry: PutEventsRequestEntry; readonly size: number };
type Pending = { readonly prepared: Prepared; readonly result: PutEventsResultEntry };
type Attempted = { readonly eventIds: Map<number, string>; readonly failed: FailedEntry[]; readonly thrown?: unknown };

/**
 * Publishes events to EventBridge: validates each against its producer's schema, fills `metadata` from the
 * current correlation context, sends at most 10 entries (and 256 KB) per PutEvents, retries only the failed
 * entries with exponential backoff and jitter, and throws if any event is still not published.
 *
 * @example
 * const publisher = new EventPublisher({ client: new EventBridgeClient({}), eventBusName, service: 'orders', environment: 'prod' });
 * await withCorrelation({ correlationId }, () => publisher.publish(eventOf(OrderCancelled, data)));
 */
export class EventPublisher<S extends Service = Service> {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: EventPublisherOptions<S>) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
  }

  /**
   * Publishes one event or several. Every event is validated and sized before anything is sent.
   *
   * @throws EventValidationError, EventProducerMismatchError or EventTooLargeError before any call.
   * @throws EventPublishError listing each event still refused after the last attempt.
   */
  async publish(
    events: OutgoingEvent<ProducedBy<S>> | readonly OutgoingEvent<ProducedBy<S>>[],
  ): Promise<PublishResult> {
    const list: readonly OutgoingEvent[] = Array.isArray(events) ? events : [events as OutgoingEvent];
    const prepared = this.prepareAll(list);
    const eventIds = new Map<number, string>();
    const failed: FailedEntry[] = [];
    let firstThrown: unknown;
    for (const batch of toBatches(prepared)) {
      const attempted = await this.sendWithRetries(batch);
      attempted.eventIds.forEach((id, index) => eventIds.set(index, id));
      failed.push(...attempted.failed);
      firstThrown ??= attempted.thrown;
    }
    if (failed.length > 0) {
      throw new EventPublishError(failed, eventIds.size, firstThrown === undefined ? {} : { cause: firstThrown });
    }
    return { eventIds: prepared.map(({ index }) => eventIds.get(index) ?? '') };
  }

  private prepareAll(events: readonly OutgoingEvent[]): Prepared[] {
    const context = currentCorrelation();
    const correlationId = context?.correlationId ?? newCorrelationId();
    const causationId = context?.causationId ?? correlationId;
    return events.map((event, index) => this.prepare(event, index, { correlationId, causationId }));
  }

  private prepare(event: OutgoingEvent, index: number, ids: { correlationId: string; causationId: string }): Prepared {
    const { definition } = event;
    if (definition.producer !== this.options.service) {
      throw new EventProducerMismatchError(definition.detailType, definition.producer, this.options.service);
    }
    const metadata = {
      correlation_id: ids.correlationId,
      causation_id: ids.causationId,
      domain: DOMAIN,
      service: definition.producer,
      environment: this.options.environment,
      event_version: definition.version,
    };
    // The whole detail is checked, so a bad stage name is caught here and not by every consumer.
    const detail = definition.detail.safeParse({ metadata, data: event.data });
    if (!detail.success)
      throw new EventValidationError(definition.key, toIssues(detail.error), { cause: detail.error });
    const entry: PutEventsRequestEntry = {
      EventBusName: this.options.eventBusName,
      Source: definition.source,
      DetailType: definition.detailType,
      Detail: JSON.stringify(detail.data),
      ...(event.resources === undefined ? {} : { Resources: [...event.resources] }),
      ...(event.time === undefined ? {} : { Time: event.time }),
    };
    const size = putEventsEntrySize(entry);
    if (size > MAX_PUT_EVENTS_BYTES)
      throw new EventTooLargeError(definition.detailType, index, size, MAX_PUT_EVENTS_BYTES);
    return { index, entry, size };
  }

  private async sendWithRetries(batch: readonly Prepared[]): Promise<Attempted> {
    const eventIds = new Map<number, string>();
    let pending: Pending[] = batch.map((prepared) => ({ prepared, result: {} }));
    for (let attempt = 1; attempt <= this.retry.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 1) await this.sleep(backoffDelay(attempt - 1, this.retry, this.random));
      let results: PutEventsResultEntry[];
      try {
        const response = await this.options.client.send(
          new PutEventsCommand({ Entries: pending.map((p) => p.prepared.entry) }),
        );
        results = response.Entries ?? [];
      } catch (error) {
        // The SDK has already retried what it could (throttling, 5xx); report the entries rather than guess.
        return { eventIds, failed: pending.map((p) => failure(p.prepared, thrownResult(error))), thrown: error };
      }
      // Results come back in the order of the entries sent; a missing result counts as a failure.
      pending = pending.flatMap(({ prepared }, i) => {
        const result = results[i] ?? {};
        if (result.EventId === undefined || result.ErrorCode !== undefined) return [{ prepared, result }];
        eventIds.set(prepared.index, result.EventId);
        return [];
      });
    }
    return { eventIds, failed: pending.map((p) => failure(p.prepared, p.result)) };
  }
}

function thrownResult(error: unknown): PutEventsResultEntry {
  if (error instanceof Error) return { ErrorCode: error.name, ErrorMessage: error.message };
  return { ErrorCode: 'UnknownError', ErrorMessage: String(error) };
}

function failure(prepared: Prepared, result: PutEventsResultEntry): FailedEntry {
  return {
    index: prepared.index,
    detailType: prepared.entry.DetailType ?? '',
    errorCode: result.ErrorCode ?? 'NoResult',
    errorMessage: result.ErrorMessage ?? 'EventBridge returned no result for this entry',
  };
}
