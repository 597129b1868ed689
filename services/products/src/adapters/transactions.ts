import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** How a transaction ended: committed, or cancelled with one reason code per item ('None' for the innocent ones). */
export type TransactionResult =
  { readonly committed: true } | { readonly committed: false; readonly reasons: readonly string[] };

/**
 * Runs TransactWriteItems and returns cancellations as data (the caller decides: a retry, a domain error),
 * so no SDK exception escapes the adapters. Anything else (throttling after the SDK's retries) is thrown.
 */
export async function transactWrite(doc: DynamoDBDocumentClient, items: TransactItem[]): Promise<TransactionResult> {
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { committed: true };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
    return { committed: false, reasons };
  }
}

export const CONDITION_FAILED = 'ConditionalCheckFailed';
export const TRANSACTION_CONFLICT = 'TransactionConflict';

/** A short random pause before retrying a contended transaction, so the contenders spread out. */
export function backoff(attempt: number, random: () => number = Math.random): Promise<void> {
  const ms = Math.min(200, 10 * 2 ** attempt) * (0.5 + random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
