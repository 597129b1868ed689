import { CognitoIdentityProviderClient, InitiateAuthCommand, NotAuthorizedException, SignUpCommand, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { authApi } from './auth';

const cognito = mockClient(CognitoIdentityProviderClient);
const auth = () => authApi(new CognitoIdentityProviderClient({ region: 'eu-west-2' }), 'client-1');

beforeEach(() => cognito.reset());

describe('shop-api auth', () => {
  it('signs in with USER_PASSWORD_AUTH and returns the ID and refresh tokens', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: 'id', RefreshToken: 'refresh', AccessToken: 'access' } });

    const tokens = await auth().signIn('ana@example.com', 'Correct-horse-9');

    expect(tokens).toEqual({ idToken: 'id', refreshToken: 'refresh' });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client-1',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ana@example.com', PASSWORD: 'Correct-horse-9' },
    });
  });

  it('turns a wrong password into AUTH.NOT_AUTHORIZED', async () => {
    cognito.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: {} }));

    const error = await auth().signIn('ana@example.com', 'nope').catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ShopApiError', code: 'AUTH.NOT_AUTHORIZED', status: 401 });
  });

  it('keeps the refresh token when Cognito does not send a new one', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: 'id-2' } });

    const tokens = await auth().refresh('refresh-1');

    expect(tokens).toEqual({ idToken: 'id-2', refreshToken: 'refresh-1' });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthFlow).toBe('REFRESH_TOKEN_AUTH');
  });

  it('signs up with the email as username and says whether a code is needed', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-1' });

    const result = await auth().signUp('ana@example.com', 'Correct-horse-9');

    expect(result).toEqual({ confirmed: false });
    expect(cognito.commandCalls(SignUpCommand)[0]?.args[0].input).toMatchObject({ Username: 'ana@example.com', UserAttributes: [{ Name: 'email', Value: 'ana@example.com' }] });
  });

  it('reports an email already registered', async () => {
    cognito.on(SignUpCommand).rejects(new UsernameExistsException({ message: 'User already exists', $metadata: {} }));

    const error = await auth().signUp('ana@example.com', 'Correct-horse-9').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'AUTH.USERNAME_EXISTS', status: 409 });
  });
});
