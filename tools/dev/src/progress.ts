/** Reports the steps of a long start: each one when it begins, and when it ends with its elapsed time. */
export interface Progress {
  /**
   * Runs one step. `describe` turns its result into a short note printed after the time (`48 products`).
   * A failed step is reported with its error's message and the error is thrown again.
   */
  step<T>(title: string, run: () => Promise<T>, describe?: (result: T) => string): Promise<T>;
  /** Time since the reporter was made, formatted (`1 min 32 s`). */
  elapsed(): string;
}

export interface ProgressOptions {
  /** Where lines go (stderr in the CLI, so stdout stays for the summary). */
  readonly write: (line: string) => void;
  /** How many steps there are: shown as `[2/5]`. */
  readonly total: number;
  /** Milliseconds from some fixed point; `performance.now` unless a test gives its own clock. */
  readonly now?: () => number;
}

/**
 * A progress reporter that numbers the steps and times each one and the whole run.
 *
 * @example
 * const progress = makeProgress({ write: (line) => process.stderr.write(`${line}\n`), total: 2 });
 * await progress.step('synthesize the CDK app', () => synthesizeShop(outdir));
 * // [1/2] synthesize the CDK app ...
 * // [1/2] synthesize the CDK app: done in 71.3 s
 */
export function makeProgress({ write, total, now = () => performance.now() }: ProgressOptions): Progress {
  const startedAt = now();
  let count = 0;
  return {
    async step(title, run, describe) {
      const label = `[${++count}/${total}] ${title}`;
      const stepStartedAt = now();
      write(`${label} ...`);
      try {
        const result = await run();
        const note = describe ? ` (${describe(result)})` : '';
        write(`${label}: done in ${formatDuration(now() - stepStartedAt)}${note}`);
        return result;
      } catch (err) {
        write(`${label}: FAILED after ${formatDuration(now() - stepStartedAt)}: ${(err as Error).message}`);
        throw err;
      }
    },
    elapsed: () => formatDuration(now() - startedAt),
  };
}

/**
 * A duration for people: tenths of a second under a minute, whole seconds above.
 *
 * @example
 * formatDuration(1_234); // '1.2 s'
 * formatDuration(92_000); // '1 min 32 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(Math.max(ms, 0) / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
