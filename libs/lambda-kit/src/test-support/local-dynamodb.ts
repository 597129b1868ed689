import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

/** A DynamoDB API served in-process by dynalite, and a client pointed at it. */
export type LocalDynamoDB = {
  readonly client: DynamoDBClient;
  readonly stop: () => Promise<void>;
};

/**
 * Starts dynalite (in memory) on 127.0.0.1 with an ephemeral port.
 *
 * @example
 * const dynamodb = await startLocalDynamoDB();
 * afterAll(() => dynamodb.stop());
 */
export async function startLocalDynamoDB(): Promise<LocalDynamoDB> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const stop = async () => {
    client.destroy();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  return { client, stop };
}

/**
 * Creates the idempotency table with the key schema Powertools documents (partition key `id`, a
 * string) and waits until it is active. The documented TTL on `expiration` is not set: dynalite has
 * no UpdateTimeToLive (tests assert the attribute is written instead).
 *
 * @example
 * await createIdempotencyTable(dynamodb.client, 'idempotency');
 */
export async function createIdempotencyTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
