import { describe, expect, it } from 'vitest';
import { formatDuration, makeProgress } from './progress';

/** A clock that moves only when the test says so. */
function aClock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('makeProgress', () => {
  it('numbers each step and reports it when it begins and when it ends, with its time and note', async () => {
    const lines: string[] = [];
    const clock = aClock();
    const progress = makeProgress({ write: (line) => lines.push(line), total: 2, now: clock.now });

    const products = await progress.step(
      'seed catalog',
      async () => {
        clock.advance(2_500);
        return 48;
      },
      (count) => `${count} products`,
    );

    expect(products).toBe(48);
    expect(lines).toEqual(['[1/2] seed catalog ...', '[1/2] seed catalog: done in 2.5 s (48 products)']);
  });

  it('reports a failed step with its message and rethrows the same error', async () => {
    const lines: string[] = [];
    const clock = aClock();
    const progress = makeProgress({ write: (line) => lines.push(line), total: 1, now: clock.now });
    const failure = new Error('cdk synth exited with 1');

    const run = progress.step('synthesize', async () => {
      clock.advance(1_000);
      throw failure;
    });

    await expect(run).rejects.toBe(failure);
    expect(lines.at(-1)).toBe('[1/1] synthesize: FAILED after 1.0 s: cdk synth exited with 1');
  });

  it('gives the time since it was made, across steps', async () => {
    const clock = aClock(500);
    const progress = makeProgress({ write: () => undefined, total: 2, now: clock.now });

    await progress.step('one', async () => clock.advance(30_000));
    await progress.step('two', async () => clock.advance(62_000));

    expect(progress.elapsed()).toBe('1 min 32 s');
  });
});

describe('formatDuration', () => {
  it('shows tenths of a second under a minute and minutes with seconds above', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(1_234)).toBe('1.2 s');
    expect(formatDuration(59_949)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 min 0 s');
    expect(formatDuration(125_400)).toBe('2 min 5 s');
  });
});
