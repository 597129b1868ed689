import type { Json } from '../../core/contracts';
import type { DynamoDbContext, Payload } from '../api/context';
import { DynamoDbApiError, resourceNotFound, validationError } from '../errors';
import type { StreamRecord, TableStream } from './stream-store';

/**
 * The DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords). It signs as
 * 'dynamodb' too, so it arrives at this same endpoint with the DynamoDBStreams_20120810 target prefix.
 */
export const streamsOperations: Record<string, (ctx: DynamoDbContext, payload: Payload) => Record<string, Json>> = {
  ListStreams: (ctx, payload) => ({
    Streams: ctx.streams
      .list(typeof payload.TableName === 'string' ? payload.TableName : undefined)
      .map((stream) => ({ StreamArn: stream.arn, TableName: stream.tableName, StreamLabel: stream.setting.label })),
  }),
  DescribeStream: (ctx, payload) => describeStream(streamOf(ctx, payload.StreamArn)),
  GetShardIterator: (ctx, payload) => getShardIterator(ctx, payload),
  GetRecords: (ctx, payload) => getRecords(ctx, payload),
};

function describeStream(stream: TableStream): Record<string, Json> {
  const ending = stream.status === 'DISABLED' ? stream.lastSequenceNumber() : undefined;
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.setting.label,
      StreamStatus: stream.status,
      StreamViewType: stream.setting.viewType,
      CreationRequestDateTime: Math.floor(stream.createdAt / 1000),
      TableName: stream.tableName,
      KeySchema: stream.keySchema as unknown as Json,
      Shards: [
        {
          ShardId: stream.shardId,
          SequenceNumberRange: {
            StartingSequenceNumber: stream.firstSequenceNumber() ?? stream.latestPosition().toString(),
            ...(ending ? { EndingSequenceNumber: ending } : {}),
          },
        },
      ],
    },
  };
}

function getShardIterator(ctx: DynamoDbContext, payload: Payload): Record<string, Json> {
  const stream = streamOf(ctx, payload.StreamArn);
  if (payload.ShardId !== stream.shardId) throw resourceNotFound(`Requested resource not found: Shard does not exist`);
  const sequenceNumber = typeof payload.SequenceNumber === 'string' ? BigInt(payload.SequenceNumber) : undefined;
  const from = positionFor(stream, String(payload.ShardIteratorType), sequenceNumber);
  return { ShardIterator: encodeIterator({ arn: stream.arn, from: from.toString() }) };
}

function positionFor(stream: TableStream, type: string, sequenceNumber: bigint | undefined): bigint {
  if (type === 'TRIM_HORIZON') return 0n;
  if (type === 'LATEST') return stream.latestPosition();
  if (type !== 'AT_SEQUENCE_NUMBER' && type !== 'AFTER_SEQUENCE_NUMBER') {
    throw validationError(
      `1 validation error detected: Value '${type}' at 'shardIteratorType' failed to satisfy constraint: ` +
        'Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]',
    );
  }
  if (sequenceNumber === undefined) throw validationError(`SequenceNumber is required for ${type}`);
  return type === 'AT_SEQUENCE_NUMBER' ? sequenceNumber : sequenceNumber + 1n;
}

function getRecords(ctx: DynamoDbContext, payload: Payload): Record<string, Json> {
  const iterator = decodeIterator(payload.ShardIterator);
  const stream = streamOf(ctx, iterator.arn);
  const limit = typeof payload.Limit === 'number' ? payload.Limit : 1000;
  if (limit < 1 || limit > 1000) {
    throw validationError(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  const records = stream.readFrom(BigInt(iterator.from), limit);
  const last = records.at(-1);
  const next = last ? (BigInt(last.dynamodb.SequenceNumber) + 1n).toString() : iterator.from;
  const closedAndRead = stream.status === 'DISABLED' && stream.readFrom(BigInt(next), 1).length === 0;
  return {
    Records: records.map(toApiRecord) as unknown as Json,
    ...(closedAndRead ? {} : { NextShardIterator: encodeIterator({ arn: stream.arn, from: next }) }),
  };
}

/** The Streams API spells the identity `{ Type, PrincipalId }`; Lambda events spell it `{ type, principalId }`. */
function toApiRecord(record: StreamRecord): Record<string, unknown> {
  const { userIdentity, ...rest } = record;
  return userIdentity ? { ...rest, userIdentity: { Type: userIdentity.type, PrincipalId: userIdentity.principalId } } : rest;
}

function streamOf(ctx: DynamoDbContext, arn: unknown): TableStream {
  const stream = typeof arn === 'string' ? ctx.streams.get(arn) : undefined;
  if (!stream) throw resourceNotFound(`Requested resource not found: Stream: ${String(arn)} not found`);
  return stream;
}

interface Iterator {
  readonly arn: string;
  readonly from: string;
}

function encodeIterator(iterator: Iterator): string {
  return Buffer.from(JSON.stringify(iterator)).toString('base64url');
}

function decodeIterator(value: unknown): Iterator {
  try {
    const iterator = JSON.parse(Buffer.from(String(value), 'base64url').toString('utf8')) as Iterator;
    BigInt(iterator.from);
    return iterator;
  } catch (err) {
    throw new DynamoDbApiError('ValidationException', 'Invalid ShardIterator', 400, {}, { cause: err });
  }
}
