import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EventPublisher, UserCreated, UserDeleted, UserUpdated, parseDetail, piiPaths } from '@shop/events';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LATER, aProfile, anAddress } from '../domain/test-data';
import { EventBridgeUserEvents } from './eventbridge-user-events';

const eventBridge = mockClient(EventBridgeClient);

afterEach(() => eventBridge.reset());

function anEventPublisher() {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
  const publisher = new EventPublisher({
    client: new EventBridgeClient({ region: 'eu-west-2' }),
    eventBusName: 'shop',
    service: 'users',
    environment: 'test',
  });
  return new EventBridgeUserEvents(publisher);
}

function sentEntry() {
  const entry = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
  return { ...entry, detail: JSON.parse(entry?.Detail ?? '{}') as unknown };
}

describe('EventBridgeUserEvents', () => {
  it('publishes UserCreated with the minimal profile only', async () => {
    const events = anEventPublisher();

    await events.created(aProfile({ shippingAddress: anAddress(), marketingConsent: true }));

    const entry = sentEntry();
    expect(entry).toMatchObject({ Source: 'shop.users', DetailType: 'User.UserCreated', EventBusName: 'shop' });
    expect(parseDetail(UserCreated, entry.detail).data).toEqual({
      user: { id: aProfile().id, email: aProfile().email, name: 'Ada Lovelace' },
      createdAt: aProfile().createdAt,
    });
  });

  it('publishes UserUpdated with the minimal profile and its revision, not the addresses or consent', async () => {
    const events = anEventPublisher();
    const profile = aProfile({
      revision: 4,
      billingAddress: anAddress(),
      marketingConsent: true,
      updatedAt: LATER.toISOString(),
    });

    await events.updated(profile);

    expect(parseDetail(UserUpdated, sentEntry().detail).data).toEqual({
      user: { id: profile.id, email: profile.email, name: profile.name },
      revision: 4,
      updatedAt: LATER.toISOString(),
    });
  });

  it('publishes UserDeleted with the id and the time only, no personal data', async () => {
    const events = anEventPublisher();

    await events.deleted('user-1', LATER);

    expect(parseDetail(UserDeleted, sentEntry().detail).data).toEqual({
      userId: 'user-1',
      deletedAt: LATER.toISOString(),
    });
    expect(piiPaths(UserDeleted.detail)).toEqual([]);
  });
});
