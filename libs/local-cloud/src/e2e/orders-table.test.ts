import { DescribeTimeToLiveCommand, DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthOrdersTableApp } from '../../test-stacks/e2e/orders-table-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let lambda: LambdaClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthOrdersTableApp, 'Orders', { dynamodb: { ttlSweepIntervalMs: 200 } });
  lambda = new LambdaClient({});
  dynamodb = new DynamoDBClient({});
});

afterAll(async () => {
  lambda?.destroy();
  dynamodb?.destroy();
  await e2e?.stop();
});

async function saveOrder(order: object): Promise<unknown> {
  const response = await lambda.send(new InvokeCommand({ FunctionName: e2e.output('SaveOrderFunctionName'), Payload: JSON.stringify(order) }));
  const payload: unknown = JSON.parse(Buffer.from(response.Payload ?? []).toString('utf8'));
  if (response.FunctionError) throw new Error(`SaveOrder failed: ${JSON.stringify(payload)}`);
  return payload;
}

const getOrder = async (orderId: string) =>
  (await dynamodb.send(new GetItemCommand({ TableName: e2e.output('TableName'), Key: { pk: { S: `ORDER#${orderId}` } } }))).Item;

describe('a function writing a table through the local cloud', () => {
  it('saves an order that the DynamoDB client reads back by key', async () => {
    const result = await saveOrder({ orderId: 'o-1', customerId: 'c-1', total: { amount: 5000, currency: 'GBP' } });

    const item = await getOrder('o-1');
    expect(result).toEqual({ saved: 'o-1' });
    expect(item).toMatchObject({ pk: { S: 'ORDER#o-1' }, customerId: { S: 'CUSTOMER#c-1' }, total: { M: { amount: { N: '5000' }, currency: { S: 'GBP' } } } });
  });

  it("finds a customer's orders through the table's global secondary index", async () => {
    await saveOrder({ orderId: 'o-2', customerId: 'c-2', total: { amount: 1200, currency: 'GBP' } });
    await saveOrder({ orderId: 'o-3', customerId: 'c-2', total: { amount: 800, currency: 'GBP' } });

    const { Items } = await dynamodb.send(
      new QueryCommand({
        TableName: e2e.output('TableName'),
        IndexName: 'byCustomer',
        KeyConditionExpression: 'customerId = :customer',
        ExpressionAttributeValues: { ':customer': { S: 'CUSTOMER#c-2' } },
      }),
    );

    expect(Items?.map((item) => item.pk?.S).sort()).toEqual(['ORDER#o-2', 'ORDER#o-3']);
  });

  it('deletes an order once the time to live in its TTL attribute has passed', async () => {
    const { TimeToLiveDescription } = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: e2e.output('TableName') }));
    await saveOrder({ orderId: 'o-expired', customerId: 'c-3', total: { amount: 100, currency: 'GBP' }, expiresAt: Math.floor(Date.now() / 1000) - 60 });

    const item = await eventually(() => getOrder('o-expired'), (found) => found === undefined);

    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    expect(item).toBeUndefined();
  });
});
