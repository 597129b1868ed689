import { DeleteTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoProfileRepository } from '../../adapters/dynamodb-profile-repository';
import { aPostConfirmation, putEvents, useHandlerEnvironment } from '../../test-support/handler-env';
import { createUsersTable, startLocalDynamoDB, type LocalDynamoDB } from '../../test-support/local-dynamodb';

const eventBridge = mockClient(EventBridgeClient);
let dynamodb: LocalDynamoDB;
let profiles: DynamoProfileRepository;
let handler: typeof import('./post-confirmation').handler;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  const tableName = await createUsersTable(dynamodb.client);
  profiles = new DynamoProfileRepository({ doc: dynamodb.doc, tableName });
  useHandlerEnvironment(dynamodb, tableName);
  ({ handler } = await import('./post-confirmation'));
});

afterAll(() => dynamodb.stop());

beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
});

const confirmation = (sub: string) => aPostConfirmation({ sub, email: `${sub}@example.com`, name: 'Grace Hopper' });

describe('post-confirmation trigger', () => {
  it('creates the profile, publishes UserCreated and hands the event back to Cognito', async () => {
    const event = confirmation('confirmed-1');

    const answer = await handler(event, aLambdaContext());

    expect(answer).toEqual(event);
    expect(await profiles.get('confirmed-1')).toMatchObject({ email: 'confirmed-1@example.com', revision: 1 });
    expect(putEvents(eventBridge).map((sent) => [sent.detailType, sent.detail.data])).toEqual([
      [
        'User.UserCreated',
        {
          user: { id: 'confirmed-1', email: 'confirmed-1@example.com', name: 'Grace Hopper' },
          createdAt: expect.any(String),
        },
      ],
    ]);
  });

  it('succeeds when Cognito retries it, without publishing twice', async () => {
    await handler(confirmation('retried-1'), aLambdaContext());

    const answer = await handler(confirmation('retried-1'), aLambdaContext());

    expect(answer).toEqual(confirmation('retried-1'));
    expect(putEvents(eventBridge)).toHaveLength(1);
  });

  it('lets the user in when only the publish failed, and publishes on the next attempt', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('EventBridge is unavailable'));
    await expect(handler(confirmation('unpublished-1'), aLambdaContext())).resolves.toBeDefined();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-2' }] });

    await handler(confirmation('unpublished-1'), aLambdaContext());

    expect((await profiles.get('unpublished-1'))?.announcedRevision).toBe(1);
  });

  // Last: it deletes the table every other test writes to.
  it('fails when the profile cannot be written, so Cognito reports the error', async () => {
    await dynamodb.client.send(new DeleteTableCommand({ TableName: process.env['TABLE_NAME'] }));

    const outcome = handler(confirmation('no-table-1'), aLambdaContext());

    await expect(outcome).rejects.toThrow(ResourceNotFoundException);
    expect(putEvents(eventBridge)).toEqual([]);
  });
});
