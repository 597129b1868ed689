import { AdminAddUserToGroupCommand, AdminConfirmSignUpCommand, AdminInitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, POOL_ID, startLocalCognito, type LocalCognito } from '../test-support';

let cognito: LocalCognito;
let issuer: string;
let tokens: { IdToken: string; AccessToken: string };
let userSub: string;

beforeAll(async () => {
  cognito = await startLocalCognito();
  issuer = `${cognito.endpoint}/${POOL_ID}`;
  const signedUp = await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', Password: 'Correct-horse-9' }));
  userSub = signedUp.UserSub ?? '';
  await cognito.client.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'ana@example.com' }));
  for (const GroupName of ['buyers', 'admins']) await cognito.client.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, Username: 'ana@example.com', GroupName }));
  const { AuthenticationResult } = await cognito.client.send(
    new AdminInitiateAuthCommand({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PASSWORD: 'Correct-horse-9' } }),
  );
  tokens = { IdToken: AuthenticationResult?.IdToken ?? '', AccessToken: AuthenticationResult?.AccessToken ?? '' };
});
afterAll(() => cognito.close());

describe('tokens as Cognito issues them', () => {
  it('verifies both tokens against the JWKS served at the issuer, as a JWT authorizer does', async () => {
    const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

    const id = await jwtVerify(tokens.IdToken, keys, { issuer, audience: CLIENT_ID, algorithms: ['RS256'] });
    const access = await jwtVerify(tokens.AccessToken, keys, { issuer, algorithms: ['RS256'] });

    expect(id.protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(access.payload.client_id).toBe(CLIENT_ID);
  });

  it('shapes the ID token: audience, username, email and groups by precedence', () => {
    const { payload } = decoded(tokens.IdToken);

    expect(payload).toMatchObject({
      iss: issuer,
      aud: CLIENT_ID,
      sub: userSub,
      token_use: 'id',
      'cognito:username': userSub,
      'cognito:groups': ['admins', 'buyers'],
      email: 'ana@example.com',
      email_verified: false,
      origin_jti: expect.any(String),
      event_id: expect.any(String),
      jti: expect.any(String),
    });
    expect(payload.exp - payload.iat).toBe(3600);
    expect(payload.auth_time).toEqual(expect.any(Number));
  });

  it('shapes the access token: client_id, scope and username, no audience', () => {
    const { payload } = decoded(tokens.AccessToken);

    expect(payload).toMatchObject({
      iss: issuer,
      sub: userSub,
      token_use: 'access',
      client_id: CLIENT_ID,
      scope: 'aws.cognito.signin.user.admin',
      username: userSub,
      version: 2,
      'cognito:groups': ['admins', 'buyers'],
    });
    expect(payload.aud).toBeUndefined();
    expect(payload.exp - payload.iat).toBe(3600);
    expect(payload.origin_jti).toBe(decoded(tokens.IdToken).payload.origin_jti);
  });

  it('serves the OpenID configuration that points at the JWKS', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] });
  });

  it('publishes the key the tokens name', async () => {
    const { keys } = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string; kty: string; use: string; alg: string }> };

    expect(keys).toEqual([expect.objectContaining({ kid: decodeProtectedHeader(tokens.AccessToken).kid, kty: 'RSA', use: 'sig', alg: 'RS256' })]);
  });

  it('answers 404 for the documents of a pool that does not exist', async () => {
    const response = await fetch(`${cognito.endpoint}/us-east-1_Missing/.well-known/jwks.json`);

    expect(response.status).toBe(404);
  });
});

function decoded(token: string): { payload: Record<string, unknown> & { exp: number; iat: number } } {
  return { payload: JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown> & { exp: number; iat: number } };
}
