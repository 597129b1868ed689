import { ProfileNotFoundError } from '../domain/errors';
import type { ProfileRepository, UserDirectory, UserEvents } from '../ports';

/**
 * Deletes the caller's account: the sign-in, then the UserDeleted event, then the profile. The profile goes
 * last so that, if a step fails, it is still there and a retry (the token outlives the sign-in until it
 * expires) runs every step again; each step tolerates having been done before.
 *
 * @throws ProfileNotFoundError when the caller has no profile (never created, or already deleted).
 */
export const makeDeleteAccount =
  (deps: { profiles: ProfileRepository; directory: UserDirectory; events: UserEvents; clock: () => Date }) =>
  async (userId: string): Promise<void> => {
    const profile = await deps.profiles.get(userId);
    if (profile === undefined) throw new ProfileNotFoundError(userId);
    await deps.directory.deleteUser(userId);
    await deps.events.deleted(userId, deps.clock());
    await deps.profiles.delete(userId);
  };
