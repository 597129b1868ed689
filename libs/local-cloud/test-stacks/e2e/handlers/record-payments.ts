import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const processor = new BatchProcessor(EventType.SQS);

/** A body that is not JSON throws: that record alone fails, and comes back until the queue dead-letters it. */
async function recordPayment(record: SQSRecord): Promise<void> {
  const payment = JSON.parse(record.body) as { paymentId: string };
  const item = { pk: `PAYMENT#${payment.paymentId}`, receiveCount: Number(record.attributes.ApproximateReceiveCount) };
  await documents.send(new PutCommand({ TableName: tableName, Item: item }));
}

/** A queue consumer on the paved path: Powertools' BatchProcessor reports the failed records by ID. */
export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, recordPayment, processor, { context });
