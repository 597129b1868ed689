import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/logger';
import { JwtVerifier } from '../../auth/jwt-authorizer';
import type { CognitoAuthorizer } from '../model/rest-api';
import { aMethodContext } from '../test-support';
import { authorizeWithCognito } from './cognito-authorizer';

const POOL_ISSUER = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Shop';
let localIssuer: string;
let key: CryptoKey;
let server: Server;
let verifier: JwtVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  localIssuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eu-west-2_Shop`;
  verifier = new JwtVerifier({
    logger: silentLogger,
    issuerFor: (issuer) => (issuer === POOL_ISSUER ? localIssuer : undefined),
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const authorizer: CognitoAuthorizer = {
  id: 'auth',
  name: 'Customers',
  issuers: [POOL_ISSUER],
  headerName: 'Authorization',
};

function token(claims: JWTPayload, issuer = localIssuer): Promise<string> {
  return new SignJWT({ sub: 'user-1', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(issuer)
    .setIssuedAt(1_700_000_000)
    .setExpirationTime('1h')
    .sign(key);
}

const idToken = () => token({ token_use: 'id', email: 'ana@example.com', email_verified: true, aud: 'client-1' });
const accessToken = (scope: string) => token({ token_use: 'access', scope, client_id: 'client-1' });
const authorize = (authorization: string | undefined, scopes: string[] = [], using = authorizer) =>
  authorizeWithCognito(
    using,
    scopes,
    aMethodContext({ headers: authorization ? { Authorization: authorization } : {} }).request,
    verifier,
  );

describe('authorizeWithCognito', () => {
  it("passes an ID token's claims on as strings, exp and iat as REST APIs show dates", async () => {
    const authorization = await authorize(await idToken());

    expect(authorization?.claims).toMatchObject({
      sub: 'user-1',
      email: 'ana@example.com',
      email_verified: 'true',
      token_use: 'id',
      iat: 'Tue Nov 14 22:13:20 UTC 2023',
    });
    expect(authorization?.claims.exp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
  });

  it('accepts the token with a Bearer prefix too', async () => {
    expect(await authorize(`Bearer ${await idToken()}`)).toBeDefined();
  });

  it('refuses a request without a token', async () => {
    expect(await authorize(undefined)).toBeUndefined();
  });

  it('refuses an access token on a method without OAuth scopes, and an ID token on one with scopes', async () => {
    expect(await authorize(await accessToken('orders/write'))).toBeUndefined();
    expect(await authorize(await idToken(), ['orders/write'])).toBeUndefined();
  });

  it('accepts an access token holding one of the methods scopes, and refuses one holding none', async () => {
    expect(await authorize(await accessToken('orders/read orders/write'), ['orders/write'])).toBeDefined();
    expect(await authorize(await accessToken('orders/read'), ['orders/write'])).toBeUndefined();
  });

  it('refuses a token another pool issued', async () => {
    expect(await authorize(await token({ token_use: 'id' }, 'http://127.0.0.1:9/eu-west-2_Other'))).toBeUndefined();
  });

  it('refuses a token that does not match the identity validation expression', async () => {
    expect(await authorize(await idToken(), [], { ...authorizer, validationExpression: 'allow-.*' })).toBeUndefined();
  });
});
