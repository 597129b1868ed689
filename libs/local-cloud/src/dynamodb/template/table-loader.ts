import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDbContext } from '../api/context';
import { DynaliteUnavailableError, InvalidTableResourceError } from '../errors';
import { createTable, newStream } from '../api/table-operations';
import type { StreamViewType } from '../engine/table-catalog';
import type { TableDescription } from '../engine/types';
import { tableDefinitionFrom, type TableDefinition, type TableResourceType } from './table-resource';

/** The attributes CloudFormation exposes for a table (`Ref` is the table name). */
export interface TableAttributes {
  readonly TableName: string;
  readonly Arn: string;
  readonly StreamArn?: string;
  readonly TableId?: string;
}

export interface LoadTableOptions {
  /**
   * The stream ARN the template resolved (`Fn::GetAtt Table.StreamArn`): the table's stream gets this ARN,
   * so the event source mappings, policies and variables that name it find it.
   */
  readonly streamArn?: string;
}

/**
 * Creates the table a resolved template resource describes, with its indexes, stream, TTL and tags.
 * A table that already exists (data kept on disk) is kept with its items; its TTL and stream settings are
 * brought in line with the template.
 *
 * @example
 * const { Arn, StreamArn } = await loadTable(ctx, 'AWS::DynamoDB::Table', 'shop-orders', properties, { streamArn });
 */
export async function loadTable(
  ctx: DynamoDbContext,
  type: TableResourceType,
  tableName: string,
  properties: Record<string, unknown>,
  options: LoadTableOptions = {},
): Promise<TableAttributes> {
  const definition = tableDefinitionFrom(type, tableName, properties, ctx.region);
  const table = (await ctx.catalog.describe(tableName)) ?? (await create(ctx, definition));
  alignStream(ctx, table, definition, streamLabelOf(table, options.streamArn));
  ctx.catalog.update(tableName, { ttl: definition.ttl });
  if (definition.tags.length) await ctx.client.call('TagResource', { ResourceArn: table.TableArn, Tags: definition.tags });
  const stream = ctx.catalog.streamOf(tableName);
  return {
    TableName: tableName,
    Arn: table.TableArn,
    ...(stream ? { StreamArn: stream.arn } : {}),
    ...(typeof table.TableId === 'string' ? { TableId: table.TableId } : {}),
  };
}

/** Creates the table without its stream, which `alignStream` opens with the template's label. */
async function create(ctx: DynamoDbContext, definition: TableDefinition): Promise<TableDescription> {
  const { StreamSpecification: _stream, ...request } = definition.createTable;
  const { TableDescription } = await createTable(ctx, request);
  const table = TableDescription as unknown as TableDescription;
  await untilActive(ctx, table.TableName);
  return table;
}

function streamLabelOf(table: TableDescription, streamArn: string | undefined): string | undefined {
  if (streamArn === undefined) return undefined;
  const prefix = `${table.TableArn}/stream/`;
  if (!streamArn.startsWith(prefix) || streamArn.length === prefix.length) {
    throw new InvalidTableResourceError(`${streamArn} is not a stream ARN of ${table.TableArn}`);
  }
  return streamArn.slice(prefix.length);
}

/** dynalite reports CREATING for a moment and refuses item requests until ACTIVE, as AWS does. */
async function untilActive(ctx: DynamoDbContext, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await ctx.client.call<{ Table: TableDescription }>('DescribeTable', { TableName: tableName });
    if (Table.TableStatus === 'ACTIVE') return;
    await sleep(10);
  }
  throw new DynaliteUnavailableError(`Table ${tableName} did not become ACTIVE`);
}

function alignStream(ctx: DynamoDbContext, table: TableDescription, definition: TableDefinition, label: string | undefined): void {
  const wanted = definition.createTable.StreamSpecification as { StreamViewType: StreamViewType } | undefined;
  const current = ctx.catalog.streamOf(table.TableName);
  const unchanged = current ? current.viewType === wanted?.StreamViewType && (label === undefined || current.label === label) : !wanted;
  if (unchanged) return;
  if (current) {
    ctx.streams.disable(current.arn);
    ctx.catalog.update(table.TableName, { stream: { ...current, enabled: false } });
  }
  if (wanted) {
    const stream = newStream(table, wanted.StreamViewType, label);
    ctx.catalog.update(table.TableName, { stream });
    ctx.streams.open(stream, table.TableName, table.KeySchema);
  }
}
