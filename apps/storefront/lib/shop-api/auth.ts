import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ShopApiError } from './errors';
import type { Tokens } from './types';

/** Cognito's exception names, as the codes the pages branch on. */
const AUTH_CODES: Record<string, { code: string; status: number }> = {
  NotAuthorizedException: { code: 'AUTH.NOT_AUTHORIZED', status: 401 },
  UserNotFoundException: { code: 'AUTH.NOT_AUTHORIZED', status: 401 },
  UserNotConfirmedException: { code: 'AUTH.NOT_CONFIRMED', status: 403 },
  UsernameExistsException: { code: 'AUTH.USERNAME_EXISTS', status: 409 },
  InvalidPasswordException: { code: 'AUTH.INVALID_PASSWORD', status: 400 },
  InvalidParameterException: { code: 'AUTH.INVALID_PARAMETER', status: 400 },
  CodeMismatchException: { code: 'AUTH.CODE_MISMATCH', status: 400 },
  ExpiredCodeException: { code: 'AUTH.CODE_EXPIRED', status: 400 },
  LimitExceededException: { code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429 },
  TooManyRequestsException: { code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429 },
};

function authError(error: unknown): ShopApiError {
  const name = error instanceof Error ? error.name : 'Error';
  const known = AUTH_CODES[name] ?? { code: 'AUTH.UNAVAILABLE', status: 503 };
  // Cognito's wording is meant for people ("Incorrect username or password."), except for faults.
  const message = AUTH_CODES[name] && error instanceof Error ? error.message : 'Sign-in is unavailable right now';
  return new ShopApiError(known.code, message, known.status, { cause: error });
}

async function cognitoCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw authError(error);
  }
}

/** Sign-up, confirmation, sign-in, refresh and sign-out against the user pool (USER_PASSWORD_AUTH). */
export function authApi(cognito: CognitoIdentityProviderClient, clientId: string) {
  return {
    async signIn(email: string, password: string): Promise<Tokens> {
      const answer = await cognitoCall(() =>
        cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } })),
      );
      const result = answer.AuthenticationResult;
      if (!result?.IdToken) throw new ShopApiError('AUTH.CHALLENGE_REQUIRED', 'This account must finish setting up its password first', 403);
      return { idToken: result.IdToken, ...(result.RefreshToken && { refreshToken: result.RefreshToken }) };
    },
    async signUp(email: string, password: string): Promise<{ confirmed: boolean }> {
      const answer = await cognitoCall(() =>
        cognito.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] })),
      );
      return { confirmed: answer.UserConfirmed === true };
    },
    async confirmSignUp(email: string, code: string): Promise<void> {
      await cognitoCall(() => cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code })));
    },
    async resendCode(email: string): Promise<void> {
      await cognitoCall(() => cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: email })));
    },
    /** New ID token from the refresh token; Cognito does not rotate the refresh token itself. */
    async refresh(refreshToken: string): Promise<Tokens> {
      const answer = await cognitoCall(() =>
        cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })),
      );
      const idToken = answer.AuthenticationResult?.IdToken;
      if (!idToken) throw new ShopApiError('AUTH.NOT_AUTHORIZED', 'Your session has ended; sign in again', 401);
      return { idToken, refreshToken: answer.AuthenticationResult?.RefreshToken ?? refreshToken };
    },
    /** Revokes the refresh token, so a copied cookie stops working too. */
    async signOut(refreshToken: string): Promise<void> {
      await cognitoCall(() => cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken })));
    },
  };
}
