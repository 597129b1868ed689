import type { Json } from '../../core/contracts';
import type { DynaliteClient, RawReply } from '../engine/dynalite-client';
import type { ItemLocks } from '../engine/item-lock';
import type { TableCatalog } from '../engine/table-catalog';
import type { Item } from '../engine/types';
import type { ChangeRecorder } from '../streams/change-recorder';
import type { StreamStore } from '../streams/stream-store';
import type { ClientTokens } from './client-tokens';

/** Everything an operation handler may use. One per running DynamoDB service. */
export interface DynamoDbContext {
  readonly client: DynaliteClient;
  readonly catalog: TableCatalog;
  readonly locks: ItemLocks;
  readonly changes: ChangeRecorder;
  readonly streams: StreamStore;
  readonly tokens: ClientTokens;
  readonly region: string;
}

/** What a handler answers: dynalite's own reply passed through, or a JSON body built here. */
export type HandlerResult = RawReply | { readonly json: Record<string, Json> };

export type Payload = Record<string, unknown>;

/** Reads one item with a strongly consistent GetItem; undefined when there is none. */
export async function readItem(
  ctx: DynamoDbContext,
  tableName: string,
  key: Item,
  projection: Payload = {},
): Promise<Item | undefined> {
  const reply = await ctx.client.call<{ Item?: Item }>('GetItem', {
    TableName: tableName,
    Key: key,
    ConsistentRead: true,
    ...projection,
  });
  return reply.Item;
}
