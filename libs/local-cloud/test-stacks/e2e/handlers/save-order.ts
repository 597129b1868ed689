import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

interface SaveOrderEvent {
  readonly orderId: string;
  readonly customerId: string;
  readonly total: { readonly amount: number; readonly currency: string };
  /** Epoch seconds after which the table's TTL may delete the order. */
  readonly expiresAt?: number;
}

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');
// No endpoint in code: the SDK reads AWS_ENDPOINT_URL_DYNAMODB, which the local Lambda sets and AWS does not.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Saves an order as a service's handler would: one item, keyed for the table and its customer index. */
export const handler = async (event: SaveOrderEvent) => {
  const item = {
    pk: `ORDER#${event.orderId}`,
    customerId: `CUSTOMER#${event.customerId}`,
    placedAt: new Date().toISOString(),
    total: event.total,
    ...(event.expiresAt !== undefined && { expiresAt: event.expiresAt }),
  };
  await documents.send(new PutCommand({ TableName: tableName, Item: item }));
  return { saved: event.orderId };
};
