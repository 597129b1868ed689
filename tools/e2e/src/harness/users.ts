import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ShopTarget } from './target';

/** The Cognito group the products admin routes require (infra's `ADMIN_GROUP`). */
export const ADMIN_GROUP = 'admin';

/** A signed-in user of the target's pool. */
export interface TestUser {
  readonly email: string;
  /** The ID token: the API's JWT authorizer accepts it (audience = the storefront client) and it carries `cognito:groups`. */
  readonly idToken: string;
  /** Deletes the user from the pool (a deployed stage keeps no test users); a user already gone is fine. */
  delete(): Promise<void>;
}

/** Signing in did not return tokens (a challenge, such as MFA, was asked for instead). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  readonly code = 'E2E.SIGN_IN_FAILED';
}

/**
 * Signs up a new user through the storefront's client as a customer would, confirms them as an operator
 * would (AdminConfirmSignUp, no emailed code), adds them to the admin group if asked, then signs in with
 * USER_PASSWORD_AUTH. Each call makes a new user with a random address at example.com.
 *
 * @example
 * const admin = await signUpUser(cognito, target, { admin: true });
 * await callApi(target, '/admin/products', { method: 'POST', token: admin.idToken, body });
 */
export async function signUpUser(
  cognito: CognitoIdentityProviderClient,
  target: ShopTarget,
  options: { admin?: boolean } = {},
): Promise<TestUser> {
  const { userPoolId: UserPoolId, storefrontClientId: ClientId } = target;
  const email = `e2e-${randomUUID()}@example.com`;
  // Meets the pool's policy: 12+ characters with lower and upper case, a digit and a symbol.
  const password = `E2e-${randomUUID()}-Pw1!`;
  await cognito.send(
    new SignUpCommand({
      ClientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: email }));
  if (options.admin)
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: ADMIN_GROUP }));
  const { AuthenticationResult, ChallengeName } = await cognito.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const idToken = AuthenticationResult?.IdToken;
  if (!idToken)
    throw new SignInError(
      `Signing in ${email} returned no ID token${ChallengeName ? ` but the challenge ${ChallengeName}` : ''}`,
    );
  return {
    email,
    idToken,
    delete: async () => {
      // A test may have deleted the account itself (DELETE /me): gone is what clean-up wants.
      await cognito.send(new AdminDeleteUserCommand({ UserPoolId, Username: email })).catch((err: unknown) => {
        if (!(err instanceof UserNotFoundException)) throw err;
      });
    },
  };
}
