/**
 * Runs tasks one after another per key, within this process: `run(key, task)` starts `task` once every
 * earlier task of the same key has settled. Tasks of other keys run concurrently.
 */
export class Serial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget a key once its last task is done, so the map does not grow with every year and series.
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return result;
  }
}
