import { InvalidEventSourceMappingError } from '../errors';
import { parseFilterPatterns, type FilterPattern } from './filter-pattern';

/** An AWS::Lambda::EventSourceMapping on a DynamoDB stream, with Lambda's defaults applied. */
export interface StreamMappingConfig {
  readonly functionArn: string;
  readonly streamArn: string;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly filters: FilterPattern[];
  readonly bisectOnError: boolean;
  /** -1: retry until the record expires, as in Lambda. */
  readonly maxRetries: number;
  /** -1: no age limit below the stream's 24 hours. */
  readonly maxRecordAgeS: number;
  readonly onFailureDestination?: string;
  readonly reportBatchItemFailures: boolean;
  readonly enabled: boolean;
}

const STREAM_ARN = /^arn:aws[a-z-]*:dynamodb:[^:]+:[^:]+:table\/[^/]+\/stream\/.+$/;

/**
 * Reads the resolved properties of an AWS::Lambda::EventSourceMapping whose source is a DynamoDB stream.
 *
 * @example
 * const config = streamMappingConfigFrom({ FunctionName: 'fn', EventSourceArn: streamArn, StartingPosition: 'LATEST' },
 *   'us-east-1', '000000000000');
 */
export function streamMappingConfigFrom(
  properties: Record<string, unknown>,
  region: string,
  accountId: string,
): StreamMappingConfig {
  const streamArn = String(properties.EventSourceArn ?? '');
  if (!STREAM_ARN.test(streamArn)) throw new InvalidEventSourceMappingError(`Not a DynamoDB stream ARN: ${streamArn}`);
  const startingPosition = properties.StartingPosition;
  if (startingPosition !== 'TRIM_HORIZON' && startingPosition !== 'LATEST') {
    throw new InvalidEventSourceMappingError(`StartingPosition must be TRIM_HORIZON or LATEST, not ${String(startingPosition)}`);
  }
  if (properties.TumblingWindowInSeconds) {
    throw new InvalidEventSourceMappingError('TumblingWindowInSeconds is not emulated');
  }
  const destination = (properties.DestinationConfig as { OnFailure?: { Destination?: string } } | undefined)?.OnFailure
    ?.Destination;
  return {
    functionArn: functionArnOf(String(properties.FunctionName ?? ''), region, accountId),
    streamArn,
    batchSize: numberOr(properties.BatchSize, 100),
    batchingWindowMs: numberOr(properties.MaximumBatchingWindowInSeconds, 0) * 1000,
    startingPosition,
    filters: parseFilterPatterns(properties.FilterCriteria),
    bisectOnError: properties.BisectBatchOnFunctionError === true,
    maxRetries: numberOr(properties.MaximumRetryAttempts, -1),
    maxRecordAgeS: numberOr(properties.MaximumRecordAgeInSeconds, -1),
    ...(destination ? { onFailureDestination: destination } : {}),
    reportBatchItemFailures:
      Array.isArray(properties.FunctionResponseTypes) && properties.FunctionResponseTypes.includes('ReportBatchItemFailures'),
    enabled: properties.Enabled !== false,
  };
}

/** FunctionName may be a name, a (qualified) ARN or a partial ARN; Lambda resolves all to a function ARN. */
function functionArnOf(name: string, region: string, accountId: string): string {
  if (!name) throw new InvalidEventSourceMappingError('FunctionName is required');
  if (name.startsWith('arn:')) return name;
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}

function numberOr(value: unknown, fallback: number): number {
  return value === undefined || value === null ? fallback : Number(value);
}
