import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbService, type DynamoDbService, type DynamoDbServiceOptions } from './service';

export const TEST_REGION = 'us-east-1';
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

export interface LocalDynamoDb {
  readonly service: DynamoDbService;
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly streams: DynamoDBStreamsClient;
  close(): Promise<void>;
}

/**
 * The DynamoDB service behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with real SDK clients
 * pointed at it: what the gateway in src/core does, minus routing. For tests only.
 * @internal
 */
export async function startLocalDynamoDb(options: DynamoDbServiceOptions = {}): Promise<LocalDynamoDb> {
  // A long sweep interval keeps expiry under each test's control (it calls sweepExpiredItems).
  const service = await startDynamoDbService({ ttlSweepIntervalMs: 3_600_000, region: TEST_REGION, ...options });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void service.endpoint.handle(req, res, Buffer.concat(chunks)));
  });
  const endpoint = await listen(server);
  const config = { endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  const client = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  return {
    service,
    endpoint,
    client,
    doc: DynamoDBDocumentClient.from(client),
    streams,
    async close() {
      client.destroy();
      streams.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await service.close();
    },
  };
}

/** A pk (string) table, or one shaped by `overrides`. @internal */
export async function createTestTable(
  db: LocalDynamoDb,
  tableName: string,
  overrides: Partial<CreateTableCommandInput> = {},
): Promise<void> {
  await db.client.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...overrides,
    }),
  );
}

/** Every record of a table's current stream, read with the real DynamoDB Streams client. @internal */
export async function readStreamRecords(db: LocalDynamoDb, tableName: string): Promise<_Record[]> {
  const { Table } = await db.client.send(new DescribeTableCommand({ TableName: tableName }));
  const StreamArn = Table?.LatestStreamArn;
  const { StreamDescription } = await db.streams.send(new DescribeStreamCommand({ StreamArn }));
  const { ShardIterator } = await db.streams.send(
    new GetShardIteratorCommand({ StreamArn, ShardId: StreamDescription?.Shards?.[0]?.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
  );
  return (await db.streams.send(new GetRecordsCommand({ ShardIterator }))).Records ?? [];
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
