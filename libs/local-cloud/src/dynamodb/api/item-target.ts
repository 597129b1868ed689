import { itemIdentity, keyProblem } from '../engine/dynalite-rules';
import { isRecord, keyOf, type Item, type TableDescription } from '../engine/types';
import type { DynamoDbContext } from './context';

/** The item one request names: its table, its key and the identity its lock is taken under. */
export interface ItemTarget {
  readonly tableName: string;
  readonly table: TableDescription;
  readonly key: Item;
  readonly identity: string;
}

/**
 * Finds the item a request targets, or undefined when the request cannot name one (no such table, a key
 * that does not fit the schema). Such requests go to dynalite unlocked: they write nothing, and dynalite
 * answers them with DynamoDB's own error.
 */
export async function locateItem(
  ctx: DynamoDbContext,
  tableName: unknown,
  keyOrItem: unknown,
): Promise<ItemTarget | undefined> {
  if (typeof tableName !== 'string' || !isRecord(keyOrItem)) return undefined;
  const table = await ctx.catalog.describe(tableName);
  if (!table) return undefined;
  const key = keyOf(keyOrItem as Item, table);
  if (keyProblem(key, table)) return undefined;
  return { tableName, table, key, identity: itemIdentity(tableName, key, table) };
}
