import { EventPublisher, UserCreated, UserDeleted, UserUpdated, eventOf } from '@shop/events';
import type { Profile } from '../domain/profile';
import type { UserEvents } from '../ports';

/** The minimal profile both UserCreated and UserUpdated carry: no addresses, no consent. */
const minimal = (profile: Profile) => ({
  id: profile.id,
  email: profile.email,
  ...(profile.name !== undefined && { name: profile.name }),
});

/** Publishes the users service's events on the shop bus (the publisher validates each against its contract). */
export class EventBridgeUserEvents implements UserEvents {
  constructor(private readonly publisher: EventPublisher<'users'>) {}

  async created(profile: Profile): Promise<void> {
    await this.publisher.publish(eventOf(UserCreated, { user: minimal(profile), createdAt: profile.createdAt }));
  }

  async updated(profile: Profile): Promise<void> {
    // Addresses and consent stay here (GET /me): the one consumer, orders, needs the name and email only.
    await this.publisher.publish(
      eventOf(UserUpdated, { user: minimal(profile), revision: profile.revision, updatedAt: profile.updatedAt }),
    );
  }

  async deleted(userId: string, deletedAt: Date): Promise<void> {
    await this.publisher.publish(eventOf(UserDeleted, { userId, deletedAt: deletedAt.toISOString() }));
  }
}
