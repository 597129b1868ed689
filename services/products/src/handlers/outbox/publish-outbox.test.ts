import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ProductCreated } from '@shop/events';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboxPut } from '../../adapters/outbox';
import { productCreated } from '../../adapters/product-events';
import { aProduct, NOW } from '../../domain/test-data';
import { asRequest, QUIET_POWERTOOLS } from '../../test-support/handler-env';

const eventBridge = mockClient(EventBridgeClient);
let handler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

beforeAll(async () => {
  Object.assign(process.env, QUIET_POWERTOOLS, {
    EVENT_BUS_NAME: 'shop-bus',
    STAGE_NAME: 'staging',
    AWS_REGION: 'eu-west-2',
  });
  ({ handler } = await import('./publish-outbox'));
});
afterEach(() => eventBridge.reset());

const product = aProduct();

/** The stream record of an outbox item written while handling request `correlationId`. */
function anOutboxRecord(sequenceNumber: string, correlationId: string): DynamoDBRecord {
  const put = asRequest(correlationId, () => outboxPut('products', productCreated(product), NOW));
  return aStreamRecord(sequenceNumber, put.Put?.Item as Record<string, unknown>);
}

function aStreamRecord(sequenceNumber: string, item: Record<string, unknown>): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
  return {
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { SequenceNumber: sequenceNumber, NewImage: image },
  };
}

describe('publish-outbox handler', () => {
  it('puts the event on the bus with the correlation ids of the request that wrote it', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'eb-1' }] });

    const response = await handler({ Records: [anOutboxRecord('100', 'corr-42')] }, aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({
      EventBusName: 'shop-bus',
      Source: 'shop.products',
      DetailType: 'Product.ProductCreated',
      Time: NOW,
    });
    const detail = ProductCreated.detail.parse(JSON.parse(entry?.Detail ?? '{}'));
    expect(detail.metadata).toMatchObject({
      correlation_id: 'corr-42',
      causation_id: 'req-1',
      environment: 'staging',
      service: 'products',
    });
    expect(detail.data.product).toMatchObject({ id: product.id, imageKey: product.images[0]?.key });
  });

  it('fails only the record that is not a publishable outbox item', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'eb-1' }] });
    const unknownEvent = {
      pk: 'OUTBOX#x',
      sk: 'OUTBOX',
      event: {
        Source: 'shop.products',
        DetailType: 'Product.ProductVanished',
        Detail: '{"metadata":{"correlation_id":"c","causation_id":"c","event_version":"1"},"data":{}}',
        Time: NOW.toISOString(),
      },
    };

    const response = await handler(
      {
        Records: [
          aStreamRecord('200', { pk: 'OUTBOX#y', sk: 'OUTBOX' }),
          aStreamRecord('201', unknownEvent),
          anOutboxRecord('202', 'c-1'),
        ],
      },
      aLambdaContext(),
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '200' }, { itemIdentifier: '201' }]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('fails the record when EventBridge refuses the event, so the stream delivers it again', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });

    const response = await handler(
      { Records: [anOutboxRecord('300', 'c-2'), anOutboxRecord('301', 'c-3')] },
      aLambdaContext(),
    ).catch((error: unknown) => error);

    expect(response).toMatchObject({ name: 'FullBatchFailureError' });
  });
});
