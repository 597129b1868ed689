import type { FeedEntry } from './event-feed';
import type { ExecutionDetail } from './workflows';

/** One step of what happened for a correlation id: an event, a rule's delivery, a workflow and its states. */
export interface TimelineItem {
  readonly time: string;
  readonly kind: 'event' | 'delivery' | 'execution' | 'state';
  readonly title: string;
  readonly detail: string;
}

/**
 * Puts the events and deliveries the feed saw and the executions that carry the correlation id in time order.
 * @example buildTimeline(feed.forCorrelation('c-42'), await executionsCarrying(sfn, 'c-42'));
 */
export function buildTimeline(entries: readonly FeedEntry[], executions: readonly ExecutionDetail[]): TimelineItem[] {
  const items = [...entries.map(feedItem), ...executions.flatMap(executionItems)];
  // By instant, not text: the event's time has whole seconds ('…:33Z'), the workflow's milliseconds ('…:33.120Z').
  return items.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

function feedItem(entry: FeedEntry): TimelineItem {
  const d = entry.data;
  const event = (d['event'] ?? {}) as Record<string, unknown>;
  if (entry.kind === 'event') {
    const rules = (d['matchedRules'] as string[] | undefined) ?? [];
    return {
      // The event's own time (whole seconds) precedes whatever it caused; the console receives it a little later.
      time: typeof event['time'] === 'string' ? event['time'] : entry.receivedAt,
      kind: 'event',
      title: `${String(event['detail-type'])} from ${String(event['source'])}`,
      detail: `on ${String(d['eventBusName'])}; matched ${rules.length ? rules.join(', ') : 'no rule'}`,
    };
  }
  const error = d['error'] ? `: ${String(d['error'])}` : '';
  return {
    time: entry.receivedAt,
    kind: 'delivery',
    title: `${String(d['ruleName'])} → ${String(d['targetArn'])}`,
    detail: `${String(d['status'])} (attempt ${String(d['attempt'])})${error}`,
  };
}

function executionItems(execution: ExecutionDetail): TimelineItem[] {
  const started: TimelineItem = {
    time: execution.startDate ?? '',
    kind: 'execution',
    title: `${execution.stateMachineName} execution ${execution.name}`,
    detail: execution.status + (execution.error ? `: ${execution.error}` : ''),
  };
  const states = execution.states.map((state) => ({
    time: state.enteredAt,
    kind: 'state' as const,
    title: `${execution.stateMachineName} › ${state.name}`,
    detail: `${state.type} state, ${state.exitedAt ? 'exited' : 'entered'}`,
  }));
  return [started, ...states];
}
