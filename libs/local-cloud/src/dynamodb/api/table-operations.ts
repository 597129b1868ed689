import type { Json } from '../../core/contracts';
import type { StreamSetting, StreamViewType } from '../engine/table-catalog';
import { isRecord, type TableDescription } from '../engine/types';
import { validationError } from '../errors';
import type { DynamoDbContext, Payload } from './context';

const VIEW_TYPES: StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];
/** UpdateTable members dynalite can act on; a request with none of them only changed the stream. */
const DYNALITE_UPDATES = ['ProvisionedThroughput', 'BillingMode', 'GlobalSecondaryIndexUpdates'];

/** CreateTable through dynalite, plus the StreamSpecification dynalite would silently drop. */
export async function createTable(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const { StreamSpecification, ...request } = payload;
  const wanted = streamRequest(StreamSpecification);
  const reply = await ctx.client.call<{ TableDescription: TableDescription }>('CreateTable', request);
  const description = reply.TableDescription;
  ctx.catalog.forget(description.TableName);
  if (wanted?.enabled) openStream(ctx, description, newStream(description, wanted.viewType));
  return { TableDescription: withStream(ctx, description) as Record<string, Json> };
}

export async function describeTable(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const reply = await ctx.client.call<{ Table: TableDescription }>('DescribeTable', payload);
  return { Table: withStream(ctx, reply.Table) as Record<string, Json> };
}

/** UpdateTable: dynalite applies capacity and index changes; this facade enables or disables the stream. */
export async function updateTable(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const { StreamSpecification, ...request } = payload;
  const wanted = streamRequest(StreamSpecification);
  const tableName = String(payload.TableName);
  const forDynalite = DYNALITE_UPDATES.some((field) => request[field] != null) || !wanted;
  const description = forDynalite
    ? (await ctx.client.call<{ TableDescription: TableDescription }>('UpdateTable', request)).TableDescription
    : (await ctx.client.call<{ Table: TableDescription }>('DescribeTable', { TableName: tableName })).Table;
  ctx.catalog.forget(tableName);
  if (wanted) changeStream(ctx, description, wanted);
  return { TableDescription: withStream(ctx, description) as Record<string, Json> };
}

export async function deleteTable(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const reply = await ctx.client.call<{ TableDescription: TableDescription }>('DeleteTable', payload);
  const tableName = reply.TableDescription.TableName;
  const stream = ctx.catalog.settings(tableName).stream;
  if (stream) ctx.streams.disable(stream.arn);
  ctx.catalog.drop(tableName);
  return reply as unknown as Record<string, Json>;
}

/**
 * A new stream for a table: its ARN ends with a label made from the time it was enabled, as in AWS, unless
 * a label is given (a template's stream keeps the label its resolved `StreamArn` already carries).
 */
export function newStream(
  table: Pick<TableDescription, 'TableArn'>,
  viewType: StreamViewType,
  label = new Date().toISOString().replace('Z', ''),
): StreamSetting {
  return { enabled: true, viewType, label, arn: `${table.TableArn}/stream/${label}` };
}

function changeStream(ctx: DynamoDbContext, table: TableDescription, wanted: StreamRequest): void {
  const current = ctx.catalog.streamOf(table.TableName);
  if (wanted.enabled && current) {
    throw validationError(`Table already has an enabled stream: TableName: ${table.TableName}`);
  }
  if (!wanted.enabled && !current) {
    throw validationError(`Table does not have an enabled stream: TableName: ${table.TableName}`);
  }
  if (current) {
    ctx.streams.disable(current.arn);
    ctx.catalog.update(table.TableName, { stream: { ...current, enabled: false } });
  }
  if (wanted.enabled) openStream(ctx, table, newStream(table, wanted.viewType));
}

function openStream(ctx: DynamoDbContext, table: TableDescription, stream: StreamSetting): void {
  ctx.catalog.update(table.TableName, { stream });
  ctx.streams.open(stream, table.TableName, table.KeySchema);
}

interface StreamRequest {
  readonly enabled: boolean;
  readonly viewType: StreamViewType;
}

function streamRequest(specification: unknown): StreamRequest | undefined {
  if (!isRecord(specification)) return undefined;
  const enabled = specification.StreamEnabled === true;
  const viewType = specification.StreamViewType as StreamViewType;
  if (enabled && !VIEW_TYPES.includes(viewType)) {
    throw validationError(
      'One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true ' +
        `and must be one of [${VIEW_TYPES.join(', ')}]`,
    );
  }
  return { enabled, viewType };
}

/** DescribeTable's stream fields, which dynalite does not know about. */
function withStream(ctx: DynamoDbContext, table: TableDescription): TableDescription {
  const stream = ctx.catalog.settings(table.TableName).stream;
  if (!stream) return table;
  return {
    ...table,
    ...(stream.enabled ? { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType } } : {}),
    LatestStreamArn: stream.arn,
    LatestStreamLabel: stream.label,
  };
}
