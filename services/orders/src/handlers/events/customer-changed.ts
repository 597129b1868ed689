import { UserCreated, UserUpdated } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { z } from 'zod';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { FIRST_PROFILE_REVISION, profileFromCreated, profileFromUpdated, type CustomerProfile } from '../../domain';
import { idempotencyTableName, tableName } from '../config';
import { documentClient, dynamoDbClient } from '../dependencies';
import { assertDetailType } from './detail-type';

const customers = new DynamoCustomerCopy({ doc: documentClient, tableName: tableName() });

/** Both events carry the profile as it stands; the queue's rules deliver either. */
const CustomerChanged = {
  source: UserCreated.source,
  detail: z.union([UserUpdated.detail, UserCreated.detail]),
};
type CustomerChangedEvent = EventOf<typeof CustomerChanged>;

/** The profile an event announces, read with its own contract (the union above matches either shape). */
function profileOf(event: CustomerChangedEvent): CustomerProfile {
  assertDetailType(event, [UserCreated, UserUpdated]);
  if (event['detail-type'] === UserUpdated.detailType)
    return profileFromUpdated(UserUpdated.data.parse(event.detail.data));
  return profileFromCreated(UserCreated.data.parse(event.detail.data));
}

/**
 * Keeps the copy of the customer's profile that checkout puts on orders. Deliveries come at least once and in
 * any order: the write is conditional on the stored revision (a late or repeated one is a no-op, not a
 * failure) and never lands on a deleted user's tombstone. Powertools idempotency, keyed on user and
 * revision, skips a repeat before it reaches the table. Names and emails are never logged.
 */
const applyOnce = makeIdempotentFunction(
  async (event: CustomerChangedEvent) => {
    const profile = profileOf(event);
    const written = await customers.put(profile);
    logger.info(written ? 'Customer copy updated' : 'Customer copy newer or deleted; event ignored', {
      customerId: profile.id,
      revision: profile.revision,
    });
    return { customerId: profile.id, revision: profile.revision, written };
  },
  {
    tableName: idempotencyTableName(),
    key: ({ detail: { data } }) => `${data.user.id}#${'revision' in data ? data.revision : FIRST_PROFILE_REVISION}`,
    client: dynamoDbClient,
  },
);

export const handler = makeSqsHandler(CustomerChanged, applyOnce);
