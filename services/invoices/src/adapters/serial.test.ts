import { describe, expect, it } from 'vitest';
import { Serial } from './serial';

const deferred = () => {
  const settle: { resolve?: () => void } = {};
  const promise = new Promise<void>((r) => (settle.resolve = r));
  return { promise, resolve: () => settle.resolve?.() };
};

describe('Serial', () => {
  it('starts a task of a key only after the earlier ones settled, failures included', async () => {
    const serial = new Serial();
    const gate = deferred();
    const order: string[] = [];

    const first = serial.run('INV#2026', async () => {
      await gate.promise;
      order.push('first');
      throw new Error('lost');
    });
    const second = serial.run('INV#2026', async () => order.push('second'));
    gate.resolve();

    await expect(first).rejects.toThrow('lost');
    await second;
    expect(order).toEqual(['first', 'second']);
  });

  it('runs tasks of different keys without waiting for each other', async () => {
    const serial = new Serial();
    const gate = deferred();

    const blocked = serial.run('INV#2026', () => gate.promise);
    const other = await serial.run('CN#2026', async () => 'done');
    gate.resolve();
    await blocked;

    expect(other).toBe('done');
  });
});
