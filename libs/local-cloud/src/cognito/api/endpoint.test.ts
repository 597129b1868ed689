import { createHmac } from 'node:crypto';
import {
  ConfirmSignUpCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClient, aUserPool, CLIENT_ID, latestCode, startLocalCognito, type LocalCognito } from '../test-support';

const PASSWORD = 'Correct-horse-9';
let cognito: LocalCognito;

beforeAll(async () => {
  cognito = await startLocalCognito();
});
afterAll(() => cognito.close());

async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const failure = err as CognitoIdentityProviderServiceException;
    return { name: failure.name, message: failure.message, status: failure.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

async function signUp(email: string, password = PASSWORD) {
  return cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: email, Password: password, UserAttributes: [{ Name: 'custom:tier', Value: 'gold' }] }));
}

async function signUpConfirmed(email: string) {
  await signUp(email);
  await cognito.client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: email, ConfirmationCode: latestCode(cognito.engine, email) }));
}

const signIn = (email: string, password = PASSWORD) =>
  cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

describe('sign-up, confirmation, sign-in and refresh with the real SDK', () => {
  it('signs a user up, confirms the emailed code, signs in and refreshes the tokens', async () => {
    const signedUp = await signUp('ana@example.com');
    const code = latestCode(cognito.engine, 'ana@example.com');
    await cognito.client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', ConfirmationCode: code }));

    const signedIn = await signIn('ana@example.com');
    const refreshed = await cognito.client.send(
      new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult?.RefreshToken ?? '' } }),
    );

    expect(signedUp).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' } });
    expect(code).toMatch(/^\d{6}$/);
    expect(signedIn.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(decodeJwt(signedIn.AuthenticationResult?.IdToken ?? '')).toMatchObject({ sub: signedUp.UserSub, email: 'ana@example.com', email_verified: true, 'custom:tier': 'gold' });
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    expect(decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? '')).toMatchObject({ sub: signedUp.UserSub, token_use: 'access', client_id: CLIENT_ID });
  });

  it('answers a wrong password as Cognito does', async () => {
    await signUpConfirmed('bo@example.com');

    const failure = await failureOf(signIn('bo@example.com', 'Wrong-password-1'));

    expect(failure).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });
  });

  it('refuses to sign in an unconfirmed user once the password is right', async () => {
    await signUp('cy@example.com');

    const failure = await failureOf(signIn('cy@example.com'));

    expect(failure).toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('reports an unknown user, or hides it when the client prevents user existence errors', async () => {
    const hidden = await startLocalCognito({ resources: [aUserPool(), aClient({ PreventUserExistenceErrors: 'ENABLED' })] });

    const reported = await failureOf(signIn('nobody@example.com'));
    const masked = await failureOf(hidden.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nobody@example.com', PASSWORD } })));
    await hidden.close();

    expect(reported).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(masked).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('rejects a second sign-up with the same email', async () => {
    await signUp('dee@example.com');

    const failure = await failureOf(signUp('dee@example.com'));

    expect(failure).toMatchObject({ name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
  });

  it('enforces the pool password policy', async () => {
    const failure = await failureOf(signUp('eve@example.com', 'short-1'));

    expect(failure).toMatchObject({ name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
  });

  it('rejects a wrong confirmation code and keeps the user unconfirmed', async () => {
    await signUp('fay@example.com');
    const wrong = latestCode(cognito.engine, 'fay@example.com') === '000000' ? '111111' : '000000';

    const failure = await failureOf(cognito.client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'fay@example.com', ConfirmationCode: wrong })));

    expect(failure).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect((await failureOf(signIn('fay@example.com'))).name).toBe('UserNotConfirmedException');
  });

  it('rejects attributes the pool schema does not declare', async () => {
    const failure = await failureOf(
      cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'gil@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'custom:unknown', Value: 'x' }] })),
    );

    expect(failure).toMatchObject({ name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: Type for attribute {custom:unknown} could not be determined' });
  });

  it('refuses self sign-up in a pool that only lets administrators create users', async () => {
    const closed = await startLocalCognito({ resources: [aUserPool({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } }), aClient()] });

    const failure = await failureOf(closed.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'hal@example.com', Password: PASSWORD })));
    await closed.close();

    expect(failure).toMatchObject({ name: 'NotAuthorizedException', message: 'SignUp is not permitted for this user pool' });
  });

  it('names an unknown app client', async () => {
    const failure = await failureOf(cognito.client.send(new SignUpCommand({ ClientId: 'nosuchclient', Username: 'ivy@example.com', Password: PASSWORD })));

    expect(failure).toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });

  it('refuses USER_PASSWORD_AUTH on a client that does not allow it', async () => {
    const srpOnly = await startLocalCognito({ resources: [aUserPool(), aClient({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })] });

    const failure = await failureOf(srpOnly.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'x@example.com', PASSWORD } })));
    await srpOnly.close();

    expect(failure).toMatchObject({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
  });
});

describe('an app client with a secret', () => {
  it('requires a SECRET_HASH computed from its secret', async () => {
    const confidential = await startLocalCognito({ resources: [aUserPool(), aClient({ GenerateSecret: true })] });
    const secret = confidential.engine.poolOfClient(CLIENT_ID).client.clientSecret ?? '';
    const hash = createHmac('sha256', secret).update(`lee@example.com${CLIENT_ID}`).digest('base64');

    const missing = await failureOf(confidential.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'lee@example.com', Password: PASSWORD })));
    const signedUp = await confidential.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'lee@example.com', Password: PASSWORD, SecretHash: hash }));
    await confidential.close();

    expect(missing).toMatchObject({ name: 'NotAuthorizedException', message: `Client ${CLIENT_ID} is configured for secret but secret was not received` });
    expect(signedUp.UserSub).toEqual(expect.any(String));
  });
});

describe('the signed-in user', () => {
  it('reads its attributes with its access token', async () => {
    await signUpConfirmed('jo@example.com');
    const { AuthenticationResult } = await signIn('jo@example.com');

    const user = await cognito.client.send(new GetUserCommand({ AccessToken: AuthenticationResult?.AccessToken }));

    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'jo@example.com' }, { Name: 'email_verified', Value: 'true' }]));
    expect(user.Username).toBe(decodeJwt(AuthenticationResult?.AccessToken ?? '').username);
  });

  it('signs out everywhere: the access and refresh tokens stop working', async () => {
    await signUpConfirmed('kim@example.com');
    const { AuthenticationResult } = await signIn('kim@example.com');

    await cognito.client.send(new GlobalSignOutCommand({ AccessToken: AuthenticationResult?.AccessToken }));

    const getUser = await failureOf(cognito.client.send(new GetUserCommand({ AccessToken: AuthenticationResult?.AccessToken })));
    const refresh = await failureOf(
      cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: AuthenticationResult?.RefreshToken ?? '' } })),
    );
    expect(getUser).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect(refresh).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('rejects a token it did not issue', async () => {
    const failure = await failureOf(cognito.client.send(new GetUserCommand({ AccessToken: 'not-a-token' })));

    expect(failure).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});
