import type { Json } from '../../core/contracts';
import { readItem, type DynamoDbContext } from '../api/context';
import { locateItem } from '../api/item-target';
import type { TtlSetting } from '../engine/table-catalog';
import type { Item } from '../engine/types';

/** AWS leaves alone items whose expiry lies more than five years in the past (usually a unit mistake). */
const FIVE_YEARS_S = 5 * 365 * 24 * 60 * 60;

export interface TtlSweeperOptions {
  readonly intervalMs: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Deletes expired items of tables with TTL enabled. AWS deletes within days of expiry; locally a pass runs
 * every `intervalMs`. Until then expired items are still returned by reads, as in AWS. Each deletion is
 * made under the item's lock after re-reading it, so an item updated meanwhile is not deleted, and it
 * reaches the table's stream as a service deletion.
 */
export class TtlSweeper {
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: DynamoDbContext,
    private readonly options: TtlSweeperOptions,
  ) {}

  start(): void {
    this.#timer = setInterval(() => {
      this.#pass = this.#pass.then(() => this.sweep()).catch(this.options.onError ?? console.warn);
    }, this.options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#pass;
  }

  /** Runs one pass now; resolves with the number of items deleted. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (const [tableName, ttl] of this.ctx.catalog.tablesWithTtl()) {
      for (const candidate of await this.#expiredItems(tableName, ttl)) {
        if (await this.#expire(tableName, ttl, candidate)) deleted += 1;
      }
    }
    return deleted;
  }

  async #expiredItems(tableName: string, ttl: TtlSetting): Promise<Item[]> {
    const now = this.#nowSeconds();
    const items: Item[] = [];
    let startKey: Record<string, Json> | undefined;
    do {
      const page = await this.ctx.client.call<{ Items: Item[]; LastEvaluatedKey?: Record<string, Json> }>('Scan', {
        TableName: tableName,
        FilterExpression: '#ttl < :now AND #ttl >= :oldest',
        ExpressionAttributeNames: { '#ttl': ttl.attributeName },
        ExpressionAttributeValues: { ':now': { N: String(now) }, ':oldest': { N: String(now - FIVE_YEARS_S) } },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      items.push(...page.Items);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async #expire(tableName: string, ttl: TtlSetting, candidate: Item): Promise<boolean> {
    const target = await locateItem(this.ctx, tableName, candidate);
    if (!target) return false;
    const release = await this.ctx.locks.acquire([target.identity]);
    try {
      const current = await readItem(this.ctx, tableName, target.key);
      if (!current || !this.#isExpired(current, ttl)) return false;
      await this.ctx.client.call('DeleteItem', { TableName: tableName, Key: target.key });
      await this.ctx.changes.record({ tableName, oldImage: current, byTtl: true });
      return true;
    } finally {
      release();
    }
  }

  #isExpired(item: Item, ttl: TtlSetting): boolean {
    const value = item[ttl.attributeName] as { N?: string } | undefined;
    const expiresAt = Number(value?.N);
    const now = this.#nowSeconds();
    return Number.isFinite(expiresAt) && expiresAt < now && expiresAt >= now - FIVE_YEARS_S;
  }

  #nowSeconds(): number {
    return Math.floor((this.options.now ?? Date.now)() / 1000);
  }
}
