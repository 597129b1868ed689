import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent, SQSEvent } from 'aws-lambda';

interface OrderPlaced {
  readonly data: { readonly order: { readonly id: string; readonly sku: string; readonly quantity: number }; readonly customer: { readonly id: string } };
}

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Consumes the queue a rule fills with Order.OrderPlaced events (the whole event is the body) into a read model. */
export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    const placed = JSON.parse(record.body) as EventBridgeEvent<'Order.OrderPlaced', OrderPlaced>;
    const { order, customer } = placed.detail.data;
    const item = { pk: `ORDER#${order.id}`, customerId: customer.id, sku: order.sku, quantity: order.quantity, source: placed.source };
    await documents.send(new PutCommand({ TableName: tableName, Item: item }));
  }
};
