import type { Json } from '../../core/contracts';
import type { RawReply } from '../engine/dynalite-client';
import type { Item } from '../engine/types';
import { DynamoDbApiError } from '../errors';
import { readItem, type DynamoDbContext, type Payload } from './context';
import { locateItem } from './item-target';

export type SingleWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem';

/**
 * PutItem, UpdateItem and DeleteItem: dynalite does the write, under this facade's item lock so that
 * transactions and TTL see it as atomic. Adds what dynalite lacks: the stream record, and the existing item
 * in ConditionalCheckFailedException when ReturnValuesOnConditionCheckFailure is ALL_OLD.
 */
export async function writeItem(
  ctx: DynamoDbContext,
  operation: SingleWrite,
  payload: Payload,
  raw: string,
): Promise<RawReply> {
  const target = await locateItem(ctx, payload.TableName, operation === 'PutItem' ? payload.Item : payload.Key);
  if (!target) return ctx.client.send(operation, raw);
  const release = await ctx.locks.acquire([target.identity]);
  try {
    const streamed = ctx.changes.wants(target.tableName);
    const returnOld = payload.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
    const oldImage = streamed || returnOld ? await readItem(ctx, target.tableName, target.key) : undefined;
    const reply = await ctx.client.send(operation, raw);
    if (reply.status !== 200) return returnOld ? withExistingItem(reply, oldImage) : reply;
    if (streamed) {
      const newImage = await readItem(ctx, target.tableName, target.key);
      await ctx.changes.record({ tableName: target.tableName, oldImage, newImage });
    }
    return reply;
  } finally {
    release();
  }
}

/** GetItem under the item's lock, so it never sees a transaction half applied. */
export async function getItem(ctx: DynamoDbContext, payload: Payload, raw: string): Promise<RawReply> {
  const target = await locateItem(ctx, payload.TableName, payload.Key);
  if (!target) return ctx.client.send('GetItem', raw);
  const release = await ctx.locks.acquire([target.identity]);
  try {
    return await ctx.client.send('GetItem', raw);
  } finally {
    release();
  }
}

function withExistingItem(reply: RawReply, existing: Item | undefined): RawReply {
  const body = JSON.parse(reply.body.toString('utf8')) as Record<string, Json>;
  if (!existing || !String(body.__type).endsWith('#ConditionalCheckFailedException')) return reply;
  throw new DynamoDbApiError('ConditionalCheckFailedException', String(body.message ?? ''), reply.status, {
    Item: existing,
  });
}
