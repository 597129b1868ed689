import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

/** The API key the tests' Secrets Manager holds. */
export const TEST_API_KEY = 'test-api-key-0123456789abcdefghijklmnopqrstuv';

/** What the handlers' module-scope clients talk to in tests: dynalite, and a mocked Secrets Manager. */
export type LocalAws = {
  readonly dynamodb: DynamoDBClient;
  /** Every item of a table, unmarshalled. */
  readonly scan: (tableName: string) => Promise<Record<string, unknown>[]>;
  readonly stop: () => Promise<void>;
};

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/**
 * @internal Starts dynalite on an ephemeral port with the tables named by AUTHORIZATIONS_TABLE_NAME,
 * TOKENS_TABLE_NAME and IDEMPOTENCY_TABLE_NAME, points every DynamoDB client created afterwards at it (AWS_ENDPOINT_URL_DYNAMODB, the
 * SDK's own endpoint override), and answers GetSecretValue with TEST_API_KEY. Import the handlers after this.
 */
export async function startLocalAws(): Promise<LocalAws> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  const dynamodb = new DynamoDBClient({});
  const tables = ['AUTHORIZATIONS_TABLE_NAME', 'TOKENS_TABLE_NAME', 'IDEMPOTENCY_TABLE_NAME'].map(
    (key) => process.env[key],
  );
  for (const table of tables) {
    await createTable(dynamodb, table ?? '');
  }
  const secrets = mockClient(SecretsManagerClient);
  secrets
    .on(GetSecretValueCommand, { SecretId: process.env.API_KEY_SECRET_ARN })
    .resolves({ SecretString: TEST_API_KEY });
  const scan = async (tableName: string) =>
    ((await dynamodb.send(new ScanCommand({ TableName: tableName }))).Items ?? []).map((item) => unmarshall(item));
  const stop = async () => {
    secrets.restore();
    dynamodb.destroy();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  return { dynamodb, scan, stop };
}
