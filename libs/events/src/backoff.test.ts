import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('doubles the most it may wait with each retry', () => {
    const almostOne = () => 0.999999;

    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, almostOne))).toEqual([99, 199, 399, 799]);
  });

  it('never waits more than the maximum delay', () => {
    expect(backoffDelay(10, policy, () => 0.999999)).toBe(999);
  });

  it('spreads retries anywhere between no wait and the cap (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});
