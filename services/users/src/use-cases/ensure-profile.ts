import { ProfileNotFoundError } from '../domain/errors';
import { newProfile, type Profile } from '../domain/profile';
import type { ProfileRepository } from '../ports';

/** The signed-in caller: the `sub`, and the email and name when the token or the trigger carries them. */
export type Caller = { readonly id: string; readonly email?: string; readonly name?: string };

export type EnsureProfile = (caller: Caller) => Promise<Profile>;

/**
 * The caller's profile, created from their identity if they have none: the one code path for the
 * post-confirmation trigger and for users an administrator created (who never pass that trigger). Creating
 * is conditional, so a retried trigger, or a trigger racing a first `GET /me`, finds the stored profile.
 *
 * @throws ProfileNotFoundError when there is no profile and the caller carries no email to make one from.
 */
export const makeEnsureProfile =
  ({ profiles, clock }: { profiles: ProfileRepository; clock: () => Date }): EnsureProfile =>
  async (caller) => {
    const existing = await profiles.get(caller.id);
    if (existing !== undefined) return existing;
    if (caller.email === undefined) throw new ProfileNotFoundError(caller.id);
    const profile = newProfile({ id: caller.id, email: caller.email, name: caller.name }, clock());
    if (await profiles.create(profile)) return profile;
    const stored = await profiles.get(caller.id);
    // Created and deleted again between our two reads: there is no profile to return.
    if (stored === undefined) throw new ProfileNotFoundError(caller.id);
    return stored;
  };
