import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceEndpoint } from '../../core/contracts';
import { isRecord } from '../engine/types';
import { DynamoDbApiError, internalServerError } from '../errors';
import { streamsOperations } from '../streams/streams-operations';
import { describeTimeToLive, updateTimeToLive } from '../ttl/ttl-operations';
import { batchGet, batchWrite } from './batch-operations';
import type { DynamoDbContext, HandlerResult, Payload } from './context';
import { getItem, writeItem } from './item-operations';
import { createTable, deleteTable, describeTable, updateTable } from './table-operations';
import { transactGet } from './transact-get';
import { transactWrite } from './transact-write';
import { writeError, writeResult } from './wire';

type Handler = (ctx: DynamoDbContext, payload: Payload, raw: string) => Promise<HandlerResult>;

const json =
  (operation: (ctx: DynamoDbContext, payload: Payload) => Promise<Record<string, unknown>> | Record<string, unknown>): Handler =>
  async (ctx, payload) => ({ json: (await operation(ctx, payload)) as never });

/** dynalite implements these completely; they are forwarded unchanged. */
const FORWARDED = ['ListTables', 'Query', 'Scan', 'TagResource', 'UntagResource', 'ListTagsOfResource'];

const DYNAMODB: Record<string, Handler> = {
  PutItem: (ctx, payload, raw) => writeItem(ctx, 'PutItem', payload, raw),
  UpdateItem: (ctx, payload, raw) => writeItem(ctx, 'UpdateItem', payload, raw),
  DeleteItem: (ctx, payload, raw) => writeItem(ctx, 'DeleteItem', payload, raw),
  GetItem: getItem,
  BatchWriteItem: batchWrite,
  BatchGetItem: batchGet,
  TransactWriteItems: json(transactWrite),
  TransactGetItems: json(transactGet),
  CreateTable: json(createTable),
  DescribeTable: json(describeTable),
  UpdateTable: json(updateTable),
  DeleteTable: json(deleteTable),
  UpdateTimeToLive: json(updateTimeToLive),
  DescribeTimeToLive: json(describeTimeToLive),
  ...Object.fromEntries(FORWARDED.map((name) => [name, ((ctx, _payload, raw) => ctx.client.send(name, raw)) satisfies Handler])),
};

const STREAMS: Record<string, Handler> = Object.fromEntries(
  Object.entries(streamsOperations).map(([name, operation]) => [name, json(operation)]),
);

const TARGETS: Record<string, Record<string, Handler>> = {
  DynamoDB_20120810: DYNAMODB,
  DynamoDBStreams_20120810: STREAMS,
};

/**
 * The DynamoDB (and DynamoDB Streams) endpoint: the AWS JSON 1.0 protocol in, AWS error shapes out.
 *
 * @example
 * const endpoint = makeDynamoDbEndpoint(ctx);
 * http.createServer(async (req, res) => endpoint.handle(req, res, await readBody(req)));
 */
export function makeDynamoDbEndpoint(ctx: DynamoDbContext): ServiceEndpoint {
  return {
    signingName: 'dynamodb',
    async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
      try {
        writeResult(res, await dispatch(ctx, String(req.headers['x-amz-target'] ?? ''), body.toString('utf8')));
      } catch (err) {
        if (err instanceof DynamoDbApiError) return writeError(res, err);
        // The client only sees a generic 500, as from AWS; the cause is for whoever runs the local cloud.
        console.error('[local-cloud dynamodb] internal error', err);
        writeError(res, internalServerError(err));
      }
    },
  };
}

async function dispatch(ctx: DynamoDbContext, target: string, raw: string): Promise<HandlerResult> {
  const [prefix = '', operation = ''] = target.split('.');
  const handler = TARGETS[prefix]?.[operation];
  if (!handler) throw new DynamoDbApiError('UnknownOperationException', `Unknown operation: ${target}`);
  let payload: unknown;
  try {
    payload = raw ? JSON.parse(raw) : undefined;
  } catch (err) {
    throw new DynamoDbApiError('SerializationException', 'Start of structure or map found where not expected', 400, {}, { cause: err });
  }
  if (!isRecord(payload)) throw new DynamoDbApiError('SerializationException', 'Start of structure or map found where not expected');
  return handler(ctx, payload, raw);
}
