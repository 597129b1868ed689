import type { ExecutionObservation } from '../src/stepfunctions';
import { preciseNow } from '../test-stacks/bench/probe';

const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);

/** How an execution ended, and when the engine recorded it (`preciseNow()` time). */
export interface ExecutionEnd {
  readonly type: string;
  readonly at: number;
}

/** An execution that did not end within the wait. */
export class ExecutionTimeoutError extends Error {
  override readonly name = 'ExecutionTimeoutError';
  readonly code = 'BENCH.EXECUTION_TIMEOUT';
}

/**
 * Learns when executions end from the Step Functions engine's observer (every history event as it is
 * appended), so the bench waits for ends without polling DescribeExecution, which would load the machine
 * it measures.
 *
 * @example
 * const ends = new ExecutionEnds();
 * stepFunctionsService({ observer: ends.observer });
 * const end = await ends.waitFor(executionArn, 10_000);
 */
export class ExecutionEnds {
  private readonly ended = new Map<string, ExecutionEnd>();
  private readonly waiters = new Map<string, (end: ExecutionEnd) => void>();

  readonly observer = (observation: ExecutionObservation): void => {
    if (!TERMINAL.has(observation.event.type)) return;
    const end = { type: observation.event.type, at: preciseNow() };
    this.ended.set(observation.executionArn, end);
    this.waiters.get(observation.executionArn)?.(end);
  };

  /** Resolves when the execution has ended (at once if it already has). */
  waitFor(executionArn: string, timeoutMs: number): Promise<ExecutionEnd> {
    const known = this.ended.get(executionArn);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(executionArn);
        reject(new ExecutionTimeoutError(`${executionArn} did not end within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(executionArn, (end) => {
        clearTimeout(timer);
        this.waiters.delete(executionArn);
        resolve(end);
      });
    });
  }
}
