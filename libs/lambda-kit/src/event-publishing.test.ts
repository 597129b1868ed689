import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  EventPublisher,
  eventOf,
  InvoiceIssued,
  OrderConfirmed,
  OrderPlaced,
  sampleEvent,
  type Service,
} from '@shop/events';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEventHandler } from './eventbridge/handler';
import { makeHttpHandler } from './http/handler';
import { accepted } from './http/response';
import { makeSqsHandler } from './sqs/handler';
import { aLambdaContext, anHttpEvent, anSqsEvent, anSqsRecord, captureLogs, type CapturedLogs } from './testing';

// What the stacks promise the rest of the system: an event published by the business function
// carries the correlation id of the request or event that caused it, and that cause's id.

const eventBridge = mockClient(EventBridgeClient);
const publisherFor = (service: Service) =>
  new EventPublisher({ client: new EventBridgeClient({}), eventBusName: 'shop', service, environment: 'test' });

/** The `metadata` of each event sent to EventBridge. */
function publishedMetadata(): unknown[] {
  return eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => JSON.parse(entry.Detail ?? '{}').metadata);
}

let logs: CapturedLogs;
beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).callsFake(({ Entries = [] }) => ({
    FailedEntryCount: 0,
    Entries: Entries.map((_: unknown, i: number) => ({ EventId: `eb-${i}` })),
  }));
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('events published inside a handler', () => {
  it('carry the HTTP request correlation id, caused by the API request', async () => {
    const orders = publisherFor('orders');
    const handler = makeHttpHandler({}, async () => {
      await orders.publish(eventOf(OrderPlaced, OrderPlaced.sample));
      return accepted({});
    });

    await handler(anHttpEvent({ method: 'POST', headers: { 'x-correlation-id': 'corr-http' } }), aLambdaContext());

    expect(publishedMetadata()).toEqual([
      expect.objectContaining({ correlation_id: 'corr-http', causation_id: 'JKJaXmPLvHcESHA=' }),
    ]);
  });

  it('carry the consumed event correlation id, caused by that event', async () => {
    const invoices = publisherFor('invoices');
    const handler = makeEventHandler(OrderConfirmed, async () => {
      await invoices.publish(eventOf(InvoiceIssued, InvoiceIssued.sample));
    });
    const event = sampleEvent(OrderConfirmed);

    await handler(event, aLambdaContext());

    expect(publishedMetadata()).toEqual([
      expect.objectContaining({ correlation_id: event.detail.metadata.correlation_id, causation_id: event.id }),
    ]);
  });

  it('carry the correlation id of the SQS record that caused them', async () => {
    const invoices = publisherFor('invoices');
    const handler = makeSqsHandler(OrderConfirmed, async () => {
      await invoices.publish(eventOf(InvoiceIssued, InvoiceIssued.sample));
    });
    const first = sampleEvent(OrderConfirmed);
    const second = {
      ...first,
      id: 'evt-2',
      detail: { ...first.detail, metadata: { ...first.detail.metadata, correlation_id: 'corr-second' } },
    };

    await handler(anSqsEvent([anSqsRecord('msg-1', first), anSqsRecord('msg-2', second)]), aLambdaContext());

    expect(publishedMetadata()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ correlation_id: first.detail.metadata.correlation_id, causation_id: first.id }),
        expect.objectContaining({ correlation_id: 'corr-second', causation_id: 'evt-2' }),
      ]),
    );
    expect(publishedMetadata()).toHaveLength(2);
  });
});
