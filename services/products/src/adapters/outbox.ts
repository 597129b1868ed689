import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { currentCorrelation, newCorrelationId, type AnyEventDefinition, type OutgoingEvent } from '@shop/events';
import { z } from 'zod';
import { newEventId } from '../domain/ids';
import { outboxKey } from './table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Outbox items live a day: the stream hands them to the publisher within seconds, and TTL sweeps them. */
export const OUTBOX_TTL_SECONDS = 24 * 60 * 60;

/**
 * The EventBridge entry an outbox item holds. `Detail` carries `data` and the correlation ids of the
 * request that caused the change; the publisher adds the rest of the metadata (domain, service,
 * environment) through EventPublisher, which validates the whole event again before it is sent.
 */
export const OutboxEntry = z.object({
  Source: z.string().min(1),
  DetailType: z.string().min(1),
  Detail: z.string().min(2),
  Resources: z.array(z.string()).optional(),
  Time: z.iso.datetime(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The `Detail` of an outbox entry. */
export const OutboxDetail = z.object({
  metadata: z.object({ correlation_id: z.string().min(1), causation_id: z.string().min(1), event_version: z.string() }),
  data: z.unknown(),
});

/** An outbox item as the table stream shows it (NewImage, unmarshalled). */
export const OutboxItem = z.object({ pk: z.string().startsWith('OUTBOX#'), event: OutboxEntry });

/**
 * The Put of one outbox item, to add to the TransactWriteItems that makes the change: the event is saved
 * if and only if the change is, and the stream publishes it even if this function dies right after.
 * The data is validated here, so an event that could never be published never enters the outbox.
 *
 * @example
 * await doc.send(new TransactWriteCommand({ TransactItems: [putProduct, outboxPut(table, eventOf(ProductCreated, data), now)] }));
 */
export function outboxPut(tableName: string, event: OutgoingEvent<AnyEventDefinition>, now: Date): TransactItem {
  const { definition } = event;
  const data = definition.data.parse(event.data);
  const correlation = currentCorrelation();
  const correlationId = correlation?.correlationId ?? newCorrelationId();
  const metadata = {
    correlation_id: correlationId,
    causation_id: correlation?.causationId ?? correlationId,
    event_version: definition.version,
  };
  const entry: OutboxEntry = {
    Source: definition.source,
    DetailType: definition.detailType,
    Detail: JSON.stringify({ metadata, data }),
    ...(event.resources && { Resources: [...event.resources] }),
    Time: (event.time ?? now).toISOString(),
  };
  const expiresAt = Math.floor(now.getTime() / 1000) + OUTBOX_TTL_SECONDS;
  const item = { ...outboxKey(newEventId(now)), type: 'OUTBOX', event: entry, expiresAt };
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}
