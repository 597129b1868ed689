import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestActivity } from '../activity';
import { anHttpApi, apiResource, FakeLambda, lambdaRoute, startApiHarness, type ApiHarness } from '../test-support';

const AUDIENCE = 'storefront-client';
let issuer: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let jwksServer: Server;
let jwksFetches = 0;
let harness: ApiHarness;
let lambda: FakeLambda;
const activity: RequestActivity[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((req, res) => {
    jwksFetches += req.url === '/.well-known/jwks.json' ? 1 : 0;
    res.writeHead(req.url === '/.well-known/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

beforeAll(async () => {
  lambda = new FakeLambda({ orders: (event) => ({ statusCode: 200, body: JSON.stringify((event.requestContext as { authorizer?: unknown }).authorizer ?? null) }) });
  // The issuer, the JWKS server's URL, is known once the server listens (the beforeAll above).
  const authorizer = apiResource('Authorizer', 'ShopAuthorizer', {
    AuthorizerType: 'JWT',
    Name: 'ShopAuthorizer',
    IdentitySource: ['$request.header.Authorization'],
    JwtConfiguration: { Issuer: issuer, Audience: [AUDIENCE] },
  });
  const jwt = { AuthorizationType: 'JWT', AuthorizerId: 'ShopAuthorizer' };
  harness = await startApiHarness(
    [...anHttpApi(), authorizer, ...lambdaRoute('POST /checkout', 'orders', { ...jwt, AuthorizationScopes: ['orders/write'] }), ...lambdaRoute('GET /me', 'orders', jwt)],
    { lambda, onStart: (engine) => engine.subscribe((request) => activity.push(request)) },
  );
});
afterAll(() => harness.close());
afterEach(() => {
  lambda.invocations.length = 0;
  activity.length = 0;
});

function token(claims: JWTPayload = {}, options: { key?: CryptoKey; expiresAt?: number; issuer?: string; audience?: string | null } = {}): Promise<string> {
  const jwt = new SignJWT({ sub: 'user-1', scope: 'orders/read orders/write', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setIssuer(options.issuer ?? issuer)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '1h');
  if (options.audience !== null) jwt.setAudience(options.audience ?? AUDIENCE);
  return jwt.sign(options.key ?? signingKey);
}

const checkout = (authorization?: string) => fetch(`${harness.url()}/checkout`, { method: 'POST', headers: authorization ? { authorization } : {} });

describe('JWT authorizer', () => {
  it('lets a valid token through and passes its claims, as strings, and its scopes to the function', async () => {
    const response = await checkout(`Bearer ${await token({ 'cognito:groups': ['admin', 'buyers'], email_verified: true })}`);

    expect(response.status).toBe(200);
    const { jwt } = (await response.json()) as { jwt: { claims: Record<string, string>; scopes: string[] } };
    expect(jwt.claims).toMatchObject({ sub: 'user-1', iss: issuer, aud: AUDIENCE, 'cognito:groups': '[admin buyers]', email_verified: 'true' });
    expect(jwt.claims.exp).toMatch(/^\d+$/);
    expect(jwt.scopes).toEqual(['orders/read', 'orders/write']);
  });

  it("tells the activity stream whether the route's authorizer let each request through", async () => {
    await checkout(`Bearer ${await token()}`);
    await checkout();

    expect(activity.map((request) => [request.routeKey, request.status, request.authorized])).toEqual([
      ['POST /checkout', 200, true],
      ['POST /checkout', 401, false],
    ]);
  });

  it('accepts the token without the Bearer prefix', async () => {
    const response = await checkout(await token());

    expect(response.status).toBe(200);
  });

  it('passes null scopes on a route that asks for none', async () => {
    const response = await fetch(`${harness.url()}/me`, { headers: { authorization: `Bearer ${await token()}` } });

    expect(((await response.json()) as { jwt: { scopes: unknown } }).jwt.scopes).toBeNull();
  });

  it('answers 401 {"message":"Unauthorized"} without invoking the function when there is no token', async () => {
    const response = await checkout();

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(lambda.invocations).toHaveLength(0);
  });

  it.each([
    ['an expired token', () => token({}, { expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ['a token from another issuer', () => token({}, { issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other' })],
    ['a token for another audience', () => token({}, { audience: 'another-client' })],
    ['a token signed with a key the issuer does not publish', () => token({}, { key: strangerKey })],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
    ['a token not valid yet', () => token({ nbf: Math.floor(Date.now() / 1000) + 600 })],
  ])('answers 401 for %s', async (_case, makeToken) => {
    const response = await checkout(`Bearer ${await makeToken()}`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(lambda.invocations).toHaveLength(0);
  });

  it('checks client_id against the audiences when the token has no aud (Cognito access tokens)', async () => {
    const accepted = await checkout(`Bearer ${await token({ client_id: AUDIENCE }, { audience: null })}`);
    const refused = await checkout(`Bearer ${await token({ client_id: 'another-client' }, { audience: null })}`);

    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(401);
  });

  it('answers 403 {"message":"Forbidden"} when the token has none of the route scopes', async () => {
    const response = await checkout(`Bearer ${await token({ scope: 'orders/read' })}`);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(lambda.invocations).toHaveLength(0);
  });

  it('reuses the issuer keys it fetched instead of fetching them per request', async () => {
    await checkout(`Bearer ${await token()}`);
    const fetched = jwksFetches;

    await checkout(`Bearer ${await token()}`);
    await checkout(`Bearer ${await token()}`);

    expect(fetched).toBeGreaterThan(0);
    expect(jwksFetches).toBe(fetched);
  });

  it('verifies a configured Cognito issuer against the local issuer that stands for it', async () => {
    const cognitoIssuer = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_pool';
    const cognito = await harnessForIssuer(cognitoIssuer, (configured) => (configured === cognitoIssuer ? issuer : undefined));

    const local = await fetch(`${cognito.url()}/me`, { headers: { authorization: `Bearer ${await token()}` } });
    const aws = await fetch(`${cognito.url()}/me`, { headers: { authorization: `Bearer ${await token({}, { issuer: cognitoIssuer })}` } });
    await cognito.close();

    expect(local.status).toBe(200);
    expect(aws.status).toBe(401);
  });

  it('answers 401 when the issuer keys cannot be fetched', async () => {
    const unreachable = await harnessForIssuer('http://127.0.0.1:9');

    const response = await fetch(`${unreachable.url()}/me`, { headers: { authorization: `Bearer ${await token({}, { issuer: 'http://127.0.0.1:9' })}` } });
    await unreachable.close();

    expect(response.status).toBe(401);
  });
});

async function harnessForIssuer(issuerUrl: string, localIssuerFor?: (issuer: string) => string | undefined): Promise<ApiHarness> {
  const authorizer = apiResource('Authorizer', 'Other', { AuthorizerType: 'JWT', Name: 'Other', JwtConfiguration: { Issuer: issuerUrl, Audience: [AUDIENCE] } });
  const route = lambdaRoute('GET /me', 'orders', { AuthorizationType: 'JWT', AuthorizerId: 'Other' });
  return startApiHarness([...anHttpApi(), authorizer, ...route], { lambda, ...(localIssuerFor && { localIssuerFor }) });
}
