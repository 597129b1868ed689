import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { makeHttpHandler, noContent, tracer } from '@shop/lambda-kit';
import { CognitoUserDirectory } from '../../adapters/cognito-user-directory';
import { userPoolId } from '../../config';
import { USERS_ERROR_STATUS } from '../../domain/errors';
import { makeDeleteAccount } from '../../use-cases/delete-account';
import { clock, profiles, userEvents } from '../dependencies';
import { callerOf } from './caller';

const directory = new CognitoUserDirectory({
  client: tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})),
  userPoolId: userPoolId(),
});
const deleteAccount = makeDeleteAccount({ profiles, directory, events: userEvents, clock });

/** `DELETE /me`: deletes the sign-in and the profile, and publishes User.UserDeleted. */
export const handler = makeHttpHandler({ errors: USERS_ERROR_STATUS }, async ({ event }) => {
  await deleteAccount(callerOf(event).id);
  return noContent();
});
