import type { Receipt } from '../test-stacks/bench/probe';
import type { BenchCloud } from './cloud';
import { probeIds, sendProbes, type SentBatch } from './probes';
import { ReceiptLog } from './receipts';
import { latencyFigures, type Measurement } from './report';
import { perSecond, summarize } from './stats';

export interface ThroughputOptions {
  readonly shard: number;
  /** Measured events. */
  readonly events: number;
  /** Events sent (and received) before the measured ones, so the pollers' environments are warm. */
  readonly warmup: number;
  /** Concurrent PutEvents callers, each sending 10 entries per call. */
  readonly senders: number;
}

const ENTRIES_PER_CALL = 10;
const RUN_TIMEOUT_MS = 90_000;

/**
 * Events per second through one rule to an SQS-backed function (rule → queue → event source mapping →
 * function): `senders` callers put the events 10 per call as fast as PutEvents answers; the figure runs
 * from the first call to the last event's arrival in the handler.
 *
 * @example
 * const { figures } = await measureThroughput(bench, { shard: 3, events: 1000, warmup: 100, senders: 4 });
 */
export async function measureThroughput(bench: BenchCloud, options: ThroughputOptions): Promise<Measurement> {
  const functionName = bench.output(options.shard, 'QueuedProbeFunctionName');
  const receipts = new ReceiptLog(bench.lambda.logs, functionName);
  await putAll(bench, options.shard, probeIds('warmup', options.warmup), options.senders);
  await receipts.waitForAll(probeIds('warmup', options.warmup), RUN_TIMEOUT_MS);
  const invocationsBefore = receipts.invocations;
  const ids = probeIds('throughput', options.events);
  const batches = await putAll(bench, options.shard, ids, options.senders);
  const arrived = await receipts.waitForAll(ids, RUN_TIMEOUT_MS);
  const invocations = receipts.invocations - invocationsBefore;
  return throughputFigures(options, batches, arrived, { invocations, environments: bench.lambda.environments(functionName) });
}

function throughputFigures(
  options: ThroughputOptions,
  batches: readonly SentBatch[],
  arrived: readonly Receipt[],
  counts: { invocations: number; environments: number },
): Measurement {
  const group = 'throughput: rule → SQS → Lambda';
  const firstSent = Math.min(...batches.map((b) => b.sentAt));
  const lastAccepted = Math.max(...batches.map((b) => b.acceptedAt));
  const lastArrived = Math.max(...arrived.map((r) => r.receivedAt));
  const endToEnd = perSecond(arrived.length, lastArrived - firstSent);
  const ingest = perSecond(arrived.length, lastAccepted - firstSent);
  const latency = summarize(arrived.map((r) => r.receivedAt - r.sentAt));
  return {
    figures: [
      { group, name: 'events/s end to end', value: endToEnd, unit: 'ev/s', note: `${arrived.length} events, first PutEvents → last handler start` },
      { group, name: 'PutEvents ingest rate', value: ingest, unit: 'ev/s', note: `${options.senders} callers × 10 entries per call` },
      { group, name: 'drain after last PutEvents', value: lastArrived - lastAccepted, unit: 'ms', note: 'last answer → last handler start' },
      { group, name: 'function invocations', value: counts.invocations, unit: 'count', note: `mean batch ${(arrived.length / counts.invocations).toFixed(1)} records` },
      { group, name: 'execution environments', value: counts.environments, unit: 'count', note: 'after the run (pollers: 5 by default)' },
      ...latencyFigures(group, 'PutEvents → handler under load', latency),
    ],
    raw: { events: arrived.length, endToEndPerSecond: endToEnd, ingestPerSecond: ingest, ...counts, latency, elapsedMs: lastArrived - firstSent },
  };
}

/** Puts the events `senders` calls at a time, 10 entries per call; resolves with every call's timing. */
async function putAll(bench: BenchCloud, shard: number, ids: readonly string[], senders: number): Promise<SentBatch[]> {
  const calls: string[][] = [];
  for (let i = 0; i < ids.length; i += ENTRIES_PER_CALL) calls.push(ids.slice(i, i + ENTRIES_PER_CALL));
  const sent: SentBatch[] = [];
  const sender = async () => {
    for (let call = calls.shift(); call; call = calls.shift()) sent.push(await sendProbes(bench.events, { shard, route: 'queued' }, call));
  };
  await Promise.all(Array.from({ length: senders }, sender));
  return sent;
}
