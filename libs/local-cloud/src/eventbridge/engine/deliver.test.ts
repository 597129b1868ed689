import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryTiming } from './deliver';
import { EventBridgeEngine } from './engine';
import { RecordingHttp, RecordingLambda, RecordingQueues } from './recording-ports';
import type { EventBridgeActivity, Target } from './types';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:invoices`;
const DLQ = `arn:aws:sqs:${REGION}:${ACCOUNT}:invoices-dlq`;
const entry = { Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{"id":"o-1"}' };

class Throttled extends Error {
  override readonly name = 'TooManyRequestsException';
}
class Missing extends Error {
  override readonly name = 'ResourceNotFoundException';
}

let now: Date;
let pauses: number[];
let lambda: RecordingLambda;
let queues: RecordingQueues;
let http: RecordingHttp;
let engine: EventBridgeEngine;
let deliveries: EventBridgeActivity[];

/** Each pause moves the fake clock on, so event age grows as retries happen. */
const timing: RetryTiming = {
  delayMs: () => 60_000,
  sleep: async (ms) => {
    pauses.push(ms);
    now = new Date(now.getTime() + ms);
  },
};

beforeEach(() => {
  now = new Date('2024-05-01T10:00:00Z');
  pauses = [];
  lambda = new RecordingLambda();
  queues = new RecordingQueues();
  http = new RecordingHttp();
  engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { lambda, sqs: queues, http: http.send }, retry: timing, clock: () => now });
  deliveries = [];
  engine.subscribe((a) => a.type === 'delivery' && deliveries.push(a));
});

function target(extra: Partial<Target> = {}): void {
  engine.buses.putRule({ name: 'r', eventPattern: '{"source": ["shop.orders"]}' });
  engine.buses.putTargets(undefined, 'r', [{ Id: 't', Arn: FUNCTION, DeadLetterConfig: { Arn: DLQ }, ...extra }]);
}

describe('delivery retries and dead-letter queues', () => {
  it('retries a throttled delivery until it succeeds', async () => {
    target();
    lambda.failNext(new Throttled('slow down'), new Throttled('slow down'));

    engine.putEvents([entry]);
    await engine.settled();

    expect(lambda.asyncInvocations).toHaveLength(1);
    expect(deliveries.map((d) => d.type === 'delivery' && [d.status, d.attempt])).toEqual([['retrying', 1], ['retrying', 2], ['delivered', 3]]);
  });

  it('sends the event to the dead-letter queue once MaximumRetryAttempts are spent', async () => {
    target({ RetryPolicy: { MaximumRetryAttempts: 2 } });
    lambda.failNext(...Array.from({ length: 5 }, () => new Throttled('slow down')));

    const { Entries } = engine.putEvents([entry]);
    await engine.settled();

    expect(pauses).toHaveLength(2);
    expect(queues.bodiesOf(DLQ)).toEqual([expect.objectContaining({ id: (Entries[0] as { EventId: string }).EventId, detail: { id: 'o-1' } })]);
    expect(deliveries.at(-1)).toMatchObject({ status: 'dead-lettered', attempt: 3, error: expect.stringContaining('TooManyRequestsException') });
  });

  it('labels a dead-lettered event with the error, the retry condition, the rule and the target', async () => {
    target({ RetryPolicy: { MaximumRetryAttempts: 1 } });
    lambda.failNext(new Throttled('slow down'), new Throttled('slow down'));

    engine.putEvents([entry]);
    await engine.settled();

    expect(queues.messages[0]?.messageAttributes).toEqual({
      ERROR_CODE: 'TooManyRequestsException',
      ERROR_MESSAGE: 'slow down',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '1',
      RULE_ARN: `arn:aws:events:${REGION}:${ACCOUNT}:rule/r`,
      TARGET_ARN: FUNCTION,
    });
  });

  it('gives up when the next retry would pass MaximumEventAgeInSeconds', async () => {
    target({ RetryPolicy: { MaximumEventAgeInSeconds: 150 } });
    lambda.failNext(...Array.from({ length: 5 }, () => new Throttled('slow down')));

    engine.putEvents([entry]);
    await engine.settled();

    expect(pauses).toEqual([60_000, 60_000]);
    expect(queues.messages).toHaveLength(1);
  });

  it('sends errors that retrying cannot fix straight to the dead-letter queue', async () => {
    target();
    lambda.failNext(new Missing('Function not found'));

    engine.putEvents([entry]);
    await engine.settled();

    expect(pauses).toEqual([]);
    expect(deliveries).toEqual([expect.objectContaining({ status: 'dead-lettered', attempt: 1 })]);
  });

  it('drops the event when there is no dead-letter queue', async () => {
    target({ DeadLetterConfig: undefined });
    lambda.failNext(new Missing('Function not found'));

    engine.putEvents([entry]);
    await engine.settled();

    expect(queues.messages).toEqual([]);
    expect(deliveries).toEqual([expect.objectContaining({ status: 'dropped', error: expect.stringContaining('Function not found') })]);
  });

  it('abandons pending retries when the engine stops', async () => {
    engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { lambda } });
    engine.subscribe((a) => a.type === 'delivery' && deliveries.push(a));
    target();
    lambda.failNext(new Throttled('slow down'), new Throttled('slow down'));

    engine.putEvents([entry]);
    await engine.stop();

    expect(lambda.asyncInvocations).toEqual([]);
    expect(deliveries.at(-1)).toMatchObject({ status: 'dropped', error: 'EventBridge stopped before the retry' });
  });

  it('treats a target of a service it does not emulate as undeliverable', async () => {
    target({ Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:topic` });

    engine.putEvents([entry]);
    await engine.settled();

    expect(deliveries).toEqual([expect.objectContaining({ status: 'dead-lettered', error: expect.stringContaining('UnsupportedTarget') })]);
  });
});

describe('API destinations', () => {
  function apiTarget(status?: number): void {
    const connection = engine.apiDestinations.addConnection({
      name: 'payments',
      authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'X-Api-Key', ApiKeyValue: 'secret' } },
    });
    const destination = engine.apiDestinations.addApiDestination({
      name: 'webhook',
      invocationEndpoint: 'https://example.test/orders/*',
      httpMethod: 'POST',
      connectionArn: connection.arn,
    });
    if (status) http.answerNext(status);
    target({ Arn: destination.arn, InputPath: '$.detail', HttpParameters: { PathParameterValues: ['o-1'], QueryStringParameters: { v: '2' } } });
  }

  it('calls the endpoint with the connection\'s credentials and the target\'s parameters', async () => {
    apiTarget();

    engine.putEvents([entry]);
    await engine.settled();

    expect(http.requests).toEqual([
      {
        url: 'https://example.test/orders/o-1?v=2',
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-api-key': 'secret' },
        body: '{"id":"o-1"}',
      },
    ]);
  });

  it('retries a 503 answer', async () => {
    apiTarget(503);

    engine.putEvents([entry]);
    await engine.settled();

    expect(http.requests).toHaveLength(2);
    expect(deliveries.at(-1)).toMatchObject({ status: 'delivered', attempt: 2 });
  });

  it('does not retry a 400 answer', async () => {
    apiTarget(400);

    engine.putEvents([entry]);
    await engine.settled();

    expect(http.requests).toHaveLength(1);
    expect(deliveries.at(-1)).toMatchObject({ status: 'dead-lettered', error: expect.stringContaining('HTTP 400') });
  });
});
