import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import { EventPublisher } from '@shop/events';
import { logger, observability, tracer } from '@shop/lambda-kit';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { publishOutboxEntry } from '../../adapters/outbox-publisher';
import { eventBusName, stageName } from '../../config';

const publisher = new EventPublisher({
  client: tracer.captureAWSv3Client(new EventBridgeClient({})),
  eventBusName: eventBusName(),
  service: 'products',
  environment: stageName(),
});
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** Publishes one outbox item from its stream record; throwing fails just this record. */
async function publishRecord(record: DynamoDBRecord): Promise<void> {
  try {
    const image = record.dynamodb?.NewImage;
    // The stream's NewImage uses the Lambda event's attribute type, which has the same wire shape.
    const item = image === undefined ? undefined : unmarshall(image as Record<string, AttributeValue>);
    await publishOutboxEntry(publisher, item);
  } catch (error) {
    logger.error('Outbox record failed', { sequenceNumber: record.dynamodb?.SequenceNumber, error });
    throw error;
  }
}

/**
 * The table stream (filtered by the event source mapping to INSERTs of `OUTBOX#` items) → EventBridge.
 * Delivery is at least once: a retried batch may publish an event twice, and consumers are idempotent.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(observability())
  .handler((event, context) => processPartialResponse(event, publishRecord, processor, { context }));
