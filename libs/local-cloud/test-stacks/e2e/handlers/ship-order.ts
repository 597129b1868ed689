import type { EventBridgeEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';

type OrderPlaced = EventBridgeEvent<'Order.OrderPlaced', { metadata: { correlation_id: string }; data: { order: { id: string } } }>;

/** Consumes the queue a rule fills with Order.OrderPlaced events (the whole event is the body). */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  for (const record of event.Records) {
    const placed = JSON.parse(record.body) as OrderPlaced;
    console.info('shipping order', placed.detail.data.order.id, 'for', placed.detail.metadata.correlation_id);
  }
  return { batchItemFailures: [] };
};
