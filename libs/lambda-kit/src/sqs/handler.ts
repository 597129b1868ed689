import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parse, ParseError } from '@aws-lambda-powertools/parser';
import middy from '@middy/core';
import { withCorrelation } from '@shop/events';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { correlationOfEvent } from '../correlation';
import { eventSchema, type EventContract, type EventOf } from '../eventbridge/contract';
import { observability } from '../observability';
import { logger } from '../powertools';
import { fieldErrorsOf } from '../validation';

/** Processes one record's event; throw to fail the record (it is retried, then sent to the DLQ). */
export type EventProcessor<C extends EventContract> = (event: EventOf<C>, context?: Context) => Promise<unknown>;

/** A record handler as Powertools' `BatchProcessor` calls it. */
export type RecordHandler = (record: SQSRecord, context?: Context) => Promise<unknown>;

/** @internal The body as JSON, or `undefined`: the correlation id is looked for before validation. */
function jsonOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** @internal Logs why a record failed (in its own correlation context), then fails it. */
function failRecord(record: SQSRecord, error: unknown): never {
  const fields = fieldErrorsOf(error)?.map((f) => f.path);
  logger.error('Record failed', { messageId: record.messageId, ...(fields && { fields }), error });
  throw error;
}

/**
 * A record handler for SQS messages whose body is a whole EventBridge event (what a rule with an SQS
 * target delivers). Each record runs in its own correlation context, so records processed
 * concurrently keep their own `correlation_id` in logs and published events. A record that does not
 * parse, or whose processing throws, is logged and thrown: `BatchProcessor` reports it in
 * `batchItemFailures`, SQS retries it, and after `maxReceiveCount` moves it to the DLQ.
 *
 * @example
 * const processor = new BatchProcessor(EventType.SQS);
 * const recordHandler = makeRecordHandler(OrderConfirmed, createInvoiceOnce);
 * export const handler = middy<SQSEvent, SQSBatchResponse>().use(observability())
 *   .handler((event, context) => processPartialResponse(event, recordHandler, processor, { context }));
 */
export function makeRecordHandler<C extends EventContract>(
  contract: C,
  processEvent: EventProcessor<C>,
): RecordHandler {
  const schema = eventSchema(contract);
  return (record, context) => {
    const raw = jsonOrUndefined(record.body);
    return withCorrelation(correlationOfEvent(raw), async () => {
      try {
        // No `cause`: a JSON syntax error quotes the body, and the body may hold personal data.
        if (raw === undefined) throw new ParseError('The SQS message body is not JSON');
        return await processEvent(parse(raw, undefined, schema), context);
      } catch (error) {
        failRecord(record, error);
      }
    });
  };
}

/** Options of `makeSqsHandler`. */
export type SqsHandlerOptions = {
  /** Process the batch's records concurrently (the default) or one after another. */
  readonly processInParallel?: boolean;
};

/**
 * The whole SQS consumer stack in one call: logging, tracing, metrics, and Powertools
 * `BatchProcessor` with partial batch responses, over `makeRecordHandler`. The event source mapping
 * must enable `ReportBatchItemFailures`, or a single failed record makes SQS retry the whole batch.
 *
 * @example
 * export const handler = makeSqsHandler(OrderConfirmed, makeIdempotentFunction(createInvoice, idempotency));
 */
export function makeSqsHandler<C extends EventContract>(
  contract: C,
  processEvent: EventProcessor<C>,
  options: SqsHandlerOptions = {},
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = makeRecordHandler(contract, processEvent);
  return middy<SQSEvent, SQSBatchResponse>()
    .use(observability())
    .handler((event, context) =>
      processPartialResponse(event, recordHandler, processor, {
        context,
        processInParallel: options.processInParallel,
      }),
    );
}
