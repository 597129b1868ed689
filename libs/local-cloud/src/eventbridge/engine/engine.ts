import type { EventSender } from '../../core/contracts';
import { ValidationError } from '../errors';
import { matchesPattern } from '../pattern';
import { ApiDestinationRegistry } from './api-destinations';
import { ArchiveStore, type Replay, type ReplayDefinition } from './archives';
import { Arns } from './arns';
import { BusRegistry } from './bus-registry';
import { deliver, exponentialBackoff, type RetryTiming } from './deliver';
import { entrySize, envelopeJson, formatTime, toEnvelope, type EntryFailure, type PutEventsEntry } from './entries';
import { targetInput } from './input-transform';
import type { Destinations } from './send-to-target';
import type { ActivityListener, EventBridgeActivity, EventBridgePorts, EventBus, EventEnvelope, Rule } from './types';

export interface EngineOptions {
  readonly region: string;
  readonly accountId: string;
  /** Read at each delivery: fill it in once the other services exist. */
  readonly ports?: EventBridgePorts;
  readonly clock?: () => Date;
  readonly retry?: RetryTiming;
}

export interface PutEventsResult {
  readonly FailedEntryCount: number;
  readonly Entries: ReadonlyArray<{ readonly EventId: string } | EntryFailure>;
}

/** Who puts events: a caller of the PutEvents API, or an AWS service through the `events` port. */
export type PutOrigin = 'api' | 'aws-service';

const NOT_AUTHORIZED_FOR_SOURCE: EntryFailure = { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
const isAwsSource = (source: string | undefined): boolean => source?.startsWith('aws.') ?? false;

const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * One account's EventBridge in one region: buses, rules and targets, archives and replays, and the
 * routing of every put event to the targets of the rules it matches.
 * @example
 * const engine = new EventBridgeEngine({ region: 'eu-west-1', accountId: '123456789012', ports });
 * engine.putEvents([{ Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{}' }]);
 */
export class EventBridgeEngine {
  readonly region: string;
  readonly accountId: string;
  readonly buses: BusRegistry;
  readonly archives: ArchiveStore;
  readonly apiDestinations: ApiDestinationRegistry;
  private readonly ports: EventBridgePorts;
  private readonly now: () => Date;
  private readonly timing: RetryTiming;
  private readonly listeners = new Set<ActivityListener>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(options: EngineOptions) {
    this.region = options.region;
    this.accountId = options.accountId;
    this.ports = options.ports ?? {};
    this.now = options.clock ?? (() => new Date());
    this.timing = options.retry ?? exponentialBackoff;
    const arns = new Arns(this.region, this.accountId);
    this.buses = new BusRegistry(arns, this.now);
    this.archives = new ArchiveStore(arns, this.now);
    this.apiDestinations = new ApiDestinationRegistry(arns);
  }

  /**
   * Validates and routes entries; deliveries continue in the background (see {@link settled}). Callers of the
   * public API (`origin: 'api'`) may not use the `aws.` sources AWS services publish under, as in AWS.
   */
  putEvents(entries: readonly PutEventsEntry[], origin: PutOrigin = 'api'): PutEventsResult {
    if (entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new ValidationError(`1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES}`);
    }
    if (entries.reduce((sum, entry) => sum + entrySize(entry), 0) > MAX_REQUEST_BYTES) {
      throw new ValidationError('Total size of the entries in the request is over the limit.');
    }
    const results = entries.map((entry) => (origin === 'api' && isAwsSource(entry.Source) ? NOT_AUTHORIZED_FOR_SOURCE : this.putEntry(entry)));
    return { FailedEntryCount: results.filter((result) => !('EventId' in result)).length, Entries: results };
  }

  /** Re-sends the archived events of a time window to the rules of the archive's bus, with `replay-name`. */
  startReplay(definition: ReplayDefinition): Replay {
    const replay = this.archives.startReplay(definition);
    this.track(this.runReplay(replay));
    return replay;
  }

  /** Hears every event with its matched rules and every delivery outcome; returns the unsubscribe. */
  subscribe(listener: ActivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every delivery and replay started so far (and those they started) has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Abandons pending retries and waits for the deliveries under way. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.settled();
  }

  /**
   * This engine as the EventSender port that AWS services (S3 notifications under `aws.s3`, Lambda
   * destinations) and bus-to-bus targets put events through.
   */
  eventSender(): EventSender {
    return {
      putEvents: async (eventBusArn, entries) => {
        const result = this.putEvents(entries.map((entry) => ({ ...(entry as PutEventsEntry), EventBusName: eventBusArn })), 'aws-service');
        const failure = result.Entries.find((entry): entry is EntryFailure => 'ErrorCode' in entry);
        if (failure) throw new ValidationError(`${failure.ErrorCode}: ${failure.ErrorMessage}`);
      },
    };
  }

  private putEntry(entry: PutEventsEntry): { EventId: string } | EntryFailure {
    if (!this.buses.hasBus(entry.EventBusName)) {
      return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${entry.EventBusName} does not exist.` };
    }
    const receivedAt = this.now();
    const context = { id: crypto.randomUUID(), region: this.region, account: this.accountId, now: receivedAt };
    const event = toEnvelope(entry, context);
    if ('ErrorCode' in event) return event;
    const bus = this.buses.bus(entry.EventBusName);
    const archives = this.archives.record(bus.arn, event, receivedAt);
    this.route(bus, event, receivedAt, [...bus.rules.values()], archives);
    return { EventId: event.id };
  }

  private route(bus: EventBus, event: EventEnvelope, receivedAt: Date, rules: readonly Rule[], archives: string[]): void {
    const matched = rules.filter(
      (rule) => rule.state !== 'DISABLED' && rule.compiledPattern !== undefined && matchesPattern(rule.compiledPattern, envelopeJson(event)),
    );
    this.report({ type: 'event', eventBusName: bus.name, event, matchedRules: matched.map((rule) => rule.name), archives });
    const env = {
      destinations: this.destinations(),
      timing: this.timing,
      now: this.now,
      report: (a: EventBridgeActivity) => this.report(a),
      signal: this.stopping.signal,
    };
    for (const rule of matched) {
      for (const target of rule.targets.values()) {
        const context = { event, ruleName: rule.name, ruleArn: rule.arn, ingestionTime: formatTime(receivedAt) };
        this.track(deliver({ rule, target, event, payload: targetInput(target, context), receivedAt }, env));
      }
    }
  }

  private async runReplay(replay: Replay): Promise<void> {
    replay.state = 'RUNNING';
    try {
      const bus = this.buses.bus(replay.destination.Arn);
      const filter = replay.destination.FilterArns;
      const rules = [...bus.rules.values()].filter((rule) => !filter?.length || filter.includes(rule.arn));
      for (const { event, receivedAt } of this.archives.eventsFor(replay)) {
        // Replayed events are routed again but not archived again.
        this.route(bus, { ...event, 'replay-name': replay.name }, this.now(), rules, []);
        replay.eventLastReplayedTime = receivedAt;
      }
      replay.state = 'COMPLETED';
    } catch (error) {
      replay.state = 'FAILED';
      replay.stateReason = error instanceof Error ? error.message : String(error);
    }
    replay.replayEndTime = this.now();
  }

  private destinations(): Destinations {
    return {
      ports: this.ports,
      apiDestination: (arn) => this.apiDestinations.apiDestination(arn),
      connection: (arn) => this.apiDestinations.connection(arn),
      putOnLocalBus: (busArn, entries) => this.eventSender().putEvents(busArn, entries),
    };
  }

  /** Keeps background work countable by {@link settled}; deliveries and replays report their own failures. */
  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** A failing listener (a console's bug) is reported as a process warning and never stops a delivery. */
  private report(activity: EventBridgeActivity): void {
    for (const listener of this.listeners) {
      try {
        listener(activity);
      } catch (error) {
        process.emitWarning(error instanceof Error ? error : String(error), { code: 'EVENTBRIDGE_LISTENER_FAILED' });
      }
    }
  }
}
