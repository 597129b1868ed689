import { UserDeleted } from '@shop/events';
import { logger, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { DynamoCustomerErasure } from '../../adapters/dynamodb-customer-erasure';
import { tableName } from '../config';
import { documentClient } from '../dependencies';

const table = { doc: documentClient, tableName: tableName() };
const customers = new DynamoCustomerCopy(table);
const erasure = new DynamoCustomerErasure(table);

/**
 * Erases a deleted user's personal data from the orders table: the profile copy becomes a tombstone (first,
 * so a late profile event cannot write it back meanwhile), the cart goes, and every order's addresses are
 * redacted. Each step is idempotent by construction, and the order sweep skips orders already done, so a
 * retry after a timeout or a throttle resumes and finishes. No Powertools idempotency on purpose: a repeated
 * event should sweep again (it also catches an order a checkout in flight wrote after the first sweep).
 */
async function eraseCustomer(event: EventOf<typeof UserDeleted>): Promise<void> {
  const { userId: customerId, deletedAt } = event.detail.data;
  await customers.erase(customerId, deletedAt);
  const hadCart = await erasure.deleteCart(customerId);
  const anonymisedOrders = await erasure.anonymiseOrders(customerId, deletedAt);
  logger.info('Deleted customer erased', { customerId, hadCart, anonymisedOrders });
}

export const handler = makeSqsHandler(UserDeleted, eraseCustomer);
