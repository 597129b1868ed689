import { randomUUID } from 'node:crypto';
import { CognitoApiError, invalidParameter } from '../errors';
import { maskDestination, validatedAttributes, type AttributeType } from './attributes';
import { checkSecretHash, type CognitoEngine } from './cognito-engine';
import { assertPasswordConforms } from './password-policy';
import { NO_CLIENT } from './triggers';
import type { UserPool } from './user-pool';
import { hashPassword, type User } from './users';

type Metadata = Record<string, string>;

export interface CodeDeliveryDetails {
  readonly Destination: string;
  readonly DeliveryMedium: 'EMAIL' | 'SMS';
  readonly AttributeName: string;
}

/**
 * SignUp: the password policy, the schema, PreSignUp (which may auto-confirm and auto-verify), then a
 * confirmation code to the first auto-verified attribute the user has (logged, and kept in the outbox).
 *
 * @example
 * await signUp(engine, { ClientId, Username: 'ana@example.com', Password: 'Sup3r-secret!' });
 * // { UserConfirmed: false, UserSub: '…', CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }
 */
export async function signUp(
  engine: CognitoEngine,
  req: { ClientId: string; Username: string; Password: string; UserAttributes?: AttributeType[]; ValidationData?: AttributeType[]; ClientMetadata?: Metadata; SecretHash?: string },
) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  if (pool.config.allowAdminCreateUserOnly) throw new CognitoApiError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  pool.users.assertAvailable(req.Username);
  assertPasswordConforms(req.Password, pool.config.passwordPolicy);
  const implied = pool.users.usernameAttributeOf(req.Username);
  const attributes = validatedAttributes(pool.config, req.UserAttributes ?? [], { requireAll: true, implied });
  if (implied) attributes.set(implied, req.Username);
  const sub = randomUUID();
  const validationData = req.ValidationData && Object.fromEntries(req.ValidationData.map(({ Name, Value }) => [Name, Value]));
  const caller = { clientId: client.clientId, clientMetadata: req.ClientMetadata };
  const outcome = await engine.triggers.preSignUp(pool, { source: 'PreSignUp_SignUp', userName: implied ? sub : req.Username, attributes, validationData }, caller);
  markVerification(attributes, 'email', outcome.autoVerifyEmail);
  markVerification(attributes, 'phone_number', outcome.autoVerifyPhone);
  const user = pool.users.create({ requested: req.Username, attributes, sub, status: outcome.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED' });
  user.passwordHash = hashPassword(req.Password);
  const delivery = user.status === 'UNCONFIRMED' ? sendCode(engine, pool, user, 'SIGN_UP') : undefined;
  return { UserConfirmed: user.status === 'CONFIRMED', UserSub: user.sub, ...(delivery && { CodeDeliveryDetails: delivery }) };
}

/** ConfirmSignUp: the code checked, the user confirmed and its attribute verified, then PostConfirmation. */
export async function confirmSignUp(engine: CognitoEngine, req: { ClientId: string; Username: string; ConfirmationCode: string; ClientMetadata?: Metadata; SecretHash?: string }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = pool.users.find(req.Username);
  if (!user) throw new CognitoApiError('UserNotFoundException', 'Username/client id combination not found.');
  assertUnconfirmed(user);
  engine.outbox.checkCode(pool.id, user.username, 'SIGN_UP', req.ConfirmationCode);
  const verified = deliveryAttribute(pool, user);
  if (verified) user.attributes.set(`${verified}_verified`, 'true');
  markConfirmed(user);
  await engine.triggers.postConfirmation(pool, user, 'PostConfirmation_ConfirmSignUp', { clientId: client.clientId, clientMetadata: req.ClientMetadata });
  return {};
}

/** AdminConfirmSignUp: confirms without a code (and verifies no attribute), then PostConfirmation. */
export async function adminConfirmSignUp(engine: CognitoEngine, req: { UserPoolId: string; Username: string; ClientMetadata?: Metadata }) {
  const pool = engine.pool(req.UserPoolId);
  const user = pool.users.get(req.Username);
  assertUnconfirmed(user);
  markConfirmed(user);
  await engine.triggers.postConfirmation(pool, user, 'PostConfirmation_ConfirmSignUp', { clientId: NO_CLIENT, clientMetadata: req.ClientMetadata });
  return {};
}

export function resendConfirmationCode(engine: CognitoEngine, req: { ClientId: string; Username: string; SecretHash?: string }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = pool.users.find(req.Username);
  if (!user) throw new CognitoApiError('UserNotFoundException', 'Username/client id combination not found.');
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const delivery = sendCode(engine, pool, user, 'SIGN_UP');
  if (!delivery) throw invalidParameter('Auto verification not turned on.');
  return { CodeDeliveryDetails: delivery };
}

/** ForgotPassword: a code to the user's verified email (or phone). */
export function forgotPassword(engine: CognitoEngine, req: { ClientId: string; Username: string; SecretHash?: string }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = pool.users.find(req.Username);
  if (!user) throw new CognitoApiError('UserNotFoundException', 'Username/client id combination not found.');
  const delivery = sendCode(engine, pool, user, 'FORGOT_PASSWORD');
  if (!delivery) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  return { CodeDeliveryDetails: delivery };
}

export async function confirmForgotPassword(
  engine: CognitoEngine,
  req: { ClientId: string; Username: string; ConfirmationCode: string; Password: string; ClientMetadata?: Metadata; SecretHash?: string },
) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = pool.users.find(req.Username);
  if (!user) throw new CognitoApiError('UserNotFoundException', 'Username/client id combination not found.');
  assertPasswordConforms(req.Password, pool.config.passwordPolicy);
  engine.outbox.checkCode(pool.id, user.username, 'FORGOT_PASSWORD', req.ConfirmationCode);
  user.passwordHash = hashPassword(req.Password);
  markConfirmed(user);
  await engine.triggers.postConfirmation(pool, user, 'PostConfirmation_ConfirmForgotPassword', { clientId: client.clientId, clientMetadata: req.ClientMetadata });
  return {};
}

/** A signed-up email or phone is unverified (`false`) until its code comes back, unless PreSignUp verified it. */
function markVerification(attributes: Map<string, string>, name: string, verified: boolean): void {
  if (attributes.has(name)) attributes.set(`${name}_verified`, String(verified));
}

function assertUnconfirmed(user: User): void {
  if (user.status !== 'UNCONFIRMED') throw new CognitoApiError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
}

function markConfirmed(user: User): void {
  user.status = 'CONFIRMED';
  user.updatedAt = new Date();
}

/**
 * Where a code goes: for sign-up, the first auto-verified attribute the user has; for a password reset, the
 * first verified one.
 */
function deliveryAttribute(pool: UserPool, user: User, purpose: 'SIGN_UP' | 'FORGOT_PASSWORD' = 'SIGN_UP'): string | undefined {
  const candidates = purpose === 'SIGN_UP' ? pool.config.autoVerifiedAttributes : ['email', 'phone_number'];
  return candidates.find((name) => user.attributes.has(name) && (purpose === 'SIGN_UP' || user.attributes.get(`${name}_verified`) === 'true'));
}

function sendCode(engine: CognitoEngine, pool: UserPool, user: User, purpose: 'SIGN_UP' | 'FORGOT_PASSWORD'): CodeDeliveryDetails | undefined {
  const attribute = deliveryAttribute(pool, user, purpose);
  const destination = attribute && user.attributes.get(attribute);
  if (!attribute || !destination) return undefined;
  const deliveryMedium = attribute === 'email' ? 'EMAIL' : 'SMS';
  engine.outbox.issueCode({ userPoolId: pool.id, username: user.username, purpose, deliveryMedium, destination });
  return { Destination: maskDestination(destination), DeliveryMedium: deliveryMedium, AttributeName: attribute };
}
