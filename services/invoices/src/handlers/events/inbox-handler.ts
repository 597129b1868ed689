import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { makeRecordHandler, observability, type EventContract, type EventProcessor } from '@shop/lambda-kit';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { isPoison } from '../../domain/errors';

/** Where a message that can never succeed goes instead of back to its queue. */
export type PoisonSink = { send(record: SQSRecord, error: { name: string; code: string }): Promise<void> };

/** A message that does not match its contract fails identically on every attempt: poison too. */
const UNPARSABLE = 'INVOICES.UNPARSABLE_EVENT';

function poisonCode(error: unknown): string | undefined {
  if (isPoison(error)) return (error as { code: string }).code;
  if (error instanceof Error && error.name === 'ParseError') return UNPARSABLE;
  return undefined;
}

/**
 * lambda-kit's SQS consumer (Powertools BatchProcessor, partial batch responses, a correlation context per
 * record) with one addition: a record that failed for good (a poison error, or an event that does not parse)
 * is sent to the DLQ at once and reported done, so it does not come back `maxReceiveCount` times. Any other
 * failure fails the record as usual: SQS retries it, then redrives it to the same DLQ.
 *
 * @example
 * export const handler = makeInboxHandler(OrderConfirmed, issueInvoiceOnce, makeDeadLetters());
 */
export function makeInboxHandler<C extends EventContract>(
  contract: C,
  processEvent: EventProcessor<C>,
  poison: PoisonSink,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = makeRecordHandler(contract, processEvent);
  const handleRecord = async (record: SQSRecord, context?: Context) => {
    try {
      return await recordHandler(record, context);
    } catch (error) {
      const code = poisonCode(error);
      if (code === undefined) throw error;
      await poison.send(record, { name: (error as Error).name, code });
      return { deadLettered: code };
    }
  };
  return middy<SQSEvent, SQSBatchResponse>()
    .use(observability())
    .handler((event, context) => processPartialResponse(event, handleRecord, processor, { context }));
}
