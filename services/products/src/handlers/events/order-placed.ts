import { OrderPlaced } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { DynamoInventory } from '../../adapters/dynamodb-inventory';
import { idempotencyTableName, tableName } from '../../config';
import { documentClient, dynamoDbClient } from '../dependencies';

const inventory = new DynamoInventory({ doc: documentClient, tableName: tableName() });

/**
 * Reserves every line of the order or none, and answers checkout through the outbox (StockReserved or
 * StockReservationFailed). Idempotent twice over: Powertools skips a repeat of the same order, and the
 * reservation item (one per order, created only if absent) makes even a repeat past that window a no-op.
 */
const reserveOnce = makeIdempotentFunction(
  async (event: EventOf<typeof OrderPlaced>) => {
    const { order, taskToken } = event.detail.data;
    const lines = order.lines.map(({ sku, productId, quantity }) => ({ sku, productId, quantity }));
    const outcome = await inventory.reserve({ orderId: order.id, taskToken, lines });
    logger.info('Stock reservation decided', { orderId: order.id, outcome: outcome.kind });
    return outcome;
  },
  { tableName: idempotencyTableName(), key: 'detail.data.order.id', client: dynamoDbClient },
);

export const handler = makeSqsHandler(OrderPlaced, reserveOnce);
