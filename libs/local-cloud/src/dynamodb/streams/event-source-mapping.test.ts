import { DescribeTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Json, LambdaInvoker, QueueSender } from '../../core/contracts';
import { createTestTable, startLocalDynamoDb, type LocalDynamoDb } from '../test-server';
import type { StreamEventSourceMapping } from './event-source-mapping';
import type { StreamRecord } from './stream-store';

type LambdaRecord = StreamRecord & { eventSourceARN: string };

/** The lambda service's invoke entry point, as an in-memory fake that records each batch it receives. */
class RecordingLambda implements LambdaInvoker {
  readonly batches: string[][] = [];
  readonly events: Array<{ Records: LambdaRecord[] }> = [];
  constructor(private readonly answer: (ids: string[], call: number) => Json = () => null) {}

  async invoke(_functionArn: string, payload: Json): Promise<Json> {
    const event = payload as unknown as { Records: LambdaRecord[] };
    const ids = event.Records.map((record) => record.dynamodb.Keys.pk as unknown as { S: string }).map((key) => key.S);
    this.events.push(event);
    this.batches.push(ids);
    return this.answer(ids, this.batches.length);
  }

  async invokeAsync(): Promise<void> {
    throw new Error('stream event source mappings invoke synchronously');
  }
}

class RecordingQueues implements QueueSender {
  readonly messages: Array<{ queueArn: string; body: Record<string, Json> }> = [];
  async sendMessage(queueArn: string, body: string): Promise<void> {
    this.messages.push({ queueArn, body: JSON.parse(body) as Record<string, Json> });
  }
}

const DLQ = 'arn:aws:sqs:us-east-1:000000000000:stream-failures';
let db: LocalDynamoDb;
let tableCount = 0;
const mappings: StreamEventSourceMapping[] = [];

beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterEach(async () => {
  await Promise.all(mappings.splice(0).map((mapping) => mapping.stop()));
});
afterAll(() => db.close());

async function streamedTable(): Promise<{ table: string; streamArn: string }> {
  const table = `esm-${++tableCount}`;
  await createTestTable(db, table, { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  const { Table } = await db.client.send(new DescribeTableCommand({ TableName: table }));
  return { table, streamArn: Table?.LatestStreamArn ?? '' };
}

const putAll = async (table: string, ids: string[], extra: Record<string, unknown> = {}) => {
  for (const id of ids) await db.client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: id }, ...extra } as never }));
};

/** Waits for background delivery; generous because the machine is shared, never a timing assertion. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 15_000, interval: 20 });

function start(properties: Record<string, unknown>, lambda: LambdaInvoker, queues?: QueueSender): void {
  const deps = { lambda, retryDelayMs: () => 0, ...(queues ? { queues } : {}) };
  mappings.push(db.service.startEventSourceMapping({ FunctionName: 'consumer', StartingPosition: 'TRIM_HORIZON', ...properties }, deps));
}

describe('stream event source mappings', () => {
  it('delivers records in order, in batches of BatchSize, in the Lambda event shape', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['a', 'b', 'c', 'd', 'e']);
    const lambda = new RecordingLambda();

    start({ EventSourceArn: streamArn, BatchSize: 2 }, lambda);

    await eventually(() => expect(lambda.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]));
    expect(lambda.events[0]?.Records[0]).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: streamArn });
  });

  it('starts after the existing records with LATEST', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['old']);
    const lambda = new RecordingLambda();
    start({ EventSourceArn: streamArn, StartingPosition: 'LATEST' }, lambda);

    await putAll(table, ['new']);

    await eventually(() => expect(lambda.batches).toEqual([['new']]));
  });

  it('gathers records for up to MaximumBatchingWindowInSeconds', async () => {
    const { table, streamArn } = await streamedTable();
    const lambda = new RecordingLambda();
    start({ EventSourceArn: streamArn, StartingPosition: 'LATEST', MaximumBatchingWindowInSeconds: 2, BatchSize: 10 }, lambda);

    await putAll(table, ['w1', 'w2', 'w3']);

    await eventually(() => expect(lambda.batches).toEqual([['w1', 'w2', 'w3']]));
  });

  it('delivers only the records that match FilterCriteria', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['paid-1'], { status: { S: 'PAID' } });
    await putAll(table, ['open-1'], { status: { S: 'OPEN' } });
    await putAll(table, ['paid-2'], { status: { S: 'PAID' } });
    const lambda = new RecordingLambda();
    const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { status: { S: ['PAID'] } } } };

    start({ EventSourceArn: streamArn, FilterCriteria: { Filters: [{ Pattern: JSON.stringify(pattern) }] } }, lambda);

    await eventually(() => expect(lambda.batches.flat()).toEqual(['paid-1', 'paid-2']));
  });

  it('retries a failing batch MaximumRetryAttempts times, then reports it to the on-failure queue and moves on', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['poison']);
    const lambda = new RecordingLambda((ids) => {
      if (ids.includes('poison')) throw new Error('handler failed');
      return null;
    });
    const queues = new RecordingQueues();
    start({ EventSourceArn: streamArn, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: DLQ } } }, lambda, queues);

    await putAll(table, ['healthy']);

    await eventually(() => expect(lambda.batches).toEqual([['poison'], ['poison'], ['poison'], ['healthy']]));
    expect(queues.messages).toHaveLength(1);
    expect(queues.messages[0]?.queueArn).toBe(DLQ);
    expect(queues.messages[0]?.body).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      DDBStreamBatchInfo: { batchSize: 1, streamArn },
    });
  });

  it('bisects a failing batch until the failing record is isolated', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['ok-1', 'bad', 'ok-2', 'ok-3']);
    const lambda = new RecordingLambda((ids) => {
      if (ids.includes('bad')) throw new Error('cannot process bad');
      return null;
    });
    const queues = new RecordingQueues();

    start(
      { EventSourceArn: streamArn, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 3, DestinationConfig: { OnFailure: { Destination: DLQ } } },
      lambda,
      queues,
    );

    await eventually(() => expect(queues.messages).toHaveLength(1));
    const delivered = lambda.batches.filter((batch) => !batch.includes('bad'));
    expect(delivered).toEqual([['ok-1'], ['ok-2', 'ok-3']]);
    expect(queues.messages[0]?.body).toMatchObject({ DDBStreamBatchInfo: { batchSize: 1 } });
  });

  it('retries from the first failure a function reports with ReportBatchItemFailures', async () => {
    const { table, streamArn } = await streamedTable();
    await putAll(table, ['r1', 'r2', 'r3']);
    const lambda: RecordingLambda = new RecordingLambda((_ids, call): Json => {
      if (call > 1) return { batchItemFailures: [] };
      const second: string = lambda.events[0]?.Records[1]?.dynamodb.SequenceNumber ?? '';
      return { batchItemFailures: [{ itemIdentifier: second }] };
    });

    start({ EventSourceArn: streamArn, FunctionResponseTypes: ['ReportBatchItemFailures'] }, lambda);

    await eventually(() => expect(lambda.batches).toEqual([['r1', 'r2', 'r3'], ['r2', 'r3']]));
  });
});
