import type { Json, Logger } from '../core/contracts';
import { correlationIdOfEvent } from './correlation';

/** One line of the console's event stream: an event put on a bus, or one delivery of it to a rule's target. */
export interface FeedEntry {
  /** Increases by one per entry, so a page asks only for what it has not seen (`?since=`). */
  readonly seq: number;
  readonly kind: 'event' | 'delivery';
  /** When the console received it (ISO 8601). */
  readonly receivedAt: string;
  readonly correlationId?: string;
  readonly eventId: string;
  /** `event`: bus, source, detail type, matched rules, the event. `delivery`: rule, target, status, attempt, error. */
  readonly data: Record<string, Json>;
}

export type FeedStatus = { readonly state: 'connecting' | 'connected' } | { readonly state: 'unavailable'; readonly reason: string };

/**
 * Follows the EventBridge activity stream (`GET /_local/eventbridge`, server-sent events) over HTTP, as any
 * client would, and keeps the latest entries. Deliveries carry only the event id: the event's correlation id
 * is looked up among the events seen. Reconnects while running, so it copes with a plug-in started after it.
 *
 * @example
 * const feed = new EventFeed(`${ctx.endpointUrl}/_local/eventbridge`, ctx.logger);
 * feed.start();
 * feed.since(0); // FeedEntry[]
 */
export class EventFeed {
  private readonly entries: FeedEntry[] = [];
  private readonly correlationByEvent = new Map<string, string>();
  private readonly abort = new AbortController();
  private seq = 0;
  status: FeedStatus = { state: 'connecting' };

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly capacity = 1_000,
    private readonly retryMs = 1_000,
  ) {}

  start(): void {
    void this.follow();
  }

  stop(): void {
    this.abort.abort();
  }

  since(seq: number): FeedEntry[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  forCorrelation(correlationId: string): FeedEntry[] {
    return this.entries.filter((entry) => entry.correlationId === correlationId);
  }

  private async follow(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.readStream();
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.status = { state: 'unavailable', reason: `EventBridge activity stream: ${(err as Error).message}` };
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  private async readStream(): Promise<void> {
    const response = await fetch(this.url, { signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      throw new Error(`GET /_local/eventbridge answered ${response.status}: is the eventbridge plug-in running?`);
    }
    this.status = { state: 'connected' };
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      messages.forEach((message) => this.receive(message));
    }
    throw new Error('the stream ended');
  }

  private receive(message: string): void {
    const data = message
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) return;
    try {
      this.add(JSON.parse(data) as Record<string, Json>);
    } catch (err) {
      this.logger.warn('console: unreadable activity message', { err });
    }
  }

  private add(activity: Record<string, Json>): void {
    const { type, ...rest } = activity;
    if (type !== 'event' && type !== 'delivery') return;
    const event = rest['event'] as Record<string, Json> | undefined;
    const eventId = String(type === 'event' ? event?.['id'] : rest['eventId']);
    const correlationId = type === 'event' ? correlationIdOfEvent(event) : this.correlationByEvent.get(eventId);
    if (type === 'event' && correlationId) this.correlationByEvent.set(eventId, correlationId);
    this.seq += 1;
    this.entries.push({ seq: this.seq, kind: type, receivedAt: new Date().toISOString(), eventId, data: rest, ...(correlationId && { correlationId }) });
    const dropped = this.entries.length > this.capacity ? this.entries.shift() : undefined;
    if (dropped?.kind === 'event') this.correlationByEvent.delete(dropped.eventId);
  }
}
