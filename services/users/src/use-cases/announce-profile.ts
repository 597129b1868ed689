import { announcementOf, type Profile } from '../domain/profile';
import type { ProfileRepository, UserEvents } from '../ports';

export type AnnounceProfile = (profile: Profile) => Promise<Profile>;

/**
 * Publishes what consumers have not heard of yet (UserCreated or UserUpdated), then records the revision as
 * announced. A profile write and a PutEvents cannot be one transaction: a publish that fails leaves the
 * revision unannounced, and the next request that reads the profile (or a retried trigger) publishes it.
 * Delivery is therefore at least once; consumers keep the highest revision they have seen.
 */
export const makeAnnounceProfile =
  ({ profiles, events }: { profiles: ProfileRepository; events: UserEvents }): AnnounceProfile =>
  async (profile) => {
    const announcement = announcementOf(profile);
    if (announcement.kind === 'none') return profile;
    if (announcement.kind === 'created') await events.created(profile);
    else await events.updated(profile);
    await profiles.markAnnounced(profile.id, profile.revision);
    return { ...profile, announcedRevision: profile.revision };
  };
