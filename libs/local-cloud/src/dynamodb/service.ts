import { join } from 'node:path';
import type { ServiceEndpoint } from '../core/contracts';
import { ClientTokens } from './api/client-tokens';
import type { DynamoDbContext } from './api/context';
import { makeDynamoDbEndpoint } from './api/endpoint';
import { DynaliteClient } from './engine/dynalite-client';
import { startDynalite } from './engine/dynalite-server';
import { ItemLocks } from './engine/item-lock';
import { TableCatalog } from './engine/table-catalog';
import { ChangeRecorder } from './streams/change-recorder';
import {
  startStreamEventSourceMapping,
  type EventSourceMappingDeps,
  type StreamEventSourceMapping,
} from './streams/event-source-mapping';
import { StreamStore } from './streams/stream-store';
import { loadTable, type LoadTableOptions, type TableAttributes } from './template/table-loader';
import type { TableResourceType } from './template/table-resource';
import { TtlSweeper } from './ttl/ttl-sweeper';

export interface DynamoDbServiceOptions {
  /** Keep tables on disk in this folder (git-ignored, e.g. `.local-cloud/dynamodb`); in memory when absent. */
  readonly dataDir?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** How often expired TTL items are deleted. Default 1000 ms. */
  readonly ttlSweepIntervalMs?: number;
}

export interface DynamoDbService {
  /** Serves DynamoDB and DynamoDB Streams (both sign as 'dynamodb'). */
  readonly endpoint: ServiceEndpoint;
  /**
   * Creates the table of a resolved AWS::DynamoDB::Table or AWS::DynamoDB::GlobalTable resource; with
   * `streamArn` (the template's resolved StreamArn) its stream gets that ARN.
   */
  loadTable(
    type: TableResourceType,
    tableName: string,
    properties: Record<string, unknown>,
    options?: LoadTableOptions,
  ): Promise<TableAttributes>;
  /** Starts polling a table stream for an AWS::Lambda::EventSourceMapping whose EventSourceArn is a stream ARN. */
  startEventSourceMapping(properties: Record<string, unknown>, deps: EventSourceMappingDeps): StreamEventSourceMapping;
  /** Deletes expired TTL items now instead of waiting for the next sweep; resolves with how many. */
  sweepExpiredItems(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the local DynamoDB: dynalite on an ephemeral 127.0.0.1 port behind a facade that adds
 * transactions, TTL and streams.
 *
 * @example
 * const dynamodb = await startDynamoDbService({ dataDir: '.local-cloud/dynamodb' });
 * await dynamodb.loadTable('AWS::DynamoDB::GlobalTable', 'shop-orders', resolvedProperties);
 * gateway.register(dynamodb.endpoint);
 */
export async function startDynamoDbService(options: DynamoDbServiceOptions = {}): Promise<DynamoDbService> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const dynalite = await startDynalite({
    region,
    accountId,
    ...(options.dataDir ? { dataDir: join(options.dataDir, 'tables') } : {}),
  });
  const client = new DynaliteClient(dynalite.url);
  const catalog = new TableCatalog(client, options.dataDir ? join(options.dataDir, 'settings.json') : undefined);
  const streams = new StreamStore();
  const ctx: DynamoDbContext = {
    client,
    catalog,
    streams,
    region,
    locks: new ItemLocks(),
    changes: new ChangeRecorder(catalog, streams, region),
    tokens: new ClientTokens(),
  };
  await reopenStreams(ctx);
  const sweeper = new TtlSweeper(ctx, { intervalMs: options.ttlSweepIntervalMs ?? 1000 });
  sweeper.start();
  const mappings = new Set<StreamEventSourceMapping>();
  return {
    endpoint: makeDynamoDbEndpoint(ctx),
    loadTable: (type, tableName, properties, options) => loadTable(ctx, type, tableName, properties, options),
    startEventSourceMapping(properties, deps) {
      const mapping = startStreamEventSourceMapping(ctx.streams, properties, { region, accountId, ...deps });
      mappings.add(mapping);
      return mapping;
    },
    sweepExpiredItems: () => sweeper.sweep(),
    async close() {
      await Promise.all([...mappings].map((mapping) => mapping.stop()));
      await sweeper.stop();
      await dynalite.close();
    },
  };
}

/** Streams whose settings were kept on disk get a fresh, empty shard: stream records live in memory only. */
async function reopenStreams(ctx: DynamoDbContext): Promise<void> {
  const { TableNames } = await ctx.client.call<{ TableNames: string[] }>('ListTables', {});
  for (const tableName of TableNames) {
    const stream = ctx.catalog.settings(tableName).stream;
    const table = stream && (await ctx.catalog.describe(tableName));
    if (stream && table) {
      ctx.streams.open(stream, tableName, table.KeySchema);
      if (!stream.enabled) ctx.streams.disable(stream.arn);
    }
  }
}
