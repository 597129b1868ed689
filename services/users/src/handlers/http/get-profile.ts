import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { USERS_ERROR_STATUS } from '../../domain/errors';
import { announce, ensureProfile } from '../dependencies';
import { callerOf, profileView } from './caller';

/** `GET /me`: the caller's profile, made from the token's claims the first time (users an admin created). */
export const handler = makeHttpHandler({ errors: USERS_ERROR_STATUS }, async ({ event }) => {
  const profile = await announce(await ensureProfile(callerOf(event)));
  return ok(profileView(profile));
});
