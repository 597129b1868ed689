import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthCheckoutWorkflowApp } from '../../test-stacks/e2e/checkout-workflow-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let sfn: SFNClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthCheckoutWorkflowApp, 'Checkout');
  sfn = new SFNClient({});
  dynamodb = new DynamoDBClient({});
});

afterAll(async () => {
  sfn?.destroy();
  dynamodb?.destroy();
  await e2e?.stop();
});

const order = {
  orderId: 'o-42',
  lines: [
    { sku: 'TEE-M', quantity: 2, unitPrice: { amount: 1500, currency: 'GBP' } },
    { sku: 'MUG', quantity: 1, unitPrice: { amount: 900, currency: 'GBP' } },
  ],
};

describe('a Standard workflow with a Lambda task and a DynamoDB task', () => {
  it('runs to SUCCEEDED and saves the order the Lambda task priced', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: e2e.output('StateMachineArn'), name: 'checkout-o-42', input: JSON.stringify(order) }),
    );

    const execution = await eventually(
      () => sfn.send(new DescribeExecutionCommand({ executionArn })),
      (described) => described.status !== 'RUNNING',
    );
    const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const { Item } = await dynamodb.send(new GetItemCommand({ TableName: e2e.output('TableName'), Key: { pk: { S: 'ORDER#o-42' } } }));
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toEqual({ ...order, priced: { total: { amount: 3900, currency: 'GBP' } } });
    expect(events.filter((e) => e.type === 'TaskStateExited').map((e) => e.stateExitedEventDetails?.name)).toEqual(['PriceOrder', 'SaveOrder']);
    expect(Item).toEqual({ pk: { S: 'ORDER#o-42' }, amount: { N: '3900' }, currency: { S: 'GBP' }, status: { S: 'PRICED' } });
  });
});
