import { describe, expect, it } from 'vitest';
import { ProfileConflictError, ProfileNotFoundError } from '../domain/errors';
import { ADA, LATER, NOW, aProfile, anAddress } from '../domain/test-data';
import { InMemoryDirectory, InMemoryProfiles, RecordedUserEvents } from '../test-support/in-memory-users';
import { makeAnnounceProfile } from './announce-profile';
import { makeDeleteAccount } from './delete-account';
import { makeEnsureProfile } from './ensure-profile';
import { MAX_SAVE_ATTEMPTS, makeUpdateProfile } from './update-profile';

function aUsersService(now = NOW) {
  const profiles = new InMemoryProfiles();
  const events = new RecordedUserEvents();
  const directory = new InMemoryDirectory(new Set([ADA.id]));
  const clock = () => now;
  const ensureProfile = makeEnsureProfile({ profiles, clock });
  const announce = makeAnnounceProfile({ profiles, events });
  const updateProfile = makeUpdateProfile({ profiles, ensureProfile, announce, clock });
  const deleteAccount = makeDeleteAccount({ profiles, directory, events, clock });
  return { profiles, events, directory, ensureProfile, announce, updateProfile, deleteAccount };
}

/** Misses the profile on its first read, as if another call created it between that read and our write. */
class ProfilesCreatedByARacingCall extends InMemoryProfiles {
  private reads = 0;

  override async get(userId: string) {
    return ++this.reads === 1 ? undefined : super.get(userId);
  }
}

const CHANGES = { name: 'Ada King', shippingAddress: anAddress(), marketingConsent: true };

describe('ensureProfile and announce', () => {
  it('creates the profile of a new user and announces it once', async () => {
    const users = aUsersService();

    const first = await users.announce(await users.ensureProfile(ADA));
    const second = await users.announce(await users.ensureProfile(ADA));

    expect(second).toEqual(first);
    expect(users.events.published).toEqual([{ type: 'created', profile: expect.objectContaining({ id: ADA.id }) }]);
    expect(users.profiles.items.get(ADA.id)?.announcedRevision).toBe(1);
  });

  it('returns the stored profile when another call created it first', async () => {
    const profiles = new ProfilesCreatedByARacingCall();
    const stored = aProfile({ name: 'Stored Name' });
    await profiles.create(stored);

    const profile = await makeEnsureProfile({ profiles, clock: () => LATER })(ADA);

    expect(profile).toEqual(stored);
  });

  it('refuses to make a profile without an email', async () => {
    const users = aUsersService();

    await expect(users.ensureProfile({ id: ADA.id })).rejects.toThrow(ProfileNotFoundError);
  });

  it('announces on a later call what a failed publish left unannounced', async () => {
    const users = aUsersService();
    users.events.failNext();
    await expect(users.announce(await users.ensureProfile(ADA))).rejects.toThrow('EventBridge is unavailable');

    await users.announce(await users.ensureProfile(ADA));

    expect(users.events.published.map((event) => event.type)).toEqual(['created']);
  });
});

describe('updateProfile', () => {
  it('saves the next revision and announces it', async () => {
    const users = aUsersService();
    await users.profiles.create(aProfile());

    const updated = await users.updateProfile(ADA, CHANGES);

    expect(updated).toMatchObject({ ...CHANGES, revision: 2, announcedRevision: 2 });
    expect(users.profiles.items.get(ADA.id)).toEqual(updated);
    expect(users.events.published).toEqual([{ type: 'updated', profile: expect.objectContaining(CHANGES) }]);
  });

  it('creates a missing profile and announces it whole, with the change', async () => {
    const users = aUsersService();

    await users.updateProfile(ADA, CHANGES);

    expect(users.events.published).toEqual([
      { type: 'updated', profile: expect.objectContaining({ ...CHANGES, email: ADA.email, revision: 2 }) },
    ]);
  });

  it('gives up with a conflict when every save loses a race', async () => {
    const users = aUsersService();
    await users.profiles.create(aProfile());
    let saves = 0;
    users.profiles.save = async (profile) => {
      saves++;
      throw new ProfileConflictError(profile.id);
    };

    await expect(users.updateProfile(ADA, CHANGES)).rejects.toThrow(ProfileConflictError);
    expect(saves).toBe(MAX_SAVE_ATTEMPTS);
  });
});

describe('deleteAccount', () => {
  it('deletes the sign-in and the profile and announces the deletion', async () => {
    const users = aUsersService(LATER);
    await users.profiles.create(aProfile());

    await users.deleteAccount(ADA.id);

    expect(users.directory.userIds.has(ADA.id)).toBe(false);
    expect(users.profiles.items.has(ADA.id)).toBe(false);
    expect(users.events.published).toEqual([{ type: 'deleted', userId: ADA.id, deletedAt: LATER.toISOString() }]);
  });

  it('keeps the profile when the event could not be published, so a retry finishes the job', async () => {
    const users = aUsersService();
    await users.profiles.create(aProfile());
    users.events.failNext();
    await expect(users.deleteAccount(ADA.id)).rejects.toThrow('EventBridge is unavailable');
    expect(users.profiles.items.has(ADA.id)).toBe(true);

    await users.deleteAccount(ADA.id);

    expect(users.profiles.items.has(ADA.id)).toBe(false);
    expect(users.events.published.map((event) => event.type)).toEqual(['deleted']);
  });

  it('answers not found for a user without a profile', async () => {
    const users = aUsersService();

    await expect(users.deleteAccount(ADA.id)).rejects.toThrow(ProfileNotFoundError);
  });
});
