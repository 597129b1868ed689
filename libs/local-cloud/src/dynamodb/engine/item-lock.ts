/**
 * Per-item mutual exclusion. Every write path (PutItem, UpdateItem, DeleteItem, BatchWriteItem, transactions,
 * TTL deletions) and the single-item reads hold the locks of the items they touch while they read, check and
 * write, so a transaction's condition checks and writes are atomic with respect to every other writer.
 * Keys are taken in sorted order, so two requests locking overlapping sets cannot deadlock.
 *
 * @example
 * const release = await locks.acquire(['orders\u0000a', 'orders\u0000b']);
 * try { ... } finally { release(); }
 */
export class ItemLocks {
  readonly #tails = new Map<string, Promise<void>>();

  async acquire(keys: Iterable<string>): Promise<() => void> {
    const releases: Array<() => void> = [];
    for (const key of [...new Set(keys)].sort()) releases.push(await this.#acquireOne(key));
    return () => {
      for (const release of releases.reverse()) release();
    };
  }

  async #acquireOne(key: string): Promise<() => void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.#tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
  }
}
