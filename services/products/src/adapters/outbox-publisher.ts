import { eventOf, findEventDefinition, withCorrelation, type EventPublisher } from '@shop/events';
import { OutboxRecordError } from '../domain/errors';
import { OutboxDetail, OutboxItem } from './outbox';

/**
 * Publishes an outbox item (as the stream's NewImage shows it, unmarshalled) through EventPublisher, in
 * the correlation context of the request that wrote it: the event carries the ids the change was made
 * under, not those of the stream batch.
 *
 * @throws OutboxRecordError when the item is not a publishable outbox entry; EventPublisher's errors as they are.
 */
export async function publishOutboxEntry(publisher: EventPublisher<'products'>, item: unknown): Promise<void> {
  const parsedItem = OutboxItem.safeParse(item);
  if (!parsedItem.success) throw new OutboxRecordError('The record is not an outbox item', { cause: parsedItem.error });
  const { event } = parsedItem.data;
  let detail;
  try {
    detail = OutboxDetail.parse(JSON.parse(event.Detail));
  } catch (error) {
    throw new OutboxRecordError(`The ${event.DetailType} entry has no valid Detail`, { cause: error });
  }
  const definition = findEventDefinition(event.DetailType, detail.metadata.event_version);
  if (definition === undefined || definition.source !== event.Source || definition.producer !== 'products') {
    throw new OutboxRecordError(`No products event ${event.DetailType} v${detail.metadata.event_version}`);
  }
  const { correlation_id: correlationId, causation_id: causationId } = detail.metadata;
  const outgoing = eventOf(definition, detail.data as never, {
    ...(event.Resources && { resources: event.Resources }),
    time: new Date(event.Time),
  });
  // The definition's producer was checked above; the types cannot follow a run-time lookup.
  await withCorrelation({ correlationId, causationId }, () =>
    publisher.publish(outgoing as Parameters<typeof publisher.publish>[0]),
  );
}
