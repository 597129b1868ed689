import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { PROBE_DETAIL_TYPES, preciseNow, shardSource, type ProbeDetail } from '../test-stacks/bench/probe';

/** Which rule of a bench stack a probe takes: straight to a function, or through the stack's queue. */
export type ProbeRoute = keyof typeof PROBE_DETAIL_TYPES;

/** One PutEvents call: when it was sent and when its answer came back (`preciseNow()` times). */
export interface SentBatch {
  readonly sentAt: number;
  readonly acceptedAt: number;
}

/** PutEvents answered with failed entries: the bench would wait for probes that will never arrive. */
export class PutEventsFailedError extends Error {
  override readonly name = 'PutEventsFailedError';
  readonly code = 'BENCH.PUT_EVENTS_FAILED';
}

/**
 * Puts one probe event per id (at most 10, one PutEvents call) on the default bus, for the rule `route`
 * of bench stack `shard`. Each detail carries its id and the time the call was sent.
 *
 * @example
 * const { sentAt } = await sendProbes(events, { shard: 1, route: 'direct' }, ['p-1']);
 */
export async function sendProbes(
  events: EventBridgeClient,
  target: { readonly shard: number; readonly route: ProbeRoute },
  probeIds: readonly string[],
): Promise<SentBatch> {
  const sentAt = preciseNow();
  const Entries = probeIds.map((probeId) => {
    const detail: ProbeDetail = { probeId, sentAt };
    return { Source: shardSource(target.shard), DetailType: PROBE_DETAIL_TYPES[target.route], Detail: JSON.stringify(detail) };
  });
  const answer = await events.send(new PutEventsCommand({ Entries }));
  if (answer.FailedEntryCount) {
    throw new PutEventsFailedError(`PutEvents failed ${answer.FailedEntryCount} entries: ${JSON.stringify(answer.Entries?.find((e) => e.ErrorCode))}`);
  }
  return { sentAt, acceptedAt: preciseNow() };
}

/**
 * `count` probe ids with a common prefix.
 *
 * @example
 * probeIds('warm', 2); // ['warm-0', 'warm-1']
 */
export const probeIds = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
