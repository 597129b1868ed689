/** How failed entries are retried. */
export type RetryPolicy = {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  /** Cap of the delay before the first retry; it doubles with each retry. */
  readonly baseDelayMs: number;
  /** The most any one delay may be. */
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 3000 };

/**
 * The delay before retry number `retry` (1 for the first retry): exponential backoff with full jitter,
 * so publishers that failed together do not retry together.
 *
 * @example
 * backoffDelay(3, DEFAULT_RETRY_POLICY, Math.random); // somewhere in [0, 400) ms
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
