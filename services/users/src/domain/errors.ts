import { DomainError } from '@shop/lambda-kit/errors';

/** Every error code the users service throws on purpose, with its HTTP status. */
export const USERS_ERROR_STATUS = {
  'USERS.UNAUTHENTICATED': 401,
  'USERS.NOT_FOUND': 404,
  'USERS.CONFLICT': 409,
} as const;

export type UsersErrorCode = keyof typeof USERS_ERROR_STATUS;

/** The request reached a /me route without the claims of a verified token (no `sub`). */
export class UnauthenticatedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('USERS.UNAUTHENTICATED', 'Sign in to reach your profile', options);
  }
}

/** No profile for this user, and none could be made (the token carries no email to make it from). */
export class ProfileNotFoundError extends DomainError {
  constructor(userId: string, options?: ErrorOptions) {
    // The id only: messages are logged, and the profile's fields are personal data.
    super('USERS.NOT_FOUND', `No profile for user ${userId}`, options);
  }
}

/** The profile changed between our read and our write, more often than we retry. */
export class ProfileConflictError extends DomainError {
  constructor(userId: string, options?: ErrorOptions) {
    super('USERS.CONFLICT', `The profile of user ${userId} was changed concurrently; try again`, options);
  }
}
