import { OrderCancelled } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { DynamoInventory } from '../../adapters/dynamodb-inventory';
import { idempotencyTableName, tableName } from '../../config';
import { documentClient, dynamoDbClient } from '../dependencies';

const inventory = new DynamoInventory({ doc: documentClient, tableName: tableName() });

/** Puts the order's reserved stock back on sale (StockReleased goes out through the outbox). */
const releaseOnce = makeIdempotentFunction(
  async (event: EventOf<typeof OrderCancelled>) => {
    const { orderId, reasonCode } = event.detail.data;
    const outcome = await inventory.release(orderId);
    logger.info('Stock release settled', { orderId, cancellation: reasonCode, outcome: outcome.kind });
    return outcome;
  },
  { tableName: idempotencyTableName(), key: 'detail.data.orderId', client: dynamoDbClient },
);

export const handler = makeSqsHandler(OrderCancelled, releaseOnce);
