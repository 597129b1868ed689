import { BatchProcessor, EventType, FullBatchFailureError, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import { currentCorrelation } from '@shop/events';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { observability } from '../observability';
import { logger } from '../powertools';
import { anOrderPlacedDetail, CUSTOMER_EMAIL, OrderPlaced } from '../test-support/order-placed';
import {
  aLambdaContext,
  anEventBridgeEvent,
  anSqsEvent,
  anSqsRecord,
  captureLogs,
  type CapturedLogs,
} from '../testing';
import { makeRecordHandler, makeSqsHandler } from './handler';

const aRecord = (messageId: string, detail: unknown, eventId = `evt-${messageId}`) =>
  anSqsRecord(
    messageId,
    anEventBridgeEvent({ id: eventId, source: 'shop.orders', detailType: 'Order.OrderPlaced', detail }),
  );

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('makeSqsHandler', () => {
  const handler = makeSqsHandler(OrderPlaced, async (event) => {
    const { orderId } = event.detail.data;
    logger.info('Processing order', { orderId });
    if (orderId.startsWith('ord_fail')) throw new Error(`could not process ${orderId}`);
  });

  it('reports exactly the failed records in batchItemFailures', async () => {
    logs = captureLogs();
    const event = anSqsEvent([
      aRecord('msg-1', anOrderPlacedDetail({ orderId: 'ord_1' })),
      aRecord('msg-2', anOrderPlacedDetail({ orderId: 'ord_fail_2' })),
      aRecord('msg-3', { not: 'an order' }),
      anSqsRecord('msg-4', 'this is not JSON'),
      aRecord('msg-5', anOrderPlacedDetail({ orderId: 'ord_5' })),
    ]);

    const response = await handler(event, aLambdaContext());

    const failedIds = response.batchItemFailures.map((failure) => failure.itemIdentifier).sort();
    expect(failedIds).toEqual(['msg-2', 'msg-3', 'msg-4']);
  });

  it('logs each failed record at error level under its own correlation id, without personal data', async () => {
    logs = captureLogs();
    const event = anSqsEvent([
      aRecord('msg-1', anOrderPlacedDetail({ orderId: 'ord_1', correlationId: 'corr-ok' })),
      aRecord('msg-2', anOrderPlacedDetail({ orderId: 'ord_fail_2', correlationId: 'corr-ko' })),
    ]);

    await handler(event, aLambdaContext());

    logs.restore();
    const errors = logs.lines().filter((line) => line.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'Record failed', messageId: 'msg-2', correlation_id: 'corr-ko' });
    expect(logs.text()).not.toContain(CUSTOMER_EMAIL);
  });

  it('fails the whole invocation when every record fails, so the batch is retried', async () => {
    logs = captureLogs();
    const event = anSqsEvent([aRecord('msg-1', anOrderPlacedDetail({ orderId: 'ord_fail_1' }))]);

    await expect(handler(event, aLambdaContext())).rejects.toThrow(FullBatchFailureError);
  });
});

describe('makeSqsHandler with records processed concurrently', () => {
  // The first record waits until the second has finished, so their log lines interleave for sure.
  let releaseFirst: () => void = () => undefined;
  const secondHasFinished = new Promise<void>((resolve) => (releaseFirst = resolve));
  const processed: { orderId: string; correlation: ReturnType<typeof currentCorrelation> }[] = [];
  const handler = makeSqsHandler(OrderPlaced, async (event) => {
    const { orderId } = event.detail.data;
    logger.info('Processing order', { orderId });
    if (orderId === 'ord_first') await secondHasFinished;
    processed.push({ orderId, correlation: currentCorrelation() });
    logger.info('Processed order', { orderId });
    if (orderId === 'ord_second') releaseFirst();
  });

  it('keeps each record in its own correlation context, in its work and its log lines', async () => {
    logs = captureLogs();
    const event = anSqsEvent([
      aRecord('msg-1', anOrderPlacedDetail({ orderId: 'ord_first', correlationId: 'corr-a' }), 'evt-a'),
      aRecord('msg-2', anOrderPlacedDetail({ orderId: 'ord_second', correlationId: 'corr-b' }), 'evt-b'),
    ]);

    await handler(event, aLambdaContext());

    logs.restore();
    expect(processed).toEqual([
      { orderId: 'ord_second', correlation: { correlationId: 'corr-b', causationId: 'evt-b' } },
      { orderId: 'ord_first', correlation: { correlationId: 'corr-a', causationId: 'evt-a' } },
    ]);
    const orderLines = logs.lines().filter((line) => typeof line.orderId === 'string');
    expect(orderLines.map((line) => [line.message, line.orderId, line.correlation_id])).toEqual([
      ['Processing order', 'ord_first', 'corr-a'],
      ['Processing order', 'ord_second', 'corr-b'],
      ['Processed order', 'ord_second', 'corr-b'],
      ['Processed order', 'ord_first', 'corr-a'],
    ]);
  });
});

describe('makeRecordHandler in a hand-written middy chain', () => {
  const processor = new BatchProcessor(EventType.SQS);
  const seen: string[] = [];
  const recordHandler = makeRecordHandler(OrderPlaced, async (event) => {
    seen.push(`${event.detail.data.orderId}:${currentCorrelation()?.correlationId}`);
  });
  const handler = middy<SQSEvent, SQSBatchResponse>()
    .use(observability())
    .handler((event, context) => processPartialResponse(event, recordHandler, processor, { context }));

  it('processes the records with Powertools BatchProcessor', async () => {
    logs = captureLogs();
    const event = anSqsEvent([aRecord('msg-1', anOrderPlacedDetail({ orderId: 'ord_1', correlationId: 'corr-1' }))]);

    const response = await handler(event, aLambdaContext());

    expect(response).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(['ord_1:corr-1']);
  });
});
