import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { OrderCancelled, OrderConfirmed, type OrderCancelledData, type OrderConfirmedData } from '@shop/events';
import { aLambdaContext, anSqsEvent, captureLogs } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrderItem } from '../../adapters/testing/order-items';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const CUSTOMER = 'customer-ada';
const PLACED_AT = '2025-03-14T09:26:53.000Z';

type EmfDocument = {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [field: string]: unknown;
};

/** Runs the handler and returns the EMF documents Powertools wrote to stdout. */
async function emfOf(event: SQSEvent): Promise<{ response: SQSBatchResponse; documents: EmfDocument[] }> {
  const logs = captureLogs();
  try {
    const response = await handler(event, aLambdaContext());
    return { response, documents: emfDocuments(logs.text()) };
  } finally {
    logs.restore();
  }
}

function emfDocuments(text: string): EmfDocument[] {
  return text
    .split('\n')
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfDocument)
    .filter((doc) => doc._aws.CloudWatchMetrics.some((m) => m.Metrics.every((metric) => metric.Name !== 'ColdStart')));
}

/** Each business metric's values, by name, and the dimensions it was published with. */
function metricsIn(documents: EmfDocument[]) {
  return documents.flatMap((doc) =>
    doc._aws.CloudWatchMetrics.flatMap(({ Namespace, Dimensions, Metrics }) =>
      Metrics.map(({ Name, Unit }) => ({
        namespace: Namespace,
        name: Name,
        unit: Unit,
        value: doc[Name],
        dimensions: Object.fromEntries((Dimensions[0] ?? []).map((key) => [key, doc[key]])),
      })),
    ),
  );
}

const confirmed = (orderId: string, confirmedAt: string, total: number): OrderConfirmedData => {
  const sample = OrderConfirmed.sample;
  const totals = { ...sample.order.totals, total: { amount: total, currency: 'GBP' } };
  return { ...sample, order: { ...sample.order, id: orderId, placedAt: PLACED_AT, confirmedAt, totals } };
};
const cancelled = (orderId: string, reasonCode: OrderCancelledData['reasonCode']): OrderCancelledData => ({
  ...OrderCancelled.sample,
  orderId,
  customerId: CUSTOMER,
  reasonCode,
  cancelledAt: '2025-03-14T09:26:55.500Z',
});

beforeAll(async () => {
  aws = await startHandlerAws({ POWERTOOLS_METRICS_DISABLED: 'false' });
  const orders = [
    anOrderItem({ orderId: 'ord_declined', customerId: CUSTOMER, createdAt: PLACED_AT }),
    anOrderItem({ orderId: 'ord_later', customerId: CUSTOMER, createdAt: PLACED_AT, status: 'CONFIRMED' }),
  ];
  for (const Item of orders) await aws.doc.send(new PutCommand({ TableName: aws.tableName, Item }));
  ({ handler } = await import('./order-outcome'));
});
afterAll(() => aws.stop());

describe('order-outcome handler', () => {
  it('counts a confirmed order, its revenue in minor units and how long its checkout took', async () => {
    const event = anSqsEvent([aRecordOf(OrderConfirmed, confirmed('ord_paid', '2025-03-14T09:26:57.000Z', 4350))]);

    const { response, documents } = await emfOf(event);

    expect(response.batchItemFailures).toEqual([]);
    expect(metricsIn(documents)).toEqual([
      { namespace: 'Shop', name: 'OrderConfirmed', unit: 'Count', value: 1, dimensions: { service: 'orders' } },
      { namespace: 'Shop', name: 'Revenue', unit: 'Count', value: 4350, dimensions: { service: 'orders' } },
      {
        namespace: 'Shop',
        name: 'CheckoutDuration',
        unit: 'Milliseconds',
        value: 4000,
        dimensions: { service: 'orders' },
      },
    ]);
  });

  it('counts a cancelled order under its reason code, timed from when the order was saved', async () => {
    const event = anSqsEvent([aRecordOf(OrderCancelled, cancelled('ord_declined', 'PAYMENT_DECLINED'))]);

    const { documents } = await emfOf(event);

    expect(metricsIn(documents)).toEqual(
      expect.arrayContaining([
        {
          namespace: 'Shop',
          name: 'OrderCancelled',
          unit: 'Count',
          value: 1,
          dimensions: { service: 'orders', reason: 'PAYMENT_DECLINED' },
        },
        {
          namespace: 'Shop',
          name: 'CheckoutDuration',
          unit: 'Milliseconds',
          value: 2500,
          dimensions: { service: 'orders' },
        },
      ]),
    );
    expect(metricsIn(documents)).toHaveLength(2);
  });

  it('does not time again a checkout that ended confirmed before the order was cancelled', async () => {
    const event = anSqsEvent([aRecordOf(OrderCancelled, cancelled('ord_later', 'CUSTOMER_REQUESTED'))]);

    const { documents } = await emfOf(event);

    expect(metricsIn(documents).map((m) => m.name)).toEqual(['OrderCancelled']);
  });

  it('counts an order once when its outcome is delivered again, even as another event', async () => {
    const data = confirmed('ord_twice', '2025-03-14T09:26:58.000Z', 1000);
    await emfOf(anSqsEvent([aRecordOf(OrderConfirmed, data)]));

    const again = await emfOf(anSqsEvent([aRecordOf(OrderConfirmed, data), aRecordOf(OrderConfirmed, data)]));

    expect(again.response.batchItemFailures).toEqual([]);
    expect(metricsIn(again.documents)).toEqual([]);
  });
});
