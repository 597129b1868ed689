/** How the order page paces its live follow: first refresh soon, then further apart, never two at once. */
export interface RefreshBackoff {
  readonly firstMs: number;
  readonly factor: number;
  readonly maxMs: number;
  /** How long a refresh may stay pending before the next one starts anyway. */
  readonly stalledMs: number;
}

export const REFRESH_BACKOFF: RefreshBackoff = { firstMs: 2000, factor: 1.5, maxMs: 15_000, stalledMs: 30_000 };

export interface RefreshState {
  /** Refreshes started since the page mounted. */
  readonly refreshes: number;
  /** Whether the last refresh is still rendering. */
  readonly pending: boolean;
}

/**
 * Milliseconds to wait before the next refresh: 2 s, 3 s, 4.5 s… up to 15 s, so a slow server is not flooded.
 * While a refresh is pending the answer is the stall timeout: starting another would cancel the one in flight
 * (the page would never finish a render on a busy `next dev`), but a transition that never settles
 * (vercel/next.js#86055) must not stop the follow for good either.
 */
export function nextRefreshDelay({ refreshes, pending }: RefreshState, backoff: RefreshBackoff = REFRESH_BACKOFF): number {
  if (pending) return backoff.stalledMs;
  return Math.min(backoff.firstMs * backoff.factor ** refreshes, backoff.maxMs);
}

/**
 * Calls `refresh` once, after `nextRefreshDelay(state)`, and returns the cancel function: the shape of a
 * `useEffect` body, re-run whenever the state changes.
 */
export function scheduleRefresh(state: RefreshState, refresh: () => void, backoff: RefreshBackoff = REFRESH_BACKOFF): () => void {
  const timer = setTimeout(refresh, nextRefreshDelay(state, backoff));
  return () => clearTimeout(timer);
}
