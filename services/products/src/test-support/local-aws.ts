import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// dynalite alone has no TransactWriteItems, which every write here uses. The workspace's local cloud
// serves dynalite behind a facade that adds transactions (with per-item locks), TTL, streams and S3, so
// the tests run it as a separate process, as they would DynamoDB Local: no code of it is imported.
const LOCAL_CLOUD_BIN = fileURLToPath(
  new URL('../../../../node_modules/@shop/local-cloud/bin/local-cloud.mjs', import.meta.url),
);
const START_TIMEOUT_MS = 60_000;
/**
 * Test and hook time budgets for files that use the local cloud (`vi.setConfig(LOCAL_AWS_TIMEOUTS)`):
 * starting it, and 50 concurrent reservations through it, take seconds on a busy machine. Budgets, not
 * assertions: no test checks how long anything took.
 */
export const LOCAL_AWS_TIMEOUTS = { hookTimeout: START_TIMEOUT_MS + 10_000, testTimeout: 60_000 };

/** A local cloud (DynamoDB, S3, …) in a child process, and clients pointed at it. */
export type LocalAws = {
  /** AWS_ENDPOINT_URL_*, region and credentials: assign to process.env before importing a handler. */
  readonly environment: Record<string, string>;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly stop: () => Promise<void>;
};

export async function startLocalAws(): Promise<LocalAws> {
  const dir = mkdtempSync(join(tmpdir(), 'products-local-aws-'));
  mkdirSync(join(dir, 'assembly'));
  // An empty cloud assembly: the tests create their own tables through the API.
  writeFileSync(join(dir, 'assembly', 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {} }));
  const child = spawn(process.execPath, [LOCAL_CLOUD_BIN, 'start', '--assembly', 'assembly', '--log-level', 'error'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const environment = await waitForInstance(dir, child, () => stderr).catch(async (error: unknown) => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const client = new DynamoDBClient({
    endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
    region: environment.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const stop = async () => {
    client.destroy();
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { environment, client, doc: DynamoDBDocumentClient.from(client), stop };
}

async function waitForInstance(
  dir: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<Record<string, string>> {
  const stateFile = join(dir, '.local-cloud', 'instance.json');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local cloud exited (${child.exitCode}): ${stderr()}`);
    if (existsSync(stateFile)) {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { environment: Record<string, string> };
      return state.environment;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The local cloud did not start within ${START_TIMEOUT_MS} ms: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let tableCount = 0;
/** A fresh table name, so each test file (or test) starts from an empty table. */
export const uniqueTableName = (prefix: string) => `${prefix}-${process.pid}-${++tableCount}`;

/** The products table as the service README specifies it (and infra creates it). */
export async function createProductsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const gsi = (name: string, pk: string, sk: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: pk, KeyType: 'HASH' as const },
      { AttributeName: sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S' as const,
      })),
      GlobalSecondaryIndexes: [gsi('byCategory', 'gsi1pk', 'gsi1sk'), gsi('bySku', 'gsi2pk', 'gsi2sk')],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await waitUntilActive(client, tableName);
}

/** The idempotency table Powertools expects: partition key `id`. */
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
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
