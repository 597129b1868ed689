import { ProfileConflictError } from '../domain/errors';
import { changeProfile, type Profile, type ProfileChanges } from '../domain/profile';
import type { ProfileRepository } from '../ports';
import type { AnnounceProfile } from './announce-profile';
import type { Caller, EnsureProfile } from './ensure-profile';

/** Concurrent saves of one profile are rare (one person, a few devices): a few re-reads settle them. */
export const MAX_SAVE_ATTEMPTS = 3;

/**
 * Replaces the caller's editable profile, as a new revision saved only over the revision it was made from,
 * then announces it (UserUpdated).
 *
 * @throws ProfileConflictError after MAX_SAVE_ATTEMPTS lost races; ProfileNotFoundError as EnsureProfile does.
 */
export const makeUpdateProfile =
  (deps: { profiles: ProfileRepository; ensureProfile: EnsureProfile; announce: AnnounceProfile; clock: () => Date }) =>
  async (caller: Caller, changes: ProfileChanges): Promise<Profile> => {
    for (let attempt = 1; ; attempt++) {
      const current = await deps.ensureProfile(caller);
      const changed = changeProfile(current, changes, deps.clock());
      try {
        await deps.profiles.save(changed, current.revision);
        return await deps.announce(changed);
      } catch (error) {
        if (!(error instanceof ProfileConflictError) || attempt >= MAX_SAVE_ATTEMPTS) throw error;
      }
    }
  };
