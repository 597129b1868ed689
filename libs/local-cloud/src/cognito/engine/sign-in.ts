import { CognitoApiError, incorrectCredentials, invalidParameter, userNotFound } from '../errors';
import type { AppClientConfig } from '../model/client-config';
import { validatedAttributes } from './attributes';
import { checkSecretHash, type CognitoEngine } from './cognito-engine';
import { assertPasswordConforms } from './password-policy';
import { nowSeconds } from './sessions';
import { issueTokens } from './tokens';
import type { TriggerCaller } from './triggers';
import type { UserPool } from './user-pool';
import { hashPassword, passwordMatches, type User } from './users';

type Params = Record<string, string>;
type Metadata = Record<string, string>;

/**
 * InitiateAuth: USER_PASSWORD_AUTH (the client must allow it) and REFRESH_TOKEN_AUTH. SRP and custom
 * challenges are not emulated: they fail with a message that says so.
 *
 * @example
 * const { AuthenticationResult } = await initiateAuth(engine, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } });
 */
export async function initiateAuth(engine: CognitoEngine, req: { AuthFlow: string; ClientId: string; AuthParameters?: Params; ClientMetadata?: Metadata }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  const params = req.AuthParameters ?? {};
  const caller = { clientId: client.clientId, clientMetadata: req.ClientMetadata };
  if (req.AuthFlow === 'USER_PASSWORD_AUTH') {
    requireFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH flow not enabled for this client');
    return passwordAuth(engine, pool, client, params, caller);
  }
  if (req.AuthFlow === 'REFRESH_TOKEN_AUTH' || req.AuthFlow === 'REFRESH_TOKEN') return refreshAuth(engine, pool, client, params, caller);
  throw unsupportedFlow(req.AuthFlow);
}

/** AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH (ADMIN_NO_SRP_AUTH) and REFRESH_TOKEN_AUTH. */
export async function adminInitiateAuth(engine: CognitoEngine, req: { UserPoolId: string; ClientId: string; AuthFlow: string; AuthParameters?: Params; ClientMetadata?: Metadata }) {
  const pool = engine.pool(req.UserPoolId);
  const client = pool.client(req.ClientId);
  const params = req.AuthParameters ?? {};
  const caller = { clientId: client.clientId, clientMetadata: req.ClientMetadata };
  if (req.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH' || req.AuthFlow === 'ADMIN_NO_SRP_AUTH') {
    requireFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'Auth flow not enabled for this client');
    return passwordAuth(engine, pool, client, params, caller);
  }
  if (req.AuthFlow === 'REFRESH_TOKEN_AUTH' || req.AuthFlow === 'REFRESH_TOKEN') return refreshAuth(engine, pool, client, params, caller);
  throw unsupportedFlow(req.AuthFlow);
}

type ChallengeAnswer = { ChallengeName: string; Session?: string; ChallengeResponses?: Params; ClientMetadata?: Metadata };

/** RespondToAuthChallenge for NEW_PASSWORD_REQUIRED (a user created by an admin signs in the first time). */
export async function respondToAuthChallenge(engine: CognitoEngine, req: ChallengeAnswer & { ClientId: string }) {
  const { pool, client } = engine.poolOfClient(req.ClientId);
  return answerChallenge(engine, pool, client, req);
}

export async function adminRespondToAuthChallenge(engine: CognitoEngine, req: ChallengeAnswer & { UserPoolId: string; ClientId: string }) {
  const pool = engine.pool(req.UserPoolId);
  return answerChallenge(engine, pool, pool.client(req.ClientId), req);
}

async function passwordAuth(engine: CognitoEngine, pool: UserPool, client: AppClientConfig, params: Params, caller: TriggerCaller) {
  const username = required(params, 'USERNAME');
  const password = required(params, 'PASSWORD');
  checkSecretHash(client, username, params.SECRET_HASH);
  const user = pool.users.find(username);
  if (!user) throw client.preventUserExistenceErrors ? incorrectCredentials() : userNotFound();
  if (!user.enabled) throw new CognitoApiError('NotAuthorizedException', 'User is disabled.');
  await engine.triggers.preAuthentication(pool, user, caller);
  if (!passwordMatches(user, password)) throw incorrectCredentials();
  if (user.status === 'UNCONFIRMED') throw new CognitoApiError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'RESET_REQUIRED') throw new CognitoApiError('PasswordResetRequiredException', 'Password reset required for the user');
  if (user.status === 'FORCE_CHANGE_PASSWORD') return newPasswordChallenge(pool, client, user);
  await engine.triggers.postAuthentication(pool, user, caller);
  return signIn(engine, pool, client, user, caller, 'TokenGeneration_Authentication');
}

async function signIn(engine: CognitoEngine, pool: UserPool, client: AppClientConfig, user: User, caller: TriggerCaller, source: string) {
  const session = pool.sessions.start({ username: user.username, clientId: client.clientId, refreshValiditySeconds: client.refreshTokenValiditySeconds });
  const customization = await engine.triggers.preTokenGeneration(pool, user, source, caller);
  const tokens = await issueTokens({ pool, client, user, session, customization });
  return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, RefreshToken: session.refreshToken } };
}

async function refreshAuth(engine: CognitoEngine, pool: UserPool, client: AppClientConfig, params: Params, caller: TriggerCaller) {
  const session = pool.sessions.byRefreshToken(required(params, 'REFRESH_TOKEN'));
  if (!session || session.clientId !== client.clientId) throw new CognitoApiError('NotAuthorizedException', 'Invalid Refresh Token');
  if (session.revoked) throw new CognitoApiError('NotAuthorizedException', 'Refresh Token has been revoked');
  if (session.refreshExpiresAt < nowSeconds()) throw new CognitoApiError('NotAuthorizedException', 'Refresh Token has expired');
  const user = pool.users.find(session.username);
  if (!user) throw new CognitoApiError('NotAuthorizedException', 'User does not exist.');
  checkSecretHash(client, params.USERNAME ?? user.username, params.SECRET_HASH);
  if (!user.enabled) throw new CognitoApiError('NotAuthorizedException', 'User is disabled.');
  const customization = await engine.triggers.preTokenGeneration(pool, user, 'TokenGeneration_RefreshTokens', caller);
  // A refresh renews the ID and access tokens only: the refresh token itself is not rotated.
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens({ pool, client, user, session, customization }) };
}

function newPasswordChallenge(pool: UserPool, client: AppClientConfig, user: User) {
  const userAttributes = Object.fromEntries([...user.attributes].filter(([name]) => name !== 'sub'));
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: pool.sessions.startChallenge('NEW_PASSWORD_REQUIRED', user.username, client.clientId),
    ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]', userAttributes: JSON.stringify(userAttributes) },
  };
}

async function answerChallenge(engine: CognitoEngine, pool: UserPool, client: AppClientConfig, req: ChallengeAnswer) {
  if (req.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw invalidParameter(`local-cloud answers the NEW_PASSWORD_REQUIRED challenge only, not ${req.ChallengeName}`);
  const pending = req.Session ? pool.sessions.takeChallenge(req.Session) : undefined;
  if (!pending || pending.clientId !== client.clientId) throw new CognitoApiError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  const responses = req.ChallengeResponses ?? {};
  const user = pool.users.get(pending.username);
  checkSecretHash(client, responses.USERNAME ?? user.username, responses.SECRET_HASH);
  const newPassword = required(responses, 'NEW_PASSWORD');
  assertPasswordConforms(newPassword, pool.config.passwordPolicy);
  const updates = Object.entries(responses).filter(([name]) => name.startsWith('userAttributes.')).map(([name, Value]) => ({ Name: name.slice('userAttributes.'.length), Value }));
  for (const [name, value] of validatedAttributes(pool.config, updates, { requireAll: false })) user.attributes.set(name, value);
  user.passwordHash = hashPassword(newPassword);
  user.status = 'CONFIRMED';
  user.updatedAt = new Date();
  return signIn(engine, pool, client, user, { clientId: client.clientId, clientMetadata: req.ClientMetadata }, 'TokenGeneration_NewPasswordChallenge');
}

function requireFlow(client: AppClientConfig, flow: string, message: string): void {
  if (!client.authFlows.has(flow)) throw invalidParameter(message);
}

function required(params: Params, name: string): string {
  const value = params[name];
  if (!value) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

function unsupportedFlow(flow: string): CognitoApiError {
  return invalidParameter(`local-cloud does not emulate the ${flow} auth flow: use USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH (see libs/local-cloud/src/cognito/README.md)`);
}
