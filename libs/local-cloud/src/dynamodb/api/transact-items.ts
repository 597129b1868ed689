import type { Json } from '../../core/contracts';
import { DynamoDbApiError, validationError } from '../errors';

export const MAX_TRANSACT_ITEMS = 100;

/** The list of a TransactWriteItems/TransactGetItems request, checked for presence and length as AWS does. */
export function transactItemsOf(payload: Record<string, unknown>): unknown[] {
  const items = payload.TransactItems;
  if (!Array.isArray(items)) {
    throw validationError(
      "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
  }
  if (items.length < 1) {
    throw validationError(
      "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (items.length > MAX_TRANSACT_ITEMS) {
    throw validationError(
      `1 validation error detected: Value '${JSON.stringify(items)}' at 'transactItems' failed to satisfy constraint: ` +
        `Member must have length less than or equal to ${MAX_TRANSACT_ITEMS}`,
    );
  }
  return items;
}

export function rejectDuplicates(identities: string[]): void {
  if (new Set(identities).size !== identities.length) {
    throw validationError('Transaction request cannot include multiple operations on one item');
  }
}

export interface CancellationReason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError';
  Message?: string;
  Item?: Record<string, Json>;
}

/** TransactionCanceledException with one reason per action, in request order, worded as AWS words it. */
export function transactionCanceled(reasons: CancellationReason[]): DynamoDbApiError {
  const codes = reasons.map((reason) => reason.Code).join(', ');
  return new DynamoDbApiError(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`,
    400,
    { CancellationReasons: reasons.map((reason) => ({ ...reason })) },
  );
}

/**
 * AWS reports an empty key value before the transaction runs (a ValidationException for the request),
 * but a wrongly typed key as that action's ValidationError. dynalite words the former "were invalid:".
 */
export function isEmptyKeyProblem(problem: string): boolean {
  return problem.includes('cannot contain an empty');
}

export function emptyKeyError(problem: string): DynamoDbApiError {
  return validationError(problem.replace('One or more parameter values were invalid:', 'One or more parameter values are not valid.'));
}
