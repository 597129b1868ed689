/** A polled condition did not hold before its deadline. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  readonly code = 'E2E.DEADLINE_EXCEEDED';
}

export interface PollOptions {
  /** What is awaited, for the error message: "50 answers on the observer queue". */
  readonly what: string;
  /** The budget, not an expectation: the condition usually holds long before. */
  readonly timeoutMs: number;
  /** Pause between attempts. @default 250 */
  readonly intervalMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `read` until `done` holds for its result, and returns that result; an eventually consistent system is
 * waited for with a deadline, never with a fixed sleep.
 *
 * @throws DeadlineExceededError with the last value read when the deadline passes first.
 * @example
 * const product = await eventually(() => getProduct(id), (p) => p.available === 0, { what: 'stock at 0', timeoutMs: 30_000 });
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= deadline) {
      throw new DeadlineExceededError(
        `Gave up after ${options.timeoutMs} ms waiting for ${options.what}; last: ${describe(value)}`,
      );
    }
    await pause(options.intervalMs ?? 250);
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
