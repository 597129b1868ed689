import {
  AdminDeleteUserCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../ports';

/** The Cognito user pool. Users sign in by email, so each one's username is their `sub`: the user id. */
export class CognitoUserDirectory implements UserDirectory {
  constructor(private readonly options: { client: CognitoIdentityProviderClient; userPoolId: string }) {}

  async deleteUser(userId: string): Promise<void> {
    try {
      await this.options.client.send(
        new AdminDeleteUserCommand({ UserPoolId: this.options.userPoolId, Username: userId }),
      );
    } catch (error) {
      // Deleted by an earlier attempt of the same request: the outcome the caller asked for.
      if (error instanceof UserNotFoundException) return;
      throw error;
    }
  }
}
