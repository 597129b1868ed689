import { createRequire } from 'node:module';
import { DynamoDbApiError } from '../errors';
import type { Item, TableDescription } from './types';

/**
 * DynamoDB's request rules, taken from dynalite's own validation and expression code so that this facade
 * judges a transaction item exactly as dynalite judges the same PutItem/UpdateItem/DeleteItem/GetItem.
 */
interface DynaliteError extends Error {
  statusCode?: number;
  body?: Record<string, string>;
}
interface OperationRules {
  types: Record<string, unknown>;
  custom?: (data: Record<string, unknown>, store: unknown) => string | undefined;
}
interface DynaliteDb {
  checkConditional(data: Record<string, unknown>, existing: Item | undefined): DynaliteError | null | undefined;
  validateItem(item: Item, table: TableDescription): DynaliteError | null | undefined;
  validateKey(key: Item, table: TableDescription): DynaliteError | null | undefined;
  validateUpdates(attributeUpdates: unknown, updates: unknown, table: TableDescription): DynaliteError | null | undefined;
  createKey(item: Item, table: TableDescription): string;
  itemSize(item: Item): number;
}
interface DynaliteValidations {
  checkTypes(data: Record<string, unknown>, types: Record<string, unknown>): Record<string, unknown>;
  checkValidations(data: Record<string, unknown>, types: unknown, custom: unknown, store: unknown): void;
}

const require = createRequire(import.meta.url);
const db = require('dynalite/db') as DynaliteDb;
const validations = require('dynalite/validations') as DynaliteValidations;
const RULES = {
  PutItem: require('dynalite/validations/putItem') as OperationRules,
  UpdateItem: require('dynalite/validations/updateItem') as OperationRules,
  DeleteItem: require('dynalite/validations/deleteItem') as OperationRules,
  GetItem: require('dynalite/validations/getItem') as OperationRules,
};
/** The only part of dynalite's store its validations read. */
const VALIDATION_STORE = { options: { maxItemSize: 400 * 1024 } };

export type ItemOperation = keyof typeof RULES;

/** A request that passed validation, with its parsed expressions (`_condition`, `_updates`) attached. */
export type CheckedRequest = Record<string, unknown>;

/** Validates one single-item request as DynamoDB would; throws the ValidationException AWS would send. */
export function checkRequest(operation: ItemOperation, request: Record<string, unknown>): CheckedRequest {
  const rules = RULES[operation];
  try {
    const checked = validations.checkTypes(structuredClone(request), rules.types);
    validations.checkValidations(checked, rules.types, rules.custom, VALIDATION_STORE);
    return checked;
  } catch (err) {
    throw toApiError(err);
  }
}

/** True when the request's condition (ConditionExpression or legacy Expected) holds for the current item. */
export function conditionHolds(checked: CheckedRequest, existing: Item | undefined): boolean {
  return !db.checkConditional(checked, existing);
}

/** Why a Put's item does not fit the table's key schema and index keys, if it does not. */
export function itemProblem(item: Item, table: TableDescription): string | undefined {
  return db.validateItem(item, table)?.message;
}

/** Why a key does not match the table's key schema, if it does not. */
export function keyProblem(key: Item, table: TableDescription): string | undefined {
  return db.validateKey(key, table)?.message;
}

/** Why an update would touch a key attribute or write a wrongly typed index key, if it would. */
export function updateProblem(checked: CheckedRequest, table: TableDescription): string | undefined {
  return db.validateUpdates(checked.AttributeUpdates, checked._updates, table)?.message;
}

/** A string unique to one item of one table, used to lock and to detect two actions on one item. */
export function itemIdentity(tableName: string, keyOrItem: Item, table: TableDescription): string {
  return `${tableName}\u0000${db.createKey(keyOrItem, table)}`;
}

export function itemSize(item: Item): number {
  return db.itemSize(item);
}

function toApiError(err: unknown): unknown {
  const dynaliteError = err as DynaliteError;
  if (dynaliteError.statusCode && dynaliteError.body) {
    return DynamoDbApiError.fromBody(dynaliteError.statusCode, dynaliteError.body);
  }
  return err;
}
