import { OrderConfirmed, type OrderConfirmedData } from '@shop/events';
import { aLambdaContext, anEventBridgeEvent, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTablesOf,
  exported,
  functionEnvironment,
  importExercise,
  resourcesOf,
  scanAll,
  startDynamo,
  type LocalDynamo,
} from '../../../src/check-kit';
import { loyaltyStack } from './loyalty-stack';

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
const HANDLER = 'services/loyalty/src/handlers/order-confirmed.ts';

let dynamo: LocalDynamo | undefined;
let pointsTable = '';

/** The consumer as Lambda would run it: its synthesized environment, its tables in a local DynamoDB. */
async function theHandler(): Promise<Handler> {
  const { template } = await loyaltyStack();
  if (dynamo === undefined) {
    dynamo = await startDynamo();
    await createTablesOf(template, dynamo);
    const [, fn] = resourcesOf(template, 'AWS::Lambda::Function')[0] ?? [];
    expect(fn, 'LoyaltyService has no function yet: add a ServiceFunction for the consumer (step 5)').toBeDefined();
    const variables = (fn?.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    Object.assign(process.env, functionEnvironment(variables, dynamo));
    pointsTable = process.env.POINTS_TABLE_NAME ?? '';
    expect(pointsTable, "The consumer is not told its points table: set POINTS_TABLE_NAME to the table's name (step 5)").not.toBe('');
  }
  const module = await importExercise<Record<string, unknown>>(HANDLER, `Create the consumer, ${HANDLER} (step 3)`);
  return exported<Handler>(module, 'handler', `Export the consumer as \`handler\` from ${HANDLER} (step 3)`);
}

const anOrder = (id: string, amount: number): OrderConfirmedData => {
  const data = structuredClone(OrderConfirmed.sample) as OrderConfirmedData;
  data.order.id = id;
  data.order.totals.total = { amount, currency: 'GBP' };
  return data;
};

const aRecord = (messageId: string, data: OrderConfirmedData): SQSRecord =>
  anSqsRecord(
    messageId,
    anEventBridgeEvent({
      id: `evt-${messageId}`,
      source: OrderConfirmed.source,
      detailType: OrderConfirmed.detailType,
      detail: { ...OrderConfirmed.sampleDetail, data },
    }),
  );

async function pointsFor(orderId: string): Promise<number> {
  const items = await scanAll(dynamo as LocalDynamo, pointsTable);
  const awards = items.filter((item) => JSON.stringify(item).includes(orderId));
  return awards.reduce((sum, item) => sum + Number(item.points?.N ?? 0), 0);
}

describe('the loyalty consumer awards points for confirmed orders', () => {
  beforeAll(async () => {
    await theHandler().catch(() => undefined);
  });
  afterAll(() => dynamo?.stop());

  it('awards one point per whole pound of the order total', async () => {
    const handler = await theHandler();

    const response = await handler(anSqsEvent([aRecord('m-1', anOrder('ord_points', 4330))]), aLambdaContext());

    expect(response.batchItemFailures, 'The consumer failed a valid Order.OrderConfirmed: see its error in the output above (step 3)').toEqual([]);
    expect(
      await pointsFor('ord_points'),
      'An order of £43.30 must earn 43 points, stored as `points` on an item of the points table that names the order (steps 2 and 4)',
    ).toBe(43);
  });

  it('awards points once when the same order is delivered twice', async () => {
    const handler = await theHandler();
    const order = anOrder('ord_twice', 2599);

    await handler(anSqsEvent([aRecord('m-2', order)]), aLambdaContext());
    await handler(anSqsEvent([aRecord('m-3', order)]), aLambdaContext());

    expect(
      await pointsFor('ord_twice'),
      'The same confirmed order, delivered twice, awarded points twice: make the consumer idempotent on the order id (makeIdempotentFunction, step 3)',
    ).toBe(25);
  });

  it('fails a malformed message on its own, so SQS retries it and then moves it to the DLQ', async () => {
    const handler = await theHandler();
    const malformed = { ...aRecord('m-bad', anOrder('ord_bad', 1000)), body: '{"detail-type":"Order.OrderConfirmed","detail":{}}' };

    const response = await handler(anSqsEvent([malformed, aRecord('m-good', anOrder('ord_good', 1000))]), aLambdaContext());

    expect(
      response.batchItemFailures,
      'A malformed message must be reported as a batch item failure, alone: use makeSqsHandler (Powertools BatchProcessor) from @shop/lambda-kit (step 3)',
    ).toEqual([{ itemIdentifier: 'm-bad' }]);
    expect(await pointsFor('ord_good'), 'The valid message beside a malformed one earned no points: process records one by one (step 3)').toBe(10);
  });
});
