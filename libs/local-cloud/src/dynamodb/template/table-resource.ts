import type { TtlSetting } from '../engine/table-catalog';
import { isRecord } from '../engine/types';
import { InvalidTableResourceError } from '../errors';

export const TABLE_RESOURCE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'] as const;
export type TableResourceType = (typeof TABLE_RESOURCE_TYPES)[number];

/** What a table resource asks for, in DynamoDB API terms. */
export interface TableDefinition {
  /** A CreateTable request (StreamSpecification included; the facade handles it). */
  readonly createTable: Record<string, unknown>;
  readonly ttl?: TtlSetting;
  readonly tags: Array<{ Key: string; Value: string }>;
}

type Props = Record<string, unknown>;

/**
 * Maps the resolved properties of an AWS::DynamoDB::Table or AWS::DynamoDB::GlobalTable (CDK's TableV2)
 * to a CreateTable request. Capacity settings are kept for DescribeTable but nothing is throttled locally;
 * settings with no local effect (encryption, PITR, table class, deletion protection) are ignored.
 *
 * @example
 * const { createTable } = tableDefinitionFrom('AWS::DynamoDB::GlobalTable', 'Orders', props, 'eu-west-1');
 */
export function tableDefinitionFrom(
  type: TableResourceType,
  tableName: string,
  properties: Props,
  region: string,
): TableDefinition {
  if (!Array.isArray(properties.KeySchema) || !Array.isArray(properties.AttributeDefinitions)) {
    throw new InvalidTableResourceError(`${type} ${tableName} needs KeySchema and AttributeDefinitions`);
  }
  if (properties.ImportSourceSpecification) {
    throw new InvalidTableResourceError(`${type} ${tableName}: ImportSourceSpecification (import from S3) is not emulated`);
  }
  const replica = type === 'AWS::DynamoDB::GlobalTable' ? replicaFor(properties, region) : undefined;
  const billingMode = properties.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  const capacity = (index?: Props): Props | undefined =>
    billingMode === 'PAY_PER_REQUEST' ? undefined : throughputOf(type, tableName, properties, replica, index);
  const createTable: Props = {
    TableName: tableName,
    KeySchema: properties.KeySchema,
    AttributeDefinitions: properties.AttributeDefinitions,
    BillingMode: billingMode,
    ...optional('ProvisionedThroughput', capacity()),
    ...optional('GlobalSecondaryIndexes', indexes(properties.GlobalSecondaryIndexes, capacity)),
    ...optional('LocalSecondaryIndexes', indexes(properties.LocalSecondaryIndexes)),
    ...optional('StreamSpecification', streamOf(properties.StreamSpecification)),
  };
  return { createTable, ...optional('ttl', ttlOf(properties.TimeToLiveSpecification)), tags: tagsOf(replica ?? properties) };
}

function indexes(value: unknown, capacity?: (index: Props) => Props | undefined): Props[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return (value as Props[]).map((index) => ({
    IndexName: index.IndexName,
    KeySchema: index.KeySchema,
    Projection: index.Projection ?? { ProjectionType: 'ALL' },
    ...optional('ProvisionedThroughput', capacity?.(index)),
  }));
}

/** Table- or index-level capacity; a GlobalTable splits it into write settings and per-replica read settings. */
function throughputOf(type: TableResourceType, name: string, table: Props, replica: Props | undefined, index?: Props): Props {
  if (type === 'AWS::DynamoDB::Table') {
    const throughput = (index ?? table).ProvisionedThroughput;
    if (!isRecord(throughput)) throw new InvalidTableResourceError(`${type} ${name}: PROVISIONED needs ProvisionedThroughput`);
    return { ReadCapacityUnits: throughput.ReadCapacityUnits, WriteCapacityUnits: throughput.WriteCapacityUnits };
  }
  const replicaIndex = index
    ? (replica?.GlobalSecondaryIndexes as Props[] | undefined)?.find((candidate) => candidate.IndexName === index.IndexName)
    : replica;
  return {
    ReadCapacityUnits: capacityUnits(replicaIndex?.ReadProvisionedThroughputSettings, 'Read'),
    WriteCapacityUnits: capacityUnits((index ?? table).WriteProvisionedThroughputSettings, 'Write'),
  };
}

/** Fixed units, or the autoscaling minimum, which is what a new table starts with. */
function capacityUnits(settings: unknown, kind: 'Read' | 'Write'): number {
  if (!isRecord(settings)) return 1;
  const fixed = settings[`${kind}CapacityUnits`];
  const autoscaling = settings[`${kind}CapacityAutoScalingSettings`];
  return Number(fixed ?? (isRecord(autoscaling) ? autoscaling.MinCapacity : 1) ?? 1);
}

function replicaFor(properties: Props, region: string): Props | undefined {
  const replicas = Array.isArray(properties.Replicas) ? (properties.Replicas as Props[]) : [];
  return replicas.find((replica) => replica.Region === region) ?? replicas[0];
}

function streamOf(specification: unknown): Props | undefined {
  if (!isRecord(specification) || typeof specification.StreamViewType !== 'string') return undefined;
  return { StreamEnabled: true, StreamViewType: specification.StreamViewType };
}

function ttlOf(specification: unknown): TtlSetting | undefined {
  if (!isRecord(specification) || typeof specification.AttributeName !== 'string') return undefined;
  return { attributeName: specification.AttributeName, enabled: specification.Enabled === true };
}

function tagsOf(owner: Props): Array<{ Key: string; Value: string }> {
  return Array.isArray(owner.Tags) ? (owner.Tags as Array<{ Key: string; Value: string }>) : [];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
