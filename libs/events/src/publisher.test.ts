import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withCorrelation } from './correlation';
import { defineEvent } from './define-event';
import { MAX_PUT_EVENTS_BYTES, putEventsEntrySize } from './entry-size';
import { EventProducerMismatchError, EventPublishError, EventTooLargeError, EventValidationError } from './errors';
import { OrderCancelled } from './orders/order-cancelled';
import { ProductCreated } from './products/product-created';
import { EventPublisher, eventOf, type EventPublisherOptions } from './publisher';

const client = new EventBridgeClient({ region: 'eu-west-2' });
const eventBridge = mockClient(client);
const delays: number[] = [];

function aPublisher(options: Partial<EventPublisherOptions> = {}) {
  return new EventPublisher({
    client,
    eventBusName: 'shop-bus',
    service: 'orders',
    environment: 'staging',
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
}

const cancellation = (n: number) => eventOf(OrderCancelled, { ...OrderCancelled.sample, orderId: `ord_${n}` });
const sentEntries = (call: number): PutEventsRequestEntry[] =>
  eventBridge.commandCalls(PutEventsCommand)[call]?.args[0].input.Entries ?? [];
const orderIdsOf = (entries: PutEventsRequestEntry[]) =>
  entries.map((entry) => JSON.parse(entry.Detail ?? '{}').data.orderId as string);

/** Answers each PutEvents call by accepting every entry, except the positions `failing` lists for that call. */
function answerWith(...failingPerCall: number[][]) {
  let call = 0;
  eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
    const failing = failingPerCall[call++] ?? [];
    const Entries = input.Entries.map((entry, i) =>
      failing.includes(i)
        ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }
        : { EventId: `id-${orderIdsOf([entry])[0]}` },
    );
    return { FailedEntryCount: failing.length, Entries };
  });
}

beforeEach(() => {
  eventBridge.reset();
  delays.length = 0;
});

describe('EventPublisher', () => {
  it('sends 25 events in 3 PutEvents calls of at most 10 entries', async () => {
    answerWith();
    const events = Array.from({ length: 25 }, (_, n) => cancellation(n));

    const result = await aPublisher().publish(events);

    expect(eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length)).toEqual([
      10, 10, 5,
    ]);
    expect(result.eventIds).toEqual(events.map((_, n) => `id-ord_${n}`));
  });

  it('fills the metadata from the correlation context and the definition', async () => {
    answerWith();

    await withCorrelation({ correlationId: 'corr-42', causationId: 'evt-7' }, () =>
      aPublisher().publish(eventOf(OrderCancelled, OrderCancelled.sample, { resources: ['arn:aws:states:::order/1'] })),
    );

    const [entry] = sentEntries(0);
    expect(entry).toMatchObject({
      EventBusName: 'shop-bus',
      Source: 'shop.orders',
      DetailType: 'Order.OrderCancelled',
      Resources: ['arn:aws:states:::order/1'],
    });
    expect(JSON.parse(entry?.Detail ?? '{}')).toEqual({
      metadata: {
        correlation_id: 'corr-42',
        causation_id: 'evt-7',
        domain: 'shop',
        service: 'orders',
        environment: 'staging',
        event_version: '1',
      },
      data: OrderCancelled.sample,
    });
  });

  it('uses the correlation id as the causation id when the context has none', async () => {
    answerWith();

    await withCorrelation({ correlationId: 'corr-1' }, () => aPublisher().publish(cancellation(1)));

    expect(JSON.parse(sentEntries(0)[0]?.Detail ?? '{}').metadata).toMatchObject({
      correlation_id: 'corr-1',
      causation_id: 'corr-1',
    });
  });

  it('starts a new correlation id outside of any context, shared by the events of one publish', async () => {
    answerWith();

    await aPublisher().publish([cancellation(1), cancellation(2)]);

    const [first, second] = sentEntries(0).map((entry) => JSON.parse(entry.Detail ?? '{}').metadata);
    expect(first.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.correlation_id).toBe(first.correlation_id);
    expect(first.causation_id).toBe(first.correlation_id);
  });

  it('retries only the failed entries, with backoff, until they are accepted', async () => {
    answerWith([1, 3]);
    const events = Array.from({ length: 5 }, (_, n) => cancellation(n));

    const result = await aPublisher().publish(events);

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(orderIdsOf(sentEntries(1))).toEqual(['ord_1', 'ord_3']);
    expect(result.eventIds).toEqual(['id-ord_0', 'id-ord_1', 'id-ord_2', 'id-ord_3', 'id-ord_4']);
    expect(delays).toEqual([50]);
  });

  it('throws, listing every entry still refused after the last attempt, and publishes the others', async () => {
    answerWith([0, 2], [0, 1], [1]);
    const publisher = aPublisher({ retry: { maxAttempts: 3 } });

    const error = await publisher.publish([cancellation(0), cancellation(1), cancellation(2)]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventPublishError);
    expect((error as EventPublishError).failedEntries).toEqual([
      { index: 2, detailType: 'Order.OrderCancelled', errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' },
    ]);
    expect((error as EventPublishError).publishedCount).toBe(2);
    expect((error as Error).message).toContain('event 2 (Order.OrderCancelled): ThrottlingException: Rate exceeded');
    expect(delays).toEqual([50, 100]);
  });

  it('treats a missing result for an entry as a failure', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

    const error = await aPublisher({ retry: { maxAttempts: 2 } })
      .publish(cancellation(1))
      .catch((e: unknown) => e);

    expect((error as EventPublishError).failedEntries).toEqual([
      expect.objectContaining({ index: 0, errorCode: 'NoResult' }),
    ]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });

  it('reports the entries of a request the SDK gave up on, with the cause', async () => {
    const denied = Object.assign(new Error('not authorized to perform events:PutEvents'), {
      name: 'AccessDeniedException',
    });
    eventBridge.on(PutEventsCommand).rejects(denied);

    const error = (await aPublisher()
      .publish([cancellation(0), cancellation(1)])
      .catch((e: unknown) => e)) as EventPublishError;

    expect(error.failedEntries.map((entry) => [entry.index, entry.errorCode])).toEqual([
      [0, 'AccessDeniedException'],
      [1, 'AccessDeniedException'],
    ]);
    expect(error.cause).toBe(denied);
  });

  it('refuses invalid data before any call, naming the field', async () => {
    const invalid = eventOf(OrderCancelled, { ...OrderCancelled.sample, reasonCode: 'BORED' as 'OUT_OF_STOCK' });

    await expect(aPublisher().publish([cancellation(1), invalid])).rejects.toThrow(EventValidationError);
    await expect(aPublisher().publish(invalid)).rejects.toThrow('data.reasonCode:');
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('refuses an environment that consumers would reject, before any call', async () => {
    const publisher = aPublisher({ environment: 'Production Stage' });

    await expect(publisher.publish(cancellation(1))).rejects.toThrow('metadata.environment:');
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it("refuses to publish another service's event, at compile time and at run time", async () => {
    const orders = new EventPublisher({ client, eventBusName: 'shop-bus', service: 'orders', environment: 'prod' });

    // @ts-expect-error ProductCreated is produced by products, not by orders
    const publishing = orders.publish(eventOf(ProductCreated, ProductCreated.sample));

    await expect(publishing).rejects.toThrow(EventProducerMismatchError);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

describe('EventPublisher and the 256 KB limit', () => {
  const NoteAdded = defineEvent({
    producer: 'orders',
    detailType: 'Order.NoteAdded',
    version: '1',
    description: 'A test event with a free-size field.',
    consumers: [],
    data: z.object({ note: z.string() }),
    sample: { note: '' },
  });
  const context = { correlationId: 'corr-1', causationId: 'evt-1' };
  const metadata = {
    correlation_id: 'corr-1',
    causation_id: 'evt-1',
    domain: 'shop',
    service: 'orders',
    environment: 'staging',
    event_version: '1',
  };
  // The same entry the publisher writes for an empty note: each character of note adds one byte to it.
  const emptyNoteBytes = putEventsEntrySize({
    Source: 'shop.orders',
    DetailType: 'Order.NoteAdded',
    Detail: JSON.stringify({ metadata, data: { note: '' } }),
  });
  const noteFor = (entryBytes: number) => ({ note: 'x'.repeat(entryBytes - emptyNoteBytes) });

  it('refuses an oversized event before any call, even when the others fit', async () => {
    answerWith();
    const fitting = Array.from({ length: 11 }, () => eventOf(NoteAdded, { note: 'fits' }));
    const events = [...fitting, eventOf(NoteAdded, noteFor(MAX_PUT_EVENTS_BYTES + 1))];

    const error = await withCorrelation(context, () => aPublisher().publish(events)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({
      index: 11,
      sizeInBytes: MAX_PUT_EVENTS_BYTES + 1,
      limitInBytes: MAX_PUT_EVENTS_BYTES,
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('sends an event of exactly 256 KB', async () => {
    answerWith();

    await withCorrelation(context, () => aPublisher().publish(eventOf(NoteAdded, noteFor(MAX_PUT_EVENTS_BYTES))));

    expect(putEventsEntrySize(sentEntries(0)[0] ?? {})).toBe(MAX_PUT_EVENTS_BYTES);
  });
});
