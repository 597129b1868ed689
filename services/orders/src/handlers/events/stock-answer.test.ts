import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  SFNServiceException,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { StockReservationFailed, StockReserved } from '@shop/events';
import { aLambdaContext, anSqsEvent } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

const sfn = mockClient(SFNClient);
let aws: HandlerAws;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startHandlerAws();
  ({ handler } = await import('./stock-answer'));
});
afterEach(() => sfn.reset());
afterAll(async () => {
  sfn.restore();
  await aws.stop();
});

const reserved = (orderId: string, taskToken: string) =>
  aRecordOf(StockReserved, { ...StockReserved.sample, orderId, taskToken });
const refused = (orderId: string, taskToken: string) =>
  aRecordOf(StockReservationFailed, { ...StockReservationFailed.sample, orderId, taskToken });

describe('stock-answer handler', () => {
  it("resumes the order's waiting task with the reservation", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});

    const response = await handler(anSqsEvent([reserved('ord_a', 'token-a')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    const { taskToken, output } = sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input ?? {};
    expect(taskToken).toBe('token-a');
    expect(JSON.parse(output ?? '')).toEqual({
      orderId: 'ord_a',
      reservationId: StockReserved.sample.reservationId,
      reservedAt: StockReserved.sample.reservedAt,
      expiresAt: StockReserved.sample.expiresAt,
    });
    expect(sfn.commandCalls(SendTaskFailureCommand)).toHaveLength(0);
  });

  it("fails the order's waiting task with Inventory.StockReservationFailed and the reason", async () => {
    sfn.on(SendTaskFailureCommand).resolves({});

    const response = await handler(anSqsEvent([refused('ord_b', 'token-b')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-b',
      error: 'Inventory.StockReservationFailed',
      cause: StockReservationFailed.sample.reason,
    });
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('answers once when the same answer is delivered twice', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    const answer = reserved('ord_c', 'token-c');

    await handler(anSqsEvent([answer]), aLambdaContext());
    const again = await handler(anSqsEvent([{ ...answer, messageId: 'redelivered' }]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
  });

  it('treats an answer for a task that timed out as done', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} }));

    const response = await handler(anSqsEvent([reserved('ord_d', 'token-d')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
  });

  it('fails the record when Step Functions cannot take the answer now, so SQS retries it', async () => {
    const throttled = new SFNServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {} });
    sfn.on(SendTaskSuccessCommand).resolves({}).on(SendTaskSuccessCommand, { taskToken: 'token-e' }).rejects(throttled);
    const record = reserved('ord_e', 'token-e');

    const response = await handler(anSqsEvent([record, reserved('ord_f', 'token-f')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(
      sfn
        .commandCalls(SendTaskSuccessCommand)
        .map((call) => call.args[0].input.taskToken)
        .sort(),
    ).toEqual(['token-e', 'token-f']);
  });
});
