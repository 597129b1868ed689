import { SFNClient } from '@aws-sdk/client-sfn';
import { StockReservationFailed, StockReserved } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, tracer, type EventOf } from '@shop/lambda-kit';
import { z } from 'zod';
import { SfnTaskTokens, type TaskAnswer } from '../../adapters/sfn-task-tokens';
import { idempotencyTableName } from '../config';
import { dynamoDbClient } from '../dependencies';
import { STOCK_RESERVATION_FAILED_ERROR, type StockReservedOutput } from '../workflow/stock-answer-contract';
import { assertDetailType } from './detail-type';

const tokens = new SfnTaskTokens(tracer.captureAWSv3Client(new SFNClient({})));

const StockAnswer = {
  source: StockReserved.source,
  detail: z.union([StockReserved.detail, StockReservationFailed.detail]),
};
type StockAnswerEvent = EventOf<typeof StockAnswer>;

/** Completes the checkout's ReserveStock step: products' answer becomes the waiting task's result. */
async function answer(event: StockAnswerEvent): Promise<TaskAnswer> {
  assertDetailType(event, [StockReserved, StockReservationFailed]);
  if (event['detail-type'] === StockReserved.detailType) {
    const { orderId, reservationId, reservedAt, expiresAt, taskToken } = StockReserved.detail.parse(event.detail).data;
    const output: StockReservedOutput = { orderId, reservationId, reservedAt, expiresAt };
    const result = await tokens.succeed(taskToken, output);
    logger.info('Stock reserved: checkout resumed', { orderId, reservationId, result });
    return result;
  }
  const { orderId, reasonCode, reason, taskToken } = StockReservationFailed.detail.parse(event.detail).data;
  const result = await tokens.fail(taskToken, STOCK_RESERVATION_FAILED_ERROR, reason);
  logger.info('Stock not reserved: checkout step failed', { orderId, reasonCode, result });
  return result;
}

// Keyed on the task token (Powertools stores a hash of it, never the token): one answer per wait, so a
// duplicate delivery does not call Step Functions again. A repeat past the idempotency window reaches a
// closed task, which the adapter treats as done.
const answerOnce = makeIdempotentFunction(answer, {
  tableName: idempotencyTableName(),
  key: 'detail.data.taskToken',
  client: dynamoDbClient,
});

export const handler = makeSqsHandler(StockAnswer, answerOnce);
