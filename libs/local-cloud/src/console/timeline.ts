import type { FeedEntry } from './activity-feed';
import { placeEvents, type Placed } from './timeline-order';
import type { ExecutionDetail } from './workflows';

/** One step of what happened for a correlation id: a request, an invocation, an event, a delivery, a workflow or a state. */
export interface TimelineItem {
  readonly time: string;
  readonly kind: 'request' | 'invocation' | 'event' | 'delivery' | 'execution' | 'state';
  readonly title: string;
  readonly detail: string;
}

/**
 * Puts the API requests, invocations, events and deliveries the feed saw and the executions that carry the
 * correlation id in time order: each by when it started, each event where it was put (see `placeEvents`).
 * @example buildTimeline(feed.forCorrelation('c-42'), await executionsCarrying(sfn, 'c-42'));
 */
export function buildTimeline(entries: readonly FeedEntry[], executions: readonly ExecutionDetail[]): TimelineItem[] {
  const others = [...entries.filter((e) => e.kind !== 'event').map(entryItem), ...executions.flatMap(executionItems)];
  const kind = (k: FeedEntry['kind']) => entries.filter((e) => e.kind === k);
  const events = placeEvents(kind('event'), kind('delivery'), others).map(({ entry, at }) => ({ item: eventItem(entry, at), at, rank: RANK.event }));
  return [...others, ...events].sort((a, b) => a.at - b.at || a.rank - b.rank).map(({ item }) => item);
}

/** Between two steps at the same instant: the cause before what it caused. */
const RANK = { request: 0, invocation: 1, execution: 2, state: 3, event: 4, delivery: 5 } as const;

function entryItem(entry: FeedEntry): Placed {
  const d = entry.data as Record<string, unknown>;
  if (entry.kind === 'request') {
    const route = d['routeKey'] === '-' ? 'no route' : `route ${String(d['routeKey'])}`;
    const auth = d['authorized'] === undefined ? '' : d['authorized'] ? ', authorized' : ', refused by the authorizer';
    const item = { time: String(d['startedAt']), kind: 'request' as const, title: `${String(d['method'])} ${String(d['path'])} → ${String(d['status'])}`, detail: `${route} of API ${String(d['apiId'])}, ${String(d['durationMs'])} ms${auth}` };
    return { item, at: Date.parse(item.time), rank: RANK.request };
  }
  if (entry.kind === 'invocation') return invocationItem(d);
  const error = d['error'] ? `: ${String(d['error'])}` : '';
  const item = { time: entry.receivedAt, kind: 'delivery' as const, title: `${String(d['ruleName'])} → ${String(d['targetArn'])}`, detail: `${String(d['status'])} (attempt ${String(d['attempt'])})${error}` };
  return { item, at: Date.parse(item.time), rank: RANK.delivery };
}

function invocationItem(d: Record<string, unknown>): Placed {
  const outcome = d['outcome'] === 'ok' ? 'ok' : `error: ${String(d['error'])}`;
  const start = d['coldStart'] ? `cold start (init ${String(d['initMs'])} ms)` : 'warm';
  const source = d['triggerSource'] ? `; from ${String(d['triggerSource'])}` : '';
  const failures = Array.isArray(d['batchItemFailures']) && d['batchItemFailures'].length ? `; ${d['batchItemFailures'].length} batch item(s) failed` : '';
  const item = { time: String(d['startedAt']), kind: 'invocation' as const, title: `${String(d['functionName'])} (${String(d['trigger'])})`, detail: `${outcome}, ${String(d['durationMs'])} ms, ${start}${source}${failures}` };
  return { item, at: Date.parse(item.time), rank: RANK.invocation, ran: { functionName: String(d['functionName']), source: d['triggerSource'] as string | undefined } };
}

function eventItem(entry: FeedEntry, at: number): TimelineItem {
  const d = entry.data;
  const event = (d['event'] ?? {}) as Record<string, unknown>;
  const rules = (d['matchedRules'] as string[] | undefined) ?? [];
  return {
    time: new Date(Math.round(at)).toISOString(),
    kind: 'event',
    title: `${String(event['detail-type'])} from ${String(event['source'])}`,
    detail: `on ${String(d['eventBusName'])}; matched ${rules.length ? rules.join(', ') : 'no rule'}`,
  };
}

function executionItems(execution: ExecutionDetail): Placed[] {
  const ran = { stateMachineName: execution.stateMachineName };
  const started = {
    time: execution.startDate ?? '',
    kind: 'execution' as const,
    title: `${execution.stateMachineName} execution ${execution.name}`,
    detail: execution.status + (execution.error ? `: ${execution.error}` : ''),
  };
  const states = execution.states.map((state) => ({
    time: state.enteredAt,
    kind: 'state' as const,
    title: `${execution.stateMachineName} › ${state.name}`,
    detail: `${state.type} state, ${state.exitedAt ? 'exited' : 'entered'}`,
  }));
  return [{ item: started, at: Date.parse(started.time), rank: RANK.execution, ran }, ...states.map((item) => ({ item, at: Date.parse(item.time), rank: RANK.state, ran }))];
}
