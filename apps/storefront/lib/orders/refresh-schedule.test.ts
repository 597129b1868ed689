import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextRefreshDelay, REFRESH_BACKOFF, type RefreshState, scheduleRefresh } from './refresh-schedule';

/**
 * Drives `scheduleRefresh` as OrderRefresher's effect does: re-run (old timer cleared) on every state change.
 * Each refresh renders for `renderMs` on the stand-in server, and only its end clears `pending`.
 */
function followOrder(renderMs: number) {
  const started: number[] = [];
  let state: RefreshState = { refreshes: 0, pending: false };
  let cancel: (() => void) | undefined;
  const setState = (next: RefreshState) => {
    state = next;
    cancel?.();
    cancel = scheduleRefresh(state, refresh);
  };
  function refresh() {
    started.push(Date.now());
    const refreshes = state.refreshes + 1;
    setState({ refreshes, pending: true });
    // setTimeout would fire an infinite delay at once: a render that never ends simply never clears `pending`.
    if (Number.isFinite(renderMs)) setTimeout(() => setState({ refreshes, pending: false }), renderMs);
  }
  setState(state);
  return { started, unmount: () => cancel?.() };
}

describe('nextRefreshDelay', () => {
  it('waits 2 s for the first refresh and longer after each one, up to 15 s', () => {
    const delays = [0, 1, 2, 3, 10].map((refreshes) => nextRefreshDelay({ refreshes, pending: false }));

    expect(delays).toEqual([2000, 3000, 4500, 6750, 15_000]);
  });

  it('waits the stall timeout while a refresh is still rendering', () => {
    expect(nextRefreshDelay({ refreshes: 0, pending: true })).toBe(REFRESH_BACKOFF.stalledMs);
  });
});

describe('scheduleRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('times each refresh from the end of the previous render, backing off', () => {
    const follow = followOrder(500);

    vi.advanceTimersByTime(12_000);

    expect(follow.started).toEqual([2000, 2000 + 500 + 3000, 5500 + 500 + 4500]);
  });

  it('never starts a refresh while a slow render is in flight', () => {
    const follow = followOrder(5000);

    vi.advanceTimersByTime(2000 + 5000 + 2999);
    const beforeSecond = [...follow.started];
    vi.advanceTimersByTime(1);

    expect(beforeSecond).toEqual([2000]);
    expect(follow.started).toEqual([2000, 10_000]);
  });

  it('starts the next refresh after the stall timeout when a render never ends', () => {
    const follow = followOrder(Number.POSITIVE_INFINITY);

    vi.advanceTimersByTime(2000 + REFRESH_BACKOFF.stalledMs);

    expect(follow.started).toEqual([2000, 2000 + REFRESH_BACKOFF.stalledMs]);
  });

  it('refreshes no more once cancelled, as when the settled page unmounts the refresher', () => {
    const follow = followOrder(500);
    vi.advanceTimersByTime(2500);

    follow.unmount();
    vi.advanceTimersByTime(60_000);

    expect(follow.started).toEqual([2000]);
  });
});
