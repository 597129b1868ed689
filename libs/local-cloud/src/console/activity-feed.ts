import type { Json, Logger } from '../core/contracts';
import { correlationIdOfEvent } from './correlation';
import { StreamFollower, type FeedStatus } from './stream-follower';

export type { FeedStatus } from './stream-follower';

/**
 * One line of the console's activity: an event put on a bus, one delivery of it to a rule's target, a Lambda
 * invocation (sent when it ends), or an HTTP API request (sent when answered).
 */
export interface FeedEntry {
  /** Increases by one per entry, so a page asks only for what it has not seen (`?since=`). */
  readonly seq: number;
  readonly kind: 'event' | 'delivery' | 'invocation' | 'request';
  /** When the console received it (ISO 8601). */
  readonly receivedAt: string;
  /** The correlation ids it carries: an invocation of a batch may carry several. */
  readonly correlationIds: readonly string[];
  /** The EventBridge event an `event` or `delivery` entry is about. */
  readonly eventId?: string;
  /** The stream's message without its `type`. */
  readonly data: Record<string, Json>;
}

/** The streams the console follows, by the name its API reports their status under. */
export type StreamName = 'eventbridge' | 'lambda' | 'apigateway';

type Draft = Omit<FeedEntry, 'seq' | 'receivedAt'>;

/** One stream: where it is served, and how its messages become entries (`feed` answers lookups across entries). */
interface StreamSource {
  readonly path: string;
  readonly label: string;
  read(message: Record<string, Json>, feed: ActivityFeed): Draft | undefined;
}

const SOURCES: Readonly<Record<StreamName, StreamSource>> = {
  eventbridge: {
    path: '/_local/eventbridge',
    label: 'EventBridge activity',
    read: ({ type, ...data }, feed) => {
      if (type === 'event') {
        const event = data['event'] as Record<string, Json> | undefined;
        const id = correlationIdOfEvent(event);
        return { kind: 'event', eventId: String(event?.['id']), correlationIds: id ? [id] : [], data };
      }
      // A delivery names only its event: its correlation id is the event's, looked up among the entries kept.
      if (type === 'delivery') return { kind: 'delivery', eventId: String(data['eventId']), correlationIds: feed.correlationIdsOfEvent(String(data['eventId'])), data };
      return undefined;
    },
  },
  lambda: {
    path: '/_local/lambda-activity',
    label: 'Lambda activity',
    read: ({ type, ...data }) => (type === 'invocation' ? { kind: 'invocation', correlationIds: strings(data['correlationIds']), data } : undefined),
  },
  apigateway: {
    path: '/_local/apigateway-activity',
    label: 'API Gateway activity',
    read: ({ type, ...data }) => (type === 'request' ? { kind: 'request', correlationIds: strings([data['correlationId'] ?? null]), data } : undefined),
  },
};

/**
 * The console's memory of what ran: it follows the EventBridge, Lambda and API Gateway activity streams
 * (server-sent events, over HTTP like any client) and keeps the latest entries, each stream with its own status.
 *
 * @example
 * const feed = new ActivityFeed(ctx.endpointUrl, ctx.logger);
 * feed.start();
 * feed.statuses; // { eventbridge: { state: 'connected' }, lambda: { state: 'connected' }, apigateway: { state: 'unavailable', reason } }
 * feed.forCorrelation('c-42'); // FeedEntry[]
 */
export class ActivityFeed {
  private readonly entries: FeedEntry[] = [];
  private readonly followers: ReadonlyArray<readonly [StreamName, StreamFollower]>;
  private seq = 0;

  constructor(endpointUrl: string, logger: Logger, options: { capacity?: number; retryMs?: number } = {}) {
    const capacity = options.capacity ?? 1_000;
    this.followers = (Object.entries(SOURCES) as Array<[StreamName, StreamSource]>).map(([name, source]) => {
      const onMessage = (message: Record<string, Json>) => this.add(source.read(message, this), capacity);
      return [name, new StreamFollower(`${endpointUrl}${source.path}`, source.label, logger, onMessage, options.retryMs)] as const;
    });
  }

  start(): void {
    this.followers.forEach(([, follower]) => follower.start());
  }

  stop(): void {
    this.followers.forEach(([, follower]) => follower.stop());
  }

  /** Each stream's status: connecting, connected, or unavailable and why. */
  get statuses(): Record<StreamName, FeedStatus> {
    return Object.fromEntries(this.followers.map(([name, follower]) => [name, follower.status])) as Record<StreamName, FeedStatus>;
  }

  since(seq: number): FeedEntry[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  forCorrelation(correlationId: string): FeedEntry[] {
    return this.entries.filter((entry) => entry.correlationIds.includes(correlationId));
  }

  /** The correlation ids of an event the feed still keeps. */
  correlationIdsOfEvent(eventId: string): readonly string[] {
    return this.entries.find((entry) => entry.kind === 'event' && entry.eventId === eventId)?.correlationIds ?? [];
  }

  private add(draft: Draft | undefined, capacity: number): void {
    if (!draft) return;
    this.seq += 1;
    this.entries.push({ seq: this.seq, receivedAt: new Date().toISOString(), ...draft });
    if (this.entries.length > capacity) this.entries.shift();
  }
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
