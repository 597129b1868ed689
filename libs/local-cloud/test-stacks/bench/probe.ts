/**
 * The bench app's names, what its events carry and what its functions log when one arrives. No CDK imports:
 * the handlers (bundled by esbuild into the functions) and the bench (which times loading aws-cdk-lib) share it.
 */

/** How many service-like stacks the bench app has. */
export const BENCH_STACK_COUNT = 6;

/** The deployed name of bench stack `shard` (1-based). */
export const benchStackName = (shard: number): string => `BenchShard${shard}`;

/** Starts every receipt line a bench function logs; the JSON of a `Receipt` follows it. */
export const RECEIPT_MARKER = 'BENCH_RECEIPT ';

/** The detail types the bench stacks' rules route: straight to a function, or through a queue. */
export const PROBE_DETAIL_TYPES = { direct: 'Bench.DirectProbe', queued: 'Bench.QueuedProbe' } as const;

/** The event source of one bench stack's rules, so each stack's rules see only their own probes. */
export const shardSource = (shard: number): string => `bench.shard-${shard}`;

/** The `detail` of a probe event: who it is and when the bench sent it. */
export interface ProbeDetail {
  readonly probeId: string;
  /** Epoch milliseconds with sub-millisecond precision (`preciseNow()`), taken just before PutEvents. */
  readonly sentAt: number;
}

/** A probe as a function saw it: `receivedAt` is taken when the handler starts. */
export interface Receipt extends ProbeDetail {
  readonly receivedAt: number;
}

/**
 * Wall-clock epoch milliseconds with sub-millisecond precision, comparable across the processes of one
 * machine (each process's `timeOrigin` is read from the system clock in microseconds when it starts).
 *
 * @example
 * const sentAt = preciseNow(); // 1767225600123.456
 */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/**
 * The log line a bench function writes for one probe.
 *
 * @example
 * console.log(formatReceipt({ probeId: 'p-1', sentAt: 1, receivedAt: 2 })); // 'BENCH_RECEIPT {"probeId":"p-1",...}'
 */
export function formatReceipt(receipt: Receipt): string {
  return `${RECEIPT_MARKER}${JSON.stringify(receipt)}`;
}

/**
 * The receipt in one function log line (Lambda's Text format prefixes a timestamp, request id and level),
 * or undefined for any other line (START, END, REPORT).
 *
 * @example
 * parseReceipt('2026-01-01T00:00:00.000Z\tid\tINFO\tBENCH_RECEIPT {"probeId":"p-1","sentAt":1,"receivedAt":2}');
 * // { probeId: 'p-1', sentAt: 1, receivedAt: 2 }
 */
export function parseReceipt(line: string): Receipt | undefined {
  const at = line.indexOf(RECEIPT_MARKER);
  return at < 0 ? undefined : (JSON.parse(line.slice(at + RECEIPT_MARKER.length)) as Receipt);
}
