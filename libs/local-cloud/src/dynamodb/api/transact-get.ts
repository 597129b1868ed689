import type { Json } from '../../core/contracts';
import { checkRequest, itemIdentity, keyProblem } from '../engine/dynalite-rules';
import { isRecord, type Item } from '../engine/types';
import { resourceNotFound, validationError } from '../errors';
import { readItem, type DynamoDbContext, type Payload } from './context';
import {
  emptyKeyError,
  isEmptyKeyProblem,
  rejectDuplicates,
  transactionCanceled,
  transactItemsOf,
} from './transact-items';

interface GetAction {
  readonly tableName: string;
  readonly key: Item;
  readonly identity: string;
  readonly projection: Payload;
  readonly problem?: string;
}

/**
 * TransactGetItems, which dynalite lacks: the items are read while holding their locks, so the result is
 * a consistent snapshot that no transaction or single write can be half way through.
 */
export async function transactGet(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const entries = transactItemsOf(payload);
  const actions: GetAction[] = [];
  for (const [index, entry] of entries.entries()) actions.push(await planGet(ctx, entry, index));
  rejectDuplicates(actions.map((action) => action.identity));
  if (actions.some((action) => action.problem)) {
    throw transactionCanceled(
      actions.map((action) => (action.problem ? { Code: 'ValidationError', Message: action.problem } : { Code: 'None' })),
    );
  }
  const release = await ctx.locks.acquire(actions.map((action) => action.identity));
  try {
    const items = await Promise.all(
      actions.map((action) => readItem(ctx, action.tableName, action.key, action.projection)),
    );
    return { Responses: items.map((item): Record<string, Json> => (item ? { Item: item } : {})) };
  } finally {
    release();
  }
}

async function planGet(ctx: DynamoDbContext, entry: unknown, index: number): Promise<GetAction> {
  const get = isRecord(entry) ? entry.Get : undefined;
  if (!isRecord(get)) {
    throw validationError(
      `1 validation error detected: Value null at 'transactItems.${index + 1}.member.get' failed to satisfy constraint: Member must not be null`,
    );
  }
  checkRequest('GetItem', get);
  const tableName = String(get.TableName);
  const table = await ctx.catalog.describe(tableName);
  if (!table) throw resourceNotFound();
  const key = (isRecord(get.Key) ? get.Key : {}) as Item;
  const problem = keyProblem(key, table);
  if (problem && isEmptyKeyProblem(problem)) throw emptyKeyError(problem);
  const projection: Payload = {};
  if (get.ProjectionExpression !== undefined) projection.ProjectionExpression = get.ProjectionExpression;
  if (get.ExpressionAttributeNames !== undefined) projection.ExpressionAttributeNames = get.ExpressionAttributeNames;
  return {
    tableName,
    key,
    identity: problem ? `${tableName}\u0000invalid-${index}` : itemIdentity(tableName, key, table),
    projection,
    ...(problem ? { problem } : {}),
  };
}
