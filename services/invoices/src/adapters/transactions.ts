import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why one item of a cancelled transaction failed ('None' if it did not), and the item as it was, if asked for. */
export type CancellationReason = { readonly code: string; readonly item?: Record<string, unknown> };

export type TransactionResult =
  { readonly committed: true } | { readonly committed: false; readonly reasons: readonly CancellationReason[] };

export const CONDITION_FAILED = 'ConditionalCheckFailed';

/**
 * Runs TransactWriteItems and returns a cancellation as data, with each item's reason and (for items written
 * with `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`) the item that failed the condition, unmarshalled: the
 * caller decides, and no SDK exception escapes the adapters. Anything else is thrown.
 */
export async function transactWrite(doc: DynamoDBDocumentClient, items: TransactItem[]): Promise<TransactionResult> {
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { committed: true };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = (error.CancellationReasons ?? []).map((reason) => ({
      code: reason.Code ?? 'None',
      ...(reason.Item && { item: unmarshall(reason.Item) }),
    }));
    return { committed: false, reasons };
  }
}

/** Backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), capped at one second. */
export function jitteredDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(1000, 10 * 2 ** attempt));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
