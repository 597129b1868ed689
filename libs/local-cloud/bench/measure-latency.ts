import type { BenchCloud } from './cloud';
import { probeIds, sendProbes, type ProbeRoute } from './probes';
import { ReceiptLog } from './receipts';
import { latencyFigures, type Measurement } from './report';
import { summarize } from './stats';

export interface LatencyOptions {
  readonly shard: number;
  readonly route: ProbeRoute;
  /** Measured probes, one in flight at a time. */
  readonly probes: number;
  /** Probes sent first and left out: the first one starts the function's execution environment. */
  readonly warmup: number;
}

const PROBE_TIMEOUT_MS = 15_000;
const LABELS: Record<ProbeRoute, { group: string; output: string; note: string }> = {
  direct: { group: 'latency: rule → Lambda', output: 'DirectProbeFunctionName', note: 'Lambda target, async invoke' },
  queued: { group: 'latency: rule → SQS → Lambda', output: 'QueuedProbeFunctionName', note: 'SQS target, event source mapping' },
};

/**
 * PutEvents → handler start, one probe in flight at a time (each sent once the previous one arrived), so
 * the figure is the pipeline's latency and not queueing: the time from just before the PutEvents call to
 * the first line of the handler, both read from the system clock with sub-millisecond precision.
 *
 * @example
 * const { figures } = await measureLatency(bench, { shard: 1, route: 'direct', probes: 200, warmup: 5 });
 */
export async function measureLatency(bench: BenchCloud, options: LatencyOptions): Promise<Measurement> {
  const { group, output, note } = LABELS[options.route];
  const receipts = new ReceiptLog(bench.lambda.logs, bench.output(options.shard, output));
  const latencies: number[] = [];
  const putMs: number[] = [];
  const ids = probeIds(`${options.route}-latency`, options.warmup + options.probes);
  for (const [i, id] of ids.entries()) {
    const batch = await sendProbes(bench.events, options, [id]);
    const arrived = await receipts.waitForAll([id], PROBE_TIMEOUT_MS);
    latencies.push(...arrived.map((receipt) => receipt.receivedAt - receipt.sentAt));
    if (i >= options.warmup) putMs.push(batch.acceptedAt - batch.sentAt);
  }
  const warm = summarize(latencies.slice(options.warmup));
  return {
    figures: [
      { group, name: 'first event (cold start)', value: latencies[0] ?? Number.NaN, unit: 'ms', note: 'includes starting the execution environment' },
      ...latencyFigures(group, 'PutEvents → handler', warm, `${note}, one in flight`),
      { group, name: 'PutEvents call p50', value: summarize(putMs).p50, unit: 'ms', note: 'SDK round trip; delivery starts before it answers' },
    ],
    raw: { route: options.route, coldMs: latencies[0], warm, putEvents: summarize(putMs), latenciesMs: latencies },
  };
}
