import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OutboxItem } from '../adapters/outbox';

/** An event waiting in the outbox, decoded. */
export type OutboxEvent = {
  readonly detailType: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
};

/** Every event in the table's outbox, in no particular order. */
export async function outboxEvents(doc: DynamoDBDocumentClient, tableName: string): Promise<OutboxEvent[]> {
  const events: OutboxEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :outbox)',
        ExpressionAttributeValues: { ':outbox': 'OUTBOX#' },
        ...(startKey && { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of page.Items ?? []) {
      const { event } = OutboxItem.parse(item);
      const detail = JSON.parse(event.Detail) as { data: Record<string, unknown>; metadata: Record<string, unknown> };
      events.push({ detailType: event.DetailType, data: detail.data, metadata: detail.metadata });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return events;
}
