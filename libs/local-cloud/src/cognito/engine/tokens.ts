import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { CognitoApiError } from '../errors';
import type { AppClientConfig } from '../model/client-config';
import { nowSeconds, type AuthSession } from './sessions';
import type { UserPool } from './user-pool';
import type { User } from './users';

/** Claims a trigger adds or suppresses on one token. */
export interface ClaimChanges {
  readonly add?: Readonly<Record<string, unknown>>;
  readonly suppress?: readonly string[];
  readonly scopesToAdd?: readonly string[];
  readonly scopesToSuppress?: readonly string[];
}

/** What a PreTokenGeneration trigger asked for. */
export interface TokenCustomization {
  readonly id?: ClaimChanges;
  readonly access?: ClaimChanges;
  readonly groups?: readonly string[];
}

export interface IssuedTokens {
  readonly IdToken: string;
  readonly AccessToken: string;
  readonly ExpiresIn: number;
  readonly TokenType: 'Bearer';
}

/** Claims Cognito sets itself, which a trigger cannot change. */
const RESERVED = new Set(['acr', 'amr', 'aud', 'at_hash', 'auth_time', 'azp', 'cognito:username', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'sub', 'token_use', 'event_id', 'client_id', 'username', 'version']);
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/**
 * The ID and access tokens of one sign-in, shaped and signed (RS256, the pool's key) as Cognito issues them.
 *
 * @example
 * const tokens = await issueTokens({ pool, client, user, session });
 * decodeJwt(tokens.AccessToken).client_id === client.clientId; // true
 */
export async function issueTokens(input: { pool: UserPool; client: AppClientConfig; user: User; session: AuthSession; customization?: TokenCustomization }): Promise<IssuedTokens> {
  const { pool, client, user, session, customization = {} } = input;
  const groups = customization.groups ?? pool.groupsOf(user).map((group) => group.groupName);
  const common = { sub: user.sub, ...(groups.length > 0 && { 'cognito:groups': [...groups] }), origin_jti: session.originJti, event_id: randomUUID(), auth_time: session.authTime };
  const idClaims = applyChanges({ ...common, 'cognito:username': user.username, token_use: 'id', ...attributeClaims(user) }, customization.id);
  const scopes = adjustScopes(['aws.cognito.signin.user.admin'], customization.access);
  const accessClaims = applyChanges({ ...common, version: 2, client_id: client.clientId, token_use: 'access', scope: scopes.join(' '), username: user.username }, customization.access);
  const key = await pool.signingKey.get();
  const now = nowSeconds();
  const sign = (claims: JWTPayload, validitySeconds: number, audience?: string) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).setIssuer(pool.issuer).setIssuedAt(now).setJti(randomUUID()).setExpirationTime(now + validitySeconds);
    return (audience ? jwt.setAudience(audience) : jwt).sign(key.privateKey);
  };
  return {
    IdToken: await sign(idClaims, client.idTokenValiditySeconds, client.clientId),
    AccessToken: await sign(accessClaims, client.accessTokenValiditySeconds),
    ExpiresIn: client.accessTokenValiditySeconds,
    TokenType: 'Bearer',
  };
}

/**
 * The claims of a valid, unrevoked access token of this pool, or NotAuthorizedException worded as Cognito's.
 *
 * @example
 * const { username } = await verifyAccessToken(pool, accessToken);
 */
export async function verifyAccessToken(pool: UserPool, token: string): Promise<JWTPayload & { username: string; origin_jti: string }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (await pool.signingKey.get()).publicKey, { issuer: pool.issuer, algorithms: ['RS256'] }));
  } catch (err) {
    const expired = err instanceof joseErrors.JWTExpired;
    throw new CognitoApiError('NotAuthorizedException', expired ? 'Access Token has expired' : 'Invalid Access Token', { cause: err });
  }
  if (payload.token_use !== 'access' || typeof payload.username !== 'string' || typeof payload.origin_jti !== 'string') {
    throw new CognitoApiError('NotAuthorizedException', 'Invalid Access Token');
  }
  if (pool.sessions.isRevoked(payload.origin_jti)) throw new CognitoApiError('NotAuthorizedException', 'Access Token has been revoked');
  return payload as JWTPayload & { username: string; origin_jti: string };
}

/** The pool id a token's issuer names (`<base>/<poolId>`), without checking the token. */
export function poolIdOfToken(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss.split('/').pop() : undefined;
  } catch {
    return undefined;
  }
}

function attributeClaims(user: User): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of user.attributes) {
    if (name !== 'sub') claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  return claims;
}

function applyChanges(claims: Record<string, unknown>, changes: ClaimChanges | undefined): JWTPayload {
  const out: Record<string, unknown> = { ...claims };
  for (const [name, value] of Object.entries(changes?.add ?? {})) if (!RESERVED.has(name)) out[name] = value;
  for (const name of changes?.suppress ?? []) if (!RESERVED.has(name)) delete out[name];
  return out;
}

function adjustScopes(scopes: string[], changes: ClaimChanges | undefined): string[] {
  const added = [...scopes, ...(changes?.scopesToAdd ?? [])];
  return [...new Set(added)].filter((scope) => !(changes?.scopesToSuppress ?? []).includes(scope));
}
