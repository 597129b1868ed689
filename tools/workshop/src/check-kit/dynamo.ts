import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Template } from 'aws-cdk-lib/assertions';

const require = createRequire(import.meta.url);
// dynalite ships no types; the local cloud loads it the same way.
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

/** An in-memory DynamoDB (dynalite) on a free port of 127.0.0.1, and a client pointed at it. */
export type LocalDynamo = { readonly endpoint: string; readonly client: DynamoDBClient; readonly stop: () => Promise<void> };

const LOCAL_CREDENTIALS = { accessKeyId: 'workshop', secretAccessKey: 'workshop' };

/** Starts an in-memory DynamoDB for a check. */
export async function startDynamo(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: LOCAL_CREDENTIALS });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { endpoint, client, stop };
}

type TableResource = { Properties: { KeySchema: unknown[]; AttributeDefinitions: unknown[] } };

/**
 * Creates, in the local DynamoDB, every table of a synthesized template (`AWS::DynamoDB::Table` and the
 * `GlobalTable` TableV2 makes) with its key schema, each named after its logical id. Returns those names.
 */
export async function createTablesOf(template: Template, dynamo: LocalDynamo): Promise<string[]> {
  const tables = { ...template.findResources('AWS::DynamoDB::Table'), ...template.findResources('AWS::DynamoDB::GlobalTable') };
  for (const [logicalId, table] of Object.entries(tables) as [string, TableResource][]) {
    await dynamo.client.send(
      new CreateTableCommand({
        TableName: logicalId,
        KeySchema: table.Properties.KeySchema as never,
        AttributeDefinitions: table.Properties.AttributeDefinitions as never,
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  }
  return Object.keys(tables);
}

/**
 * What a synthesized function would find in its environment here: its literal variables as they are, a
 * `{ Ref }` to a table as that table's name in the local DynamoDB, and the SDK pointed at it.
 */
export function functionEnvironment(variables: Record<string, unknown>, dynamo: LocalDynamo): Record<string, string> {
  const resolved = Object.entries(variables).map(([name, value]) => {
    const ref = (value as { Ref?: string } | null)?.Ref;
    return [name, typeof value === 'string' ? value : (ref ?? JSON.stringify(value))];
  });
  return {
    ...Object.fromEntries(resolved),
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}

/** Every item of a table, as DynamoDB's attribute values. */
export async function scanAll(dynamo: LocalDynamo, tableName: string) {
  const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
  return Items;
}
