import { UserCreated, UserDeleted, UserUpdated, type UserUpdatedData } from '@shop/events';
import { aLambdaContext, anEventBridgeEvent, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let customers: DynamoCustomerCopy;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startHandlerAws();
  customers = new DynamoCustomerCopy({ doc: aws.doc, tableName: aws.tableName });
  ({ handler } = await import('./customer-changed'));
});
afterAll(() => aws.stop());

const created = (id: string, name = 'Ada Lovelace') =>
  aRecordOf(UserCreated, { ...UserCreated.sample, user: { id, email: 'ada@example.com', name } });
const updated = (id: string, revision: number): ReturnType<typeof aRecordOf> => {
  const data: UserUpdatedData = {
    ...UserUpdated.sample,
    user: { ...UserUpdated.sample.user, id, name: `Ada, revision ${revision}`, email: `ada${revision}@example.com` },
    revision,
    updatedAt: `2025-03-2${revision}T12:30:00.000Z`,
  };
  return aRecordOf(UserUpdated, data);
};

describe('customer-changed handler', () => {
  it("copies a new user's name and email as revision 1", async () => {
    const response = await handler(anSqsEvent([created('user-new')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await customers.get('user-new')).toEqual({
      id: 'user-new',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      revision: 1,
      updatedAt: UserCreated.sample.createdAt,
    });
  });

  it('keeps the newest revision when the events arrive in any order', async () => {
    const batch = anSqsEvent([
      updated('user-order', 4),
      updated('user-order', 2),
      created('user-order'),
      updated('user-order', 3),
    ]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await customers.get('user-order')).toMatchObject({
      revision: 4,
      name: 'Ada, revision 4',
      email: 'ada4@example.com',
    });
  });

  it('never lets a late UserCreated overwrite an update', async () => {
    await handler(anSqsEvent([updated('user-late', 2)]), aLambdaContext());

    const late = await handler(anSqsEvent([created('user-late', 'Name at sign-up')]), aLambdaContext());

    expect(late.batchItemFailures).toEqual([]);
    expect(await customers.get('user-late')).toMatchObject({ revision: 2, name: 'Ada, revision 2' });
  });

  it('changes nothing when the same event is delivered twice', async () => {
    const event = updated('user-twice', 2);
    await handler(anSqsEvent([event]), aLambdaContext());

    const again = await handler(anSqsEvent([{ ...event, messageId: 'redelivered' }]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect(await customers.get('user-twice')).toMatchObject({ revision: 2, email: 'ada2@example.com' });
  });

  it('does not bring back the profile of a deleted user', async () => {
    await handler(anSqsEvent([created('user-deleted')]), aLambdaContext());
    await customers.erase('user-deleted', '2025-04-02T08:15:00.000Z');

    const late = await handler(anSqsEvent([updated('user-deleted', 2)]), aLambdaContext());

    expect(late.batchItemFailures).toEqual([]);
    expect(await customers.get('user-deleted')).toBeUndefined();
  });

  it('fails only the records that are not profile events', async () => {
    const deleted = aRecordOf(UserDeleted, { userId: 'user-odd', deletedAt: '2025-04-02T08:15:00.000Z' }, 'deleted');
    const renamed = anEventBridgeEvent({
      source: 'shop.users',
      detailType: 'User.UserRenamed',
      detail: {
        metadata: UserCreated.sampleDetail.metadata,
        data: { ...UserCreated.sample, user: { id: 'user-odd', email: 'odd@example.com' } },
      },
    });
    const batch = anSqsEvent([
      anSqsRecord('poison', 'not json'),
      anSqsRecord('renamed', renamed),
      deleted,
      created('user-fine'),
    ]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual([
      'deleted',
      'poison',
      'renamed',
    ]);
    expect(await customers.get('user-odd')).toBeUndefined();
    expect(await customers.get('user-fine')).toBeDefined();
  });
});
