import type { FeedEntry } from './activity-feed';
import type { TimelineItem } from './timeline';

/** A timeline item with the instant it sorts by and, for what ran, which function or state machine it was. */
export interface Placed {
  readonly item: TimelineItem;
  /** Epoch milliseconds; fractions place an event between two steps of the same millisecond. */
  readonly at: number;
  /** Breaks ties: the cause before what it caused. */
  readonly rank: number;
  /** A function (with the queue or stream it read), or a state machine, to tell which steps an event caused. */
  readonly ran?: { readonly functionName?: string; readonly source?: string; readonly stateMachineName?: string };
}

/**
 * When each event was put, as near as the console can tell. An event's own `time` has whole seconds, so it
 * would sort before the request that caused it; the console receives it a little after it was put, so it
 * may sort after the workflow or function it triggered. So an event goes just after the latest step that
 * started before the console received it and that it did not cause, and before the first step it caused:
 * an invocation of a function, or an execution of a state machine, that one of its rule deliveries targets
 * (a queue's consumer counts through the queue it read).
 *
 * @example placeEvents(feed.forCorrelation('c-1').filter(isEvent), deliveries, others); // [{ entry, at: 1767261600123.5 }]
 */
export function placeEvents(events: readonly FeedEntry[], deliveries: readonly FeedEntry[], others: readonly Placed[]): Array<{ entry: FeedEntry; at: number }> {
  return events.map((entry) => ({ entry, at: placeEvent(entry, deliveries, others) }));
}

function placeEvent(entry: FeedEntry, deliveries: readonly FeedEntry[], others: readonly Placed[]): number {
  const received = Date.parse(entry.receivedAt);
  const put = Date.parse(String((entry.data['event'] as Record<string, unknown> | undefined)?.['time'])) || received;
  const targets = deliveries.filter((d) => d.eventId === entry.eventId).map((d) => String(d.data['targetArn']));
  const steps = others.filter((o) => o.item.kind !== 'delivery');
  const caused = steps.filter((step) => targets.some((arn) => runs(arn, step)));
  const before = steps.filter((step) => step.at <= received && !caused.includes(step));
  const lower = Math.max(put, ...before.map((step) => step.at));
  const upper = Math.min(received, ...caused.map((step) => step.at));
  return lower < upper ? lower + Math.min(0.5, (upper - lower) / 2) : upper - 0.5;
}

/** Whether a rule target's ARN names what a step ran: the function, the queue its consumer read, the state machine. */
function runs(targetArn: string, step: Placed): boolean {
  const [, , service, , , type, name] = targetArn.split(':');
  const ran = step.ran;
  if (!ran) return false;
  if (ran.source === targetArn) return true;
  if (service === 'lambda' && type === 'function') return name === ran.functionName;
  return service === 'states' && type === 'stateMachine' && name === ran.stateMachineName;
}
