import type { RawReply } from '../engine/dynalite-client';
import { isRecord } from '../engine/types';
import { readItem, type DynamoDbContext, type Payload } from './context';
import { locateItem, type ItemTarget } from './item-target';

/** BatchWriteItem under the locks of every item it names, with a stream record per changed item. */
export async function batchWrite(ctx: DynamoDbContext, payload: Payload, raw: string): Promise<RawReply> {
  const targets = await locateAll(ctx, payload.RequestItems, (request) => {
    if (!isRecord(request)) return undefined;
    const put = request.PutRequest;
    const del = request.DeleteRequest;
    return isRecord(put) ? put.Item : isRecord(del) ? del.Key : undefined;
  });
  if (!targets) return ctx.client.send('BatchWriteItem', raw);
  const release = await ctx.locks.acquire(targets.map((target) => target.identity));
  try {
    const streamed = targets.filter((target) => ctx.changes.wants(target.tableName));
    const oldImages = await Promise.all(streamed.map((target) => readItem(ctx, target.tableName, target.key)));
    const reply = await ctx.client.send('BatchWriteItem', raw);
    if (reply.status !== 200) return reply;
    for (const [index, target] of streamed.entries()) {
      const newImage = await readItem(ctx, target.tableName, target.key);
      await ctx.changes.record({ tableName: target.tableName, oldImage: oldImages[index], newImage });
    }
    return reply;
  } finally {
    release();
  }
}

/** BatchGetItem under the locks of every item it reads. */
export async function batchGet(ctx: DynamoDbContext, payload: Payload, raw: string): Promise<RawReply> {
  const targets = await locateAll(ctx, payload.RequestItems, (key) => key, 'Keys');
  if (!targets) return ctx.client.send('BatchGetItem', raw);
  const release = await ctx.locks.acquire(targets.map((target) => target.identity));
  try {
    return await ctx.client.send('BatchGetItem', raw);
  } finally {
    release();
  }
}

/**
 * The items a batch names, or undefined when any cannot be located; dynalite then rejects the whole
 * batch with DynamoDB's error, before writing anything.
 */
async function locateAll(
  ctx: DynamoDbContext,
  requestItems: unknown,
  keyOf: (entry: unknown) => unknown,
  listField?: string,
): Promise<ItemTarget[] | undefined> {
  if (!isRecord(requestItems)) return undefined;
  const targets: ItemTarget[] = [];
  for (const [tableName, value] of Object.entries(requestItems)) {
    const entries = listField ? (isRecord(value) ? value[listField] : undefined) : value;
    if (!Array.isArray(entries)) return undefined;
    for (const entry of entries) {
      const target = await locateItem(ctx, tableName, keyOf(entry));
      if (!target) return undefined;
      targets.push(target);
    }
  }
  return targets;
}
