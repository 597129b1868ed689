import { CognitoApiError, incorrectCredentials } from '../errors';
import { attributeList } from './attributes';
import type { CognitoEngine } from './cognito-engine';
import { assertPasswordConforms } from './password-policy';
import { verifyAccessToken } from './tokens';
import type { UserPool } from './user-pool';
import { hashPassword, passwordMatches, type User } from './users';

/**
 * GetUser: the signed-in user's attributes, from a valid access token.
 *
 * @example
 * const { Username, UserAttributes } = await getUser(engine, { AccessToken });
 */
export async function getUser(engine: CognitoEngine, req: { AccessToken: string }) {
  const { user } = await signedInUser(engine, req.AccessToken);
  return { Username: user.username, UserAttributes: attributeList(user.attributes) };
}

/** GlobalSignOut: every refresh and access token of the user stops working. */
export async function globalSignOut(engine: CognitoEngine, req: { AccessToken: string }) {
  const { pool, user } = await signedInUser(engine, req.AccessToken);
  pool.sessions.revokeUser(user.username);
  return {};
}

export function adminUserGlobalSignOut(engine: CognitoEngine, req: { UserPoolId: string; Username: string }) {
  const pool = engine.pool(req.UserPoolId);
  pool.sessions.revokeUser(pool.users.get(req.Username).username);
  return {};
}

export async function changePassword(engine: CognitoEngine, req: { AccessToken: string; PreviousPassword?: string; ProposedPassword: string }) {
  const { pool, user } = await signedInUser(engine, req.AccessToken);
  if (!req.PreviousPassword || !passwordMatches(user, req.PreviousPassword)) throw incorrectCredentials();
  assertPasswordConforms(req.ProposedPassword, pool.config.passwordPolicy, 'proposedPassword');
  user.passwordHash = hashPassword(req.ProposedPassword);
  user.updatedAt = new Date();
  return {};
}

export async function deleteUser(engine: CognitoEngine, req: { AccessToken: string }) {
  const { pool, user } = await signedInUser(engine, req.AccessToken);
  pool.sessions.revokeUser(user.username);
  pool.users.delete(user);
  return {};
}

/** RevokeToken: ends the sign-in a refresh token belongs to, and the access tokens it issued. */
export function revokeToken(engine: CognitoEngine, req: { Token: string; ClientId: string }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  const session = pool.sessions.byRefreshToken(req.Token);
  if (session && session.clientId !== client.clientId) throw new CognitoApiError('UnauthorizedException', 'Refresh token does not belong to the client');
  if (session) session.revoked = true;
  return {};
}

async function signedInUser(engine: CognitoEngine, accessToken: string): Promise<{ pool: UserPool; user: User }> {
  const pool = engine.poolOfToken(accessToken);
  const claims = await verifyAccessToken(pool, accessToken);
  const user = pool.users.find(claims.username);
  if (!user || user.sub !== claims.sub) throw new CognitoApiError('UserNotFoundException', 'User does not exist.');
  if (!user.enabled) throw new CognitoApiError('NotAuthorizedException', 'User is disabled.');
  return { pool, user };
}
