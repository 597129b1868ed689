import type { Json } from '../../core/contracts';

/** One event of GetExecutionHistory: `type`, `id`, `previousEventId`, `timestamp` and one `*EventDetails`. */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly type: string;
  readonly timestamp: Date;
  readonly details?: { readonly key: string; readonly value: { [key: string]: Json } };
}

/** The details field name of each event type, as the API names them (state events share two). */
export function detailsKey(type: string): string {
  if (/^[A-Za-z]+StateEntered$/.test(type)) return 'stateEnteredEventDetails';
  if (/^[A-Za-z]+StateExited$/.test(type)) return 'stateExitedEventDetails';
  return `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
}

/** A line of events within an execution (the execution itself, a Parallel branch, a Map iteration). */
export interface Thread {
  lastId: number;
}

/**
 * The history of one execution: ids from 1, each event pointing at the previous event of its thread.
 * Listeners see every event as it is appended (the observer hook feeds a console from here).
 *
 * @example
 * const history = new HistoryLog();
 * const root = history.thread();
 * history.append(root, 'ExecutionStarted', { input: '{}', roleArn: '...' });
 */
export class HistoryLog {
  private readonly list: HistoryEvent[] = [];
  private readonly listeners: ((event: HistoryEvent) => void)[] = [];

  get events(): readonly HistoryEvent[] {
    return this.list;
  }

  thread(from?: Thread): Thread {
    return { lastId: from?.lastId ?? 0 };
  }

  onEvent(listener: (event: HistoryEvent) => void): void {
    this.listeners.push(listener);
  }

  append(thread: Thread, type: string, details?: { [key: string]: Json | undefined }): HistoryEvent {
    const value = details && Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
    const event: HistoryEvent = {
      id: this.list.length + 1,
      previousEventId: thread.lastId,
      type,
      timestamp: new Date(),
      ...(value && { details: { key: detailsKey(type), value: value as { [key: string]: Json } } }),
    };
    this.list.push(event);
    thread.lastId = event.id;
    for (const listener of this.listeners) listener(event);
    return event;
  }
}

/** Payload text as history events carry it: the JSON text and a `*Details` block saying it is whole. */
export function payload(name: 'input' | 'output' | 'parameters', value: Json): { [key: string]: Json } {
  return { [name]: JSON.stringify(value), [`${name}Details`]: { truncated: false } };
}
