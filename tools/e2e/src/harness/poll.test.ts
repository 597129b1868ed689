import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, eventually } from './poll';

describe('eventually', () => {
  it('returns the first value that satisfies the condition', async () => {
    let reads = 0;

    const value = await eventually(
      async () => ++reads,
      (n) => n === 3,
      { what: 'three reads', timeoutMs: 5_000, intervalMs: 1 },
    );

    expect(value).toBe(3);
  });

  it('gives up at the deadline, saying what it waited for and what it last read', async () => {
    const waiting = eventually(
      async () => ({ available: 2 }),
      (p) => p.available === 0,
      { what: 'stock at 0', timeoutMs: 20, intervalMs: 5 },
    );

    await expect(waiting).rejects.toThrow(DeadlineExceededError);
    await expect(waiting).rejects.toThrow(/stock at 0; last: \{"available":2\}/);
  });
});
