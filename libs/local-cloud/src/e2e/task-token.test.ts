import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthTaskTokenApp } from '../../test-stacks/e2e/task-token-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let sfn: SFNClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthTaskTokenApp, 'TaskToken');
  sfn = new SFNClient({});
});

afterAll(async () => {
  sfn?.destroy();
  await e2e?.stop();
});

async function runToEnd(name: string, input: object) {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: e2e.output('StateMachineArn'), name, input: JSON.stringify(input) }),
  );
  // The consumer is a Lambda started by the rule: allow for its cold start on a busy machine.
  const execution = await eventually(
    () => sfn.send(new DescribeExecutionCommand({ executionArn })),
    (described) => described.status !== 'RUNNING',
    150,
    200,
  );
  const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
  return { execution, events };
}

const enteredStates = (events: HistoryEvent[]) =>
  events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name);

describe('a workflow waiting for a task token resumed by an event consumer', () => {
  it('continues after the wait with the output the consumer sent with SendTaskSuccess', async () => {
    const order = { orderId: 'o-1', outOfStock: false };

    const { execution, events } = await runToEnd('order-o-1', order);

    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toEqual({
      ...order,
      reservation: { reservationId: 'r-o-1', reservedBy: 'Order.OrderPlaced' },
      outcome: { status: 'CONFIRMED' },
    });
    expect(enteredStates(events)).toEqual(['PublishOrderPlaced', 'ConfirmOrder']);
  }, 60_000);

  it('catches the Inventory.OutOfStock failure the consumer sent and ends in the compensation path', async () => {
    const order = { orderId: 'o-2', outOfStock: true };

    const { execution, events } = await runToEnd('order-o-2', order);

    const taskFailed = events.find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails;
    const cancelInput = events.find((e) => e.stateEnteredEventDetails?.name === 'CancelOrder')?.stateEnteredEventDetails?.input;
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('Order.Cancelled');
    expect(taskFailed).toMatchObject({ error: 'Inventory.OutOfStock', cause: 'No stock left for order o-2' });
    expect(JSON.parse(cancelInput ?? '{}')).toEqual({ ...order, error: { Error: 'Inventory.OutOfStock', Cause: 'No stock left for order o-2' } });
    expect(enteredStates(events)).toEqual(['PublishOrderPlaced', 'CancelOrder', 'OrderCancelled']);
  }, 60_000);
});
