import { ProfileConflictError } from '../domain/errors';
import type { Profile } from '../domain/profile';
import type { ProfileRepository, UserDirectory, UserEvents } from '../ports';

/** @internal Profiles in a Map, with the repository's conditions. */
export class InMemoryProfiles implements ProfileRepository {
  readonly items = new Map<string, Profile>();

  async get(userId: string) {
    return this.items.get(userId);
  }

  async create(profile: Profile) {
    if (this.items.has(profile.id)) return false;
    this.items.set(profile.id, profile);
    return true;
  }

  async save(profile: Profile, expectedRevision: number) {
    if (this.items.get(profile.id)?.revision !== expectedRevision) throw new ProfileConflictError(profile.id);
    this.items.set(profile.id, profile);
  }

  async markAnnounced(userId: string, revision: number) {
    const stored = this.items.get(userId);
    if (stored !== undefined && stored.announcedRevision < revision) {
      this.items.set(userId, { ...stored, announcedRevision: revision });
    }
  }

  async delete(userId: string) {
    this.items.delete(userId);
  }
}

export type RecordedEvent =
  | { readonly type: 'created' | 'updated'; readonly profile: Profile }
  | { readonly type: 'deleted'; readonly userId: string; readonly deletedAt: string };

/** @internal Records what would be published; `failNext` makes the next publish throw. */
export class RecordedUserEvents implements UserEvents {
  readonly published: RecordedEvent[] = [];
  private failures = 0;

  failNext(times = 1) {
    this.failures = times;
  }

  async created(profile: Profile) {
    this.record({ type: 'created', profile });
  }

  async updated(profile: Profile) {
    this.record({ type: 'updated', profile });
  }

  async deleted(userId: string, deletedAt: Date) {
    this.record({ type: 'deleted', userId, deletedAt: deletedAt.toISOString() });
  }

  private record(event: RecordedEvent) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('EventBridge is unavailable');
    }
    this.published.push(event);
  }
}

/** @internal The user pool's users, by id. */
export class InMemoryDirectory implements UserDirectory {
  constructor(readonly userIds = new Set<string>()) {}

  async deleteUser(userId: string) {
    this.userIds.delete(userId);
  }
}
