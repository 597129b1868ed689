import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { logger, tracer } from '@shop/lambda-kit';
import { DynamoInvoiceStore } from '../adapters/dynamodb-invoice-store';
import { S3PdfStore } from '../adapters/s3-pdf-store';
import * as config from '../config';
import type { ActivityLog } from '../ports';

// Made once per function, at cold start, and reused by every invocation. What only the queue consumers use is
// in issue-dependencies.ts, so the API function neither bundles nor configures it.

export const dynamoDbClient = tracer.captureAWSv3Client(new DynamoDBClient({}));
const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export const makeInvoiceStore = () => new DynamoInvoiceStore({ doc: documentClient, tableName: config.tableName() });

export const makePdfStore = () =>
  new S3PdfStore({ client: tracer.captureAWSv3Client(new S3Client({})), bucketName: config.pdfBucketName() });

/** The use cases' log, through the Powertools logger (with the record's correlation id). */
export const activityLog: ActivityLog = {
  info: (message, attributes) => logger.info(message, attributes),
  warn: (message, attributes) => logger.warn(message, attributes),
};
