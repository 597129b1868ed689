import { setTimeout as sleep } from 'node:timers/promises';
import type { LogLine } from '../src/lambda/log-store';
import { parseReceipt, type Receipt } from '../test-stacks/bench/probe';

/** Where a function's log lines are read: the lambda service's `logs` (a `LogStore`). */
export interface LogSource {
  lines(functionName: string): readonly LogLine[];
}

/** Probes that never reached their function within the wait. */
export class ReceiptTimeoutError extends Error {
  override readonly name = 'ReceiptTimeoutError';
  readonly code = 'BENCH.RECEIPT_TIMEOUT';
}

// LogStore keeps the last 10 000 lines per function; past that, lines shift and a cursor would skip some.
const LOG_STORE_LIMIT = 10_000;

/**
 * The receipts one bench function logged, read incrementally from its log lines, by probe id. Also counts
 * the invocations that carried receipts (an SQS batch is one invocation with several).
 *
 * @example
 * const receipts = new ReceiptLog(lambda.logs, functionName);
 * const [receipt] = await receipts.waitForAll(['probe-1'], 5_000);
 */
export class ReceiptLog {
  private cursor = 0;
  private readonly byProbe = new Map<string, Receipt>();
  private readonly requestIds = new Set<string>();

  constructor(
    private readonly source: LogSource,
    readonly functionName: string,
  ) {}

  /** Invocations that logged at least one receipt so far. */
  get invocations(): number {
    this.read();
    return this.requestIds.size;
  }

  /** Resolves with the receipts of `probeIds`, in that order, polling the log every millisecond. */
  async waitForAll(probeIds: readonly string[], timeoutMs: number): Promise<Receipt[]> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      this.read();
      const missing = probeIds.filter((id) => !this.byProbe.has(id));
      if (missing.length === 0) return probeIds.flatMap((id) => this.byProbe.get(id) ?? []);
      if (performance.now() > deadline) {
        throw new ReceiptTimeoutError(`${missing.length} of ${probeIds.length} probes did not reach ${this.functionName} within ${timeoutMs} ms (first: ${missing[0]})`);
      }
      await sleep(1);
    }
  }

  private read(): void {
    const lines = this.source.lines(this.functionName);
    if (lines.length >= LOG_STORE_LIMIT) throw new Error(`${this.functionName} logged ${LOG_STORE_LIMIT} lines: lower the bench's counts`);
    for (const line of lines.slice(this.cursor)) {
      const receipt = parseReceipt(line.message);
      if (!receipt) continue;
      this.byProbe.set(receipt.probeId, receipt);
      if (line.requestId) this.requestIds.add(line.requestId);
    }
    this.cursor = lines.length;
  }
}
