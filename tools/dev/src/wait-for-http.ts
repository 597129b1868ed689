import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForHttpOptions {
  /** How long to keep trying. */
  readonly timeoutMs: number;
  /** Between attempts. */
  readonly intervalMs?: number;
  /** Why to stop trying at once (the server's process has exited), or undefined to go on. */
  readonly gaveUp?: () => string | undefined;
  readonly signal?: AbortSignal;
}

/** The server did not answer in time, or its process ended first. */
export class NotAnsweringError extends Error {
  override readonly name = 'NotAnsweringError';
  readonly code = 'DEV.NOT_ANSWERING';
}

/**
 * Polls `url` with GET until the server answers anything at all (any HTTP status: a page that fails still means the
 * server is up, and the caller reports the status), and returns the status.
 *
 * @throws NotAnsweringError when `timeoutMs` passes or `gaveUp` gives a reason first.
 * @example
 * const status = await waitForHttp('http://127.0.0.1:3000/', { timeoutMs: 300_000 });
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const reason = options.gaveUp?.();
    if (reason) throw new NotAnsweringError(`${url} will not answer: ${reason}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await response.body?.cancel();
      return response.status;
    } catch (err) {
      lastError = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
    }
    if (Date.now() >= deadline) throw new NotAnsweringError(`${url} did not answer within ${options.timeoutMs / 1000} s (${lastError})`);
    await sleep(options.intervalMs ?? 500, undefined, options.signal ? { signal: options.signal } : {});
  }
}
