import { InvalidEventSourceMappingError } from './errors';
import type { FilterPattern } from './event-filter';

/** @internal An SQS event source mapping, checked and with Lambda's defaults filled in. */
export interface SqsEventSourceMapping {
  id: string;
  queueArn: string;
  functionArn: string;
  batchSize: number;
  batchingWindowSeconds: number;
  /** Concurrent batches in flight: ScalingConfig.MaximumConcurrency, else the five Lambda starts with. */
  maximumConcurrency: number;
  reportBatchItemFailures: boolean;
  enabled: boolean;
  filters: FilterPattern[];
}

const DEFAULT_CONCURRENCY = 5;

/**
 * @internal
 * Reads the resolved properties of an AWS::Lambda::EventSourceMapping whose source is an SQS queue,
 * rejecting what CreateEventSourceMapping would reject.
 * @example toSqsEventSourceMapping('OrdersMapping', { EventSourceArn: queueArn, FunctionName: 'fn', BatchSize: 5 })
 */
export function toSqsEventSourceMapping(id: string, properties: Record<string, unknown>): SqsEventSourceMapping {
  const fail = (reason: string): never => {
    throw new InvalidEventSourceMappingError(id, reason);
  };
  const queueArn = properties['EventSourceArn'];
  if (typeof queueArn !== 'string' || !queueArn.startsWith('arn:aws:sqs:'))
    fail('EventSourceArn must be an SQS queue ARN');
  const functionName = properties['FunctionName'];
  if (typeof functionName !== 'string' || functionName === '') fail('FunctionName is required');
  const fifo = String(queueArn).endsWith('.fifo');
  const batchSize = integerOr(properties['BatchSize'], 10, { min: 1, max: fifo ? 10 : 10_000 }, 'BatchSize', fail);
  const batchingWindowSeconds = integerOr(
    properties['MaximumBatchingWindowInSeconds'],
    0,
    { min: 0, max: 300 },
    'MaximumBatchingWindowInSeconds',
    fail,
  );
  if (batchSize > 10 && batchingWindowSeconds < 1)
    fail('a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1');
  const scaling = properties['ScalingConfig'] as { MaximumConcurrency?: unknown } | undefined;
  const responseTypes = properties['FunctionResponseTypes'];
  return {
    id,
    queueArn: String(queueArn),
    functionArn: functionArnOf(String(functionName), String(queueArn)),
    batchSize,
    batchingWindowSeconds,
    maximumConcurrency: integerOr(
      scaling?.MaximumConcurrency,
      DEFAULT_CONCURRENCY,
      { min: 2, max: 1_000 },
      'ScalingConfig.MaximumConcurrency',
      fail,
    ),
    reportBatchItemFailures: Array.isArray(responseTypes) && responseTypes.includes('ReportBatchItemFailures'),
    enabled: properties['Enabled'] !== false && properties['Enabled'] !== 'false',
    filters: filtersOf(properties['FilterCriteria'], fail),
  };
}

/** A bare function name lives in the mapping's account and region, which Lambda requires to be the queue's. */
function functionArnOf(functionName: string, queueArn: string): string {
  if (functionName.startsWith('arn:')) return functionName;
  const [, partition, , region, account] = queueArn.split(':');
  return `arn:${partition}:lambda:${region}:${account}:function:${functionName}`;
}

function filtersOf(criteria: unknown, fail: (reason: string) => never): FilterPattern[] {
  if (criteria === undefined) return [];
  const filters = (criteria as { Filters?: unknown }).Filters;
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) return fail('FilterCriteria.Filters must be a list');
  return filters.map((filter: { Pattern?: unknown }) => {
    try {
      const pattern: unknown = JSON.parse(String(filter?.Pattern));
      if (typeof pattern === 'object' && pattern !== null && !Array.isArray(pattern)) return pattern as FilterPattern;
    } catch (error) {
      return fail(`filter pattern ${String(filter?.Pattern)} is not JSON: ${String(error)}`);
    }
    return fail(`filter pattern ${String(filter?.Pattern)} is not a JSON object`);
  });
}

function integerOr(
  value: unknown,
  fallback: number,
  range: { min: number; max: number },
  name: string,
  fail: (reason: string) => never,
): number {
  if (value === undefined || value === null) return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < range.min || number > range.max) {
    return fail(`${name} must be an integer from ${range.min} to ${range.max}`);
  }
  return number;
}
