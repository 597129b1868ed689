import {
  checkRequest,
  itemIdentity,
  itemProblem,
  keyProblem,
  updateProblem,
  type CheckedRequest,
  type ItemOperation,
} from '../engine/dynalite-rules';
import type { TableCatalog } from '../engine/table-catalog';
import { isRecord, keyOf, type Item } from '../engine/types';
import { resourceNotFound, validationError } from '../errors';
import { emptyKeyError, isEmptyKeyProblem, rejectDuplicates, transactItemsOf } from './transact-items';

export type ActionKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

/** One TransactWriteItems action, validated and ready to check and apply. */
export interface WriteAction {
  readonly kind: ActionKind;
  readonly tableName: string;
  readonly key: Item;
  readonly identity: string;
  /** The equivalent single-item request (PutItem, UpdateItem or DeleteItem). */
  readonly request: Record<string, unknown>;
  readonly checked: CheckedRequest;
  readonly returnOldOnFailure: boolean;
  /** Why this action cannot run: reported as its ValidationError cancellation reason. */
  readonly problem?: string;
}

const KINDS: ActionKind[] = ['Put', 'Update', 'Delete', 'ConditionCheck'];
const RULES: Record<ActionKind, ItemOperation> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'DeleteItem',
};

/**
 * Validates a TransactWriteItems request and plans its actions. Malformed requests (bad expressions, empty
 * key values, two actions on one item, too many actions, unknown tables) are refused as a whole, as AWS does.
 *
 * @example
 * const actions = await planTransactWrite(catalog, { TransactItems: [{ Put: { TableName: 't', Item } }] });
 */
export async function planTransactWrite(catalog: TableCatalog, payload: Record<string, unknown>): Promise<WriteAction[]> {
  const entries = transactItemsOf(payload);
  const actions: WriteAction[] = [];
  for (const [index, entry] of entries.entries()) actions.push(await planAction(catalog, entry, index));
  rejectDuplicates(actions.map((action) => action.identity));
  return actions;
}

async function planAction(catalog: TableCatalog, entry: unknown, index: number): Promise<WriteAction> {
  const present = isRecord(entry) ? KINDS.filter((kind) => entry[kind] != null) : [];
  const [kind] = present;
  const action = kind && isRecord(entry) ? entry[kind] : undefined;
  if (!kind || present.length > 1 || !isRecord(action)) {
    throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
  }
  const { ReturnValuesOnConditionCheckFailure, ...request } = action;
  requireMember(kind, request, index);
  const checked = checkRequest(RULES[kind], request);
  const tableName = String(request.TableName);
  const table = await catalog.describe(tableName);
  if (!table) throw resourceNotFound();
  const keyOrItem = (kind === 'Put' ? request.Item : request.Key) as Item;
  const problem = kind === 'Put' ? itemProblem(keyOrItem, table) : keyProblem(keyOrItem, table);
  if (problem && isEmptyKeyProblem(problem)) throw emptyKeyError(problem);
  const fullProblem = problem ?? (kind === 'Update' ? updateProblem(checked, table) : undefined);
  const key = keyOf(keyOrItem, table);
  return {
    kind,
    tableName,
    key,
    // An action whose key does not fit the schema names no item; it only needs an identity of its own.
    identity: problem ? `${tableName}\u0000invalid-${index}` : itemIdentity(tableName, key, table),
    request,
    checked,
    returnOldOnFailure: ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
    ...(fullProblem ? { problem: fullProblem } : {}),
  };
}

/** The members DynamoDB requires per action kind beyond what the single-item operation requires. */
function requireMember(kind: ActionKind, request: Record<string, unknown>, index: number): void {
  const required = kind === 'Update' ? 'UpdateExpression' : kind === 'ConditionCheck' ? 'ConditionExpression' : undefined;
  if (required && request[required] == null) {
    const path = `transactItems.${index + 1}.member.${lowerFirst(kind)}.${lowerFirst(required)}`;
    throw validationError(
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
