import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { ORDERS_TABLE_DESIGN } from '../table';

/** dynalite (DynamoDB's API, in memory, in this process) and clients pointed at it. */
export type LocalDynamoDB = {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly stop: () => Promise<void>;
};

export async function startLocalDynamoDB(): Promise<LocalDynamoDB> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: LOCAL_CREDENTIALS });
  const stop = async () => {
    client.destroy();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { endpoint, client, doc, stop };
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

let tableCount = 0;
/** A fresh table name, so each test (or file) starts from an empty table. */
export const uniqueTableName = (prefix: string) => `${prefix}-${process.pid}-${++tableCount}`;

/** The orders table as the README's item design specifies it (and infra creates it). */
export async function createOrdersTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, byCustomerIndex } = ORDERS_TABLE_DESIGN;
  const key = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: 'HASH' as const },
    { AttributeName: range, KeyType: 'RANGE' as const },
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: key(partitionKey, sortKey),
      AttributeDefinitions: [partitionKey, sortKey, byCustomerIndex.partitionKey, byCustomerIndex.sortKey].map(
        (name) => ({ AttributeName: name, AttributeType: 'S' as const }),
      ),
      GlobalSecondaryIndexes: [
        {
          IndexName: byCustomerIndex.indexName,
          KeySchema: key(byCustomerIndex.partitionKey, byCustomerIndex.sortKey),
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  await waitUntilActive(client, tableName);
}

/** The idempotency table Powertools documents: partition key `id` (string). */
export async function createIdempotencyTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    }),
  );
  await waitUntilActive(client, tableName);
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
