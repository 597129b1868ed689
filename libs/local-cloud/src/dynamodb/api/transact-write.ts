import type { Json } from '../../core/contracts';
import { conditionHolds } from '../engine/dynalite-rules';
import type { Item } from '../engine/types';
import { DynamoDbApiError } from '../errors';
import { readItem, type DynamoDbContext, type Payload } from './context';
import { transactionCanceled, type CancellationReason } from './transact-items';
import { planTransactWrite, type WriteAction } from './transact-write-plan';

/**
 * TransactWriteItems, which dynalite lacks. All actions' items are locked (the same locks every other
 * writer takes), every condition is checked against the current items, and only if all hold are the
 * writes applied; a write that still fails (an update expression meeting the wrong type) undoes the ones
 * before it. So the transaction is all or nothing, and no other writer can interleave with it.
 */
export async function transactWrite(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const { ClientRequestToken, ...request } = payload;
  return ctx.tokens.run(ClientRequestToken, JSON.stringify(request), () => execute(ctx, payload));
}

async function execute(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const actions = await planTransactWrite(ctx.catalog, payload);
  const release = await ctx.locks.acquire(actions.map((action) => action.identity));
  try {
    const oldImages = await Promise.all(
      actions.map((action) => (action.problem ? undefined : readItem(ctx, action.tableName, action.key))),
    );
    const reasons = actions.map((action, index) => reasonFor(action, oldImages[index]));
    if (reasons.some((reason) => reason.Code !== 'None')) throw transactionCanceled(reasons);
    await applyAll(ctx, actions, oldImages);
    await recordChanges(ctx, actions, oldImages);
    return {};
  } finally {
    release();
  }
}

function reasonFor(action: WriteAction, existing: Item | undefined): CancellationReason {
  if (action.problem) return { Code: 'ValidationError', Message: action.problem };
  if (conditionHolds(action.checked, existing)) return { Code: 'None' };
  return {
    Code: 'ConditionalCheckFailed',
    Message: 'The conditional request failed',
    ...(action.returnOldOnFailure && existing ? { Item: existing } : {}),
  };
}

async function applyAll(ctx: DynamoDbContext, actions: WriteAction[], oldImages: Array<Item | undefined>): Promise<void> {
  const applied: number[] = [];
  for (const [index, action] of actions.entries()) {
    if (action.kind === 'ConditionCheck') continue;
    try {
      await ctx.client.call(`${action.kind}Item`, action.request);
      applied.push(index);
    } catch (err) {
      if (!(err instanceof DynamoDbApiError) || err.status >= 500) throw err;
      for (const done of applied.reverse()) await restore(ctx, actions[done] as WriteAction, oldImages[done]);
      throw transactionCanceled(
        actions.map((_, i) => (i === index ? { Code: 'ValidationError', Message: err.message } : { Code: 'None' })),
      );
    }
  }
}

async function restore(ctx: DynamoDbContext, action: WriteAction, oldImage: Item | undefined): Promise<void> {
  if (oldImage) await ctx.client.call('PutItem', { TableName: action.tableName, Item: oldImage });
  else await ctx.client.call('DeleteItem', { TableName: action.tableName, Key: action.key });
}

async function recordChanges(ctx: DynamoDbContext, actions: WriteAction[], oldImages: Array<Item | undefined>): Promise<void> {
  for (const [index, action] of actions.entries()) {
    if (action.kind === 'ConditionCheck' || !ctx.changes.wants(action.tableName)) continue;
    const newImage = action.kind === 'Delete' ? undefined : await readItem(ctx, action.tableName, action.key);
    await ctx.changes.record({ tableName: action.tableName, oldImage: oldImages[index], newImage });
  }
}
