import type { Profile } from './domain/profile';

/** Where profiles are kept. Implementations turn storage errors into domain errors. */
export interface ProfileRepository {
  /** The profile, read consistently, or `undefined`. */
  get(userId: string): Promise<Profile | undefined>;
  /** Creates the profile unless one exists: `false` (and nothing written) when it does. */
  create(profile: Profile): Promise<boolean>;
  /** Saves a changed profile if it is still at `expectedRevision`; else throws ProfileConflictError. */
  save(profile: Profile, expectedRevision: number): Promise<void>;
  /** Records that `revision` was published; does nothing if a later one already was, or the profile is gone. */
  markAnnounced(userId: string, revision: number): Promise<void>;
  /** Deletes the profile; deleting a missing one is not an error. */
  delete(userId: string): Promise<void>;
}

/** The facts the users service tells the others (User.UserCreated, User.UserUpdated, User.UserDeleted). */
export interface UserEvents {
  created(profile: Profile): Promise<void>;
  updated(profile: Profile): Promise<void>;
  deleted(userId: string, deletedAt: Date): Promise<void>;
}

/** The identity provider's user directory (the Cognito user pool). */
export interface UserDirectory {
  /** Deletes the sign-in of a user; a user already gone is not an error. */
  deleteUser(userId: string): Promise<void>;
}
