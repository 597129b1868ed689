import { CognitoApiError, invalidParameter } from '../errors';
import { attributeList, validatedAttributes, type AttributeType } from './attributes';
import type { CognitoEngine } from './cognito-engine';
import { assertPasswordConforms, temporaryPasswordFor } from './password-policy';
import { NO_CLIENT } from './triggers';
import type { UserPool } from './user-pool';
import { hashPassword, type User } from './users';

/** A user as ListUsers and AdminCreateUser return it (UserType). */
export function userType(user: User, only?: readonly string[]) {
  return {
    Username: user.username,
    Attributes: attributeList(user.attributes, only),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.updatedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (given, or generated and
 * "sent" through the outbox unless MessageAction is SUPPRESS); PreSignUp runs as PreSignUp_AdminCreateUser.
 *
 * @example
 * await adminCreateUser(engine, { UserPoolId, Username: 'ana', TemporaryPassword: 'Temp-Pass-1', MessageAction: 'SUPPRESS' });
 */
export async function adminCreateUser(
  engine: CognitoEngine,
  req: { UserPoolId: string; Username: string; UserAttributes?: AttributeType[]; TemporaryPassword?: string; MessageAction?: string; DesiredDeliveryMediums?: string[]; ClientMetadata?: Record<string, string> },
) {
  const pool = engine.pool(req.UserPoolId);
  if (req.MessageAction === 'RESEND') return resendInvitation(engine, pool, req);
  pool.users.assertAvailable(req.Username);
  const implied = pool.users.usernameAttributeOf(req.Username);
  const attributes = validatedAttributes(pool.config, req.UserAttributes ?? [], { requireAll: true, implied });
  if (req.TemporaryPassword) assertPasswordConforms(req.TemporaryPassword, pool.config.passwordPolicy, 'temporaryPassword');
  const temporaryPassword = req.TemporaryPassword ?? temporaryPasswordFor(pool.config.passwordPolicy);
  await engine.triggers.preSignUp(pool, { source: 'PreSignUp_AdminCreateUser', userName: req.Username, attributes }, { clientId: NO_CLIENT, clientMetadata: req.ClientMetadata });
  const user = pool.users.create({ requested: req.Username, attributes, status: 'FORCE_CHANGE_PASSWORD' });
  user.passwordHash = hashPassword(temporaryPassword);
  if (req.MessageAction !== 'SUPPRESS') sendInvitation(engine, pool, user, temporaryPassword, req.DesiredDeliveryMediums);
  return { User: userType(user) };
}

function resendInvitation(engine: CognitoEngine, pool: UserPool, req: { Username: string; DesiredDeliveryMediums?: string[] }) {
  const user = pool.users.get(req.Username);
  if (user.status !== 'FORCE_CHANGE_PASSWORD') throw new CognitoApiError('UnsupportedUserStateException', 'User is not in FORCE_CHANGE_PASSWORD state');
  const temporaryPassword = temporaryPasswordFor(pool.config.passwordPolicy);
  user.passwordHash = hashPassword(temporaryPassword);
  sendInvitation(engine, pool, user, temporaryPassword, req.DesiredDeliveryMediums);
  return { User: userType(user) };
}

/** Cognito texts invitations unless told EMAIL; a user without that attribute gets the other, or nothing. */
function sendInvitation(engine: CognitoEngine, pool: UserPool, user: User, temporaryPassword: string, mediums: readonly string[] = ['SMS']): void {
  const email = user.attributes.get('email');
  const phone = user.attributes.get('phone_number');
  const byEmail = email && (mediums.includes('EMAIL') || !phone);
  const destination = byEmail ? email : phone;
  if (!destination) return;
  engine.outbox.deliver({ userPoolId: pool.id, username: user.username, kind: 'TEMPORARY_PASSWORD', deliveryMedium: byEmail ? 'EMAIL' : 'SMS', destination, temporaryPassword });
}

export function adminSetUserPassword(engine: CognitoEngine, req: { UserPoolId: string; Username: string; Password: string; Permanent?: boolean }) {
  const pool = engine.pool(req.UserPoolId);
  const user = pool.users.get(req.Username);
  assertPasswordConforms(req.Password, pool.config.passwordPolicy);
  user.passwordHash = hashPassword(req.Password);
  user.status = req.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.updatedAt = new Date();
  return {};
}

export function adminGetUser(engine: CognitoEngine, req: { UserPoolId: string; Username: string }) {
  const user = engine.pool(req.UserPoolId).users.get(req.Username);
  const { Attributes, ...rest } = userType(user);
  return { ...rest, UserAttributes: Attributes };
}

export function adminDeleteUser(engine: CognitoEngine, req: { UserPoolId: string; Username: string }) {
  const pool = engine.pool(req.UserPoolId);
  const user = pool.users.get(req.Username);
  pool.sessions.revokeUser(user.username);
  pool.users.delete(user);
  return {};
}

export function adminSetUserEnabled(engine: CognitoEngine, req: { UserPoolId: string; Username: string }, enabled: boolean) {
  const pool = engine.pool(req.UserPoolId);
  const user = pool.users.get(req.Username);
  user.enabled = enabled;
  user.updatedAt = new Date();
  if (!enabled) pool.sessions.revokeUser(user.username);
  return {};
}

export function adminUpdateUserAttributes(engine: CognitoEngine, req: { UserPoolId: string; Username: string; UserAttributes: AttributeType[] }) {
  const pool = engine.pool(req.UserPoolId);
  const user = pool.users.get(req.Username);
  for (const [name, value] of validatedAttributes(pool.config, req.UserAttributes, { requireAll: false })) user.attributes.set(name, value);
  user.updatedAt = new Date();
  return {};
}

const FILTERABLE = new Set(['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub']);
const PAGE_LIMIT = 60;

/** ListUsers with Cognito's filter grammar (`email = "a@b.c"`, `email ^= "a"`), AttributesToGet and pages of 60. */
export function listUsers(engine: CognitoEngine, req: { UserPoolId: string; AttributesToGet?: string[]; Limit?: number; PaginationToken?: string; Filter?: string }) {
  const matches = userFilter(req.Filter);
  const users = engine.pool(req.UserPoolId).users.list().filter(matches);
  const limit = req.Limit ?? PAGE_LIMIT;
  if (limit < 0 || limit > PAGE_LIMIT) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`);
  const start = req.PaginationToken ? Number(Buffer.from(req.PaginationToken, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid pagination token');
  const end = start + (limit || PAGE_LIMIT);
  return {
    Users: users.slice(start, end).map((user) => userType(user, req.AttributesToGet)),
    ...(end < users.length && { PaginationToken: Buffer.from(String(end)).toString('base64url') }),
  };
}

function userFilter(filter: string | undefined): (user: User) => boolean {
  if (!filter?.trim()) return () => true;
  const parsed = /^\s*"?([\w:]+)"?\s*(=|\^=)\s*"(.*)"\s*$/.exec(filter);
  if (!parsed || !FILTERABLE.has(parsed[1] ?? '')) throw invalidParameter('Error while parsing filter.');
  const [, name = '', operator, wanted = ''] = parsed;
  return (user) => {
    const value = filterValue(user, name);
    return value !== undefined && (operator === '=' ? value === wanted : value.startsWith(wanted));
  };
}

function filterValue(user: User, name: string): string | undefined {
  if (name === 'username') return user.username;
  if (name === 'cognito:user_status') return user.status;
  if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled';
  return user.attributes.get(name);
}
