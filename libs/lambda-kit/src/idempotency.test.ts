import { IdempotencyAlreadyInProgressError, IdempotencyKeyError } from '@aws-lambda-powertools/idempotency';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EventOf } from './eventbridge/contract';
import { makeIdempotentFunction } from './idempotency';
import { makeSqsHandler } from './sqs/handler';
import { createIdempotencyTable, startLocalDynamoDB, type LocalDynamoDB } from './test-support/local-dynamodb';
import { anOrderPlacedDetail, OrderPlaced } from './test-support/order-placed';
import { aLambdaContext, anEventBridgeEvent, anSqsEvent, anSqsRecord, captureLogs, type CapturedLogs } from './testing';

const TABLE = 'idempotency';
let dynamodb: LocalDynamoDB;
let logs: CapturedLogs | undefined;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  await createIdempotencyTable(dynamodb.client, TABLE);
});
afterAll(() => dynamodb.stop());
afterEach(() => logs?.restore());

type Payment = { paymentId: string; orderId: string; amount: number };

/** A business function that counts its runs, made idempotent on `key`. */
function aCountedPayment(keyPrefix: string, key: string | ((payment: Payment) => string) = 'paymentId') {
  const runs: Payment[] = [];
  const charge = makeIdempotentFunction(
    async (payment: Payment) => {
      runs.push(payment);
      if (payment.amount < 0) throw new Error('refused by the provider');
      return { chargeId: `ch_${runs.length}`, amount: payment.amount };
    },
    { tableName: TABLE, key, keyPrefix, client: dynamodb.client },
  );
  return { charge, runs };
}

describe('makeIdempotentFunction', () => {
  it('runs the function once for the same input and returns the same result', async () => {
    const { charge, runs } = aCountedPayment('same-input');
    const payment = { paymentId: 'pay_1', orderId: 'ord_1', amount: 5000 };

    const first = await charge(payment, aLambdaContext());
    const second = await charge(payment, aLambdaContext());

    expect(runs).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first).toEqual({ chargeId: 'ch_1', amount: 5000 });
  });

  it('runs the function again for a different key', async () => {
    const { charge, runs } = aCountedPayment('different-key');

    await charge({ paymentId: 'pay_1', orderId: 'ord_1', amount: 5000 }, aLambdaContext());
    const other = await charge({ paymentId: 'pay_2', orderId: 'ord_1', amount: 5000 }, aLambdaContext());

    expect(runs).toHaveLength(2);
    expect(other).toEqual({ chargeId: 'ch_2', amount: 5000 });
  });

  it('keys on what a function of the input returns', async () => {
    const { charge, runs } = aCountedPayment('function-key', (payment) => `order#${payment.orderId}`);

    await charge({ paymentId: 'pay_1', orderId: 'ord_7', amount: 5000 }, aLambdaContext());
    await charge({ paymentId: 'pay_2', orderId: 'ord_7', amount: 5000 }, aLambdaContext());
    await charge({ paymentId: 'pay_3', orderId: 'ord_8', amount: 5000 }, aLambdaContext());

    expect(runs.map((run) => run.paymentId)).toEqual(['pay_1', 'pay_3']);
  });

  it('stores nothing when the function throws, so a retry runs it again', async () => {
    const { charge, runs } = aCountedPayment('after-failure');
    const refused = { paymentId: 'pay_1', orderId: 'ord_1', amount: -1 };

    await expect(charge(refused, aLambdaContext())).rejects.toThrow('refused by the provider');
    await expect(charge(refused, aLambdaContext())).rejects.toThrow('refused by the provider');

    expect(runs).toHaveLength(2);
  });

  it('refuses a second call while the first one is still running', async () => {
    let firstIsRunning: () => void = () => undefined;
    let finishFirst: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (firstIsRunning = resolve));
    const finish = new Promise<void>((resolve) => (finishFirst = resolve));
    const slow = makeIdempotentFunction(
      async (payment: Payment) => {
        firstIsRunning();
        await finish;
        return payment.paymentId;
      },
      { tableName: TABLE, key: 'paymentId', keyPrefix: 'in-progress', client: dynamodb.client },
    );
    const payment = { paymentId: 'pay_1', orderId: 'ord_1', amount: 5000 };
    const first = slow(payment, aLambdaContext());
    await running;

    const second = slow(payment, aLambdaContext());

    await expect(second).rejects.toThrow(IdempotencyAlreadyInProgressError);
    finishFirst();
    await expect(first).resolves.toBe('pay_1');
  });

  it('fails instead of running unprotected when the input has no key', async () => {
    const { charge, runs } = aCountedPayment('missing-key', 'idempotencyKey');

    const call = charge({ paymentId: 'pay_1', orderId: 'ord_1', amount: 5000 }, aLambdaContext());

    await expect(call).rejects.toMatchObject({ cause: expect.any(IdempotencyKeyError) });
    expect(runs).toHaveLength(0);
  });

  it('writes the expiry attribute the table TTL deletes by, and an in-progress expiry from the remaining time', async () => {
    const { charge } = aCountedPayment('stored-record');

    await charge({ paymentId: 'pay_1', orderId: 'ord_1', amount: 5000 }, aLambdaContext());

    const { Items = [] } = await dynamodb.client.send(new ScanCommand({ TableName: TABLE }));
    const stored = Items.map((item) => unmarshall(item)).find((item) => String(item.id).startsWith('stored-record#'));
    expect(stored).toMatchObject({
      status: 'COMPLETED',
      expiration: expect.any(Number),
      in_progress_expiration: expect.any(Number),
      data: { chargeId: 'ch_1', amount: 5000 },
    });
  });
});

describe('makeIdempotentFunction with makeSqsHandler', () => {
  const aBatchOf = (...orderIds: string[]) =>
    anSqsEvent(
      orderIds.map((orderId, index) => {
        const event = anEventBridgeEvent({
          id: `evt-${orderId}-${index}`,
          source: 'shop.orders',
          detailType: 'Order.OrderPlaced',
          detail: anOrderPlacedDetail({ orderId }),
        });
        return anSqsRecord(`msg-${index}`, event);
      }),
    );

  it('changes nothing when an event is delivered again or replayed, and processes a new one', async () => {
    logs = captureLogs();
    const runs: string[] = [];
    const recordOnce = makeIdempotentFunction(
      async (event: EventOf<typeof OrderPlaced>) => {
        runs.push(event.detail.data.orderId);
      },
      { tableName: TABLE, key: 'detail.data.orderId', keyPrefix: 'sqs-consumer', client: dynamodb.client },
    );
    const handler = makeSqsHandler(OrderPlaced, recordOnce);

    const first = await handler(aBatchOf('ord_1'), aLambdaContext());
    const second = await handler(aBatchOf('ord_1', 'ord_2'), aLambdaContext());

    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(runs).toEqual(['ord_1', 'ord_2']);
  });
});
