import { OrderConfirmed } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { DynamoInventory } from '../../adapters/dynamodb-inventory';
import { idempotencyTableName, tableName } from '../../config';
import { documentClient, dynamoDbClient } from '../dependencies';

const inventory = new DynamoInventory({ doc: documentClient, tableName: tableName() });

/**
 * Turns the order's reservation into a sale. A confirmation for stock that was never reserved or was
 * released fails the record: after its retries it waits in the DLQ (and alarms) for a person to look at it.
 */
const commitOnce = makeIdempotentFunction(
  async (event: EventOf<typeof OrderConfirmed>) => {
    const orderId = event.detail.data.order.id;
    const outcome = await inventory.commit(orderId);
    logger.info('Stock sale committed', { orderId, outcome: outcome.kind });
    return outcome;
  },
  { tableName: idempotencyTableName(), key: 'detail.data.order.id', client: dynamoDbClient },
);

export const handler = makeSqsHandler(OrderConfirmed, commitOnce);
