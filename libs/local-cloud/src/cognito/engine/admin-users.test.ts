import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClient, aGroup, aUserPool, CLIENT_ID, POOL_ID, startLocalCognito, type LocalCognito } from '../test-support';

let cognito: LocalCognito;

beforeAll(async () => {
  // A pool of plain usernames, with email as a sign-in alias.
  const pool = aUserPool({ UsernameAttributes: [], AliasAttributes: ['email'], Schema: [] });
  cognito = await startLocalCognito({ resources: [pool, aClient(), aGroup('admins', 1)] });
});
afterAll(() => cognito.close());

const createUser = (Username: string, email: string) =>
  cognito.client.send(
    new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username, TemporaryPassword: 'Temporary-pass-1', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] }),
  );

const adminSignIn = (USERNAME: string, PASSWORD: string) =>
  cognito.client.send(new AdminInitiateAuthCommand({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));

describe('administering users with the real SDK', () => {
  it('creates a user who must choose a new password at first sign-in', async () => {
    const created = await createUser('ana', 'ana@example.com');

    const challenge = await cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: 'Temporary-pass-1' } }));
    const answered = await cognito.client.send(
      new RespondToAuthChallengeCommand({ ClientId: CLIENT_ID, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'ana', NEW_PASSWORD: 'Chosen-password-2' } }),
    );
    const after = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'ana' }));

    expect(created.User).toMatchObject({ Username: 'ana', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(challenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { USER_ID_FOR_SRP: 'ana' } });
    expect(decodeJwt(answered.AuthenticationResult?.IdToken ?? '')).toMatchObject({ 'cognito:username': 'ana', email: 'ana@example.com' });
    expect(after.UserStatus).toBe('CONFIRMED');
  });

  it('sets a permanent password, after which the user signs in with it (by username or verified email alias)', async () => {
    await createUser('bo', 'bo@example.com');

    await cognito.client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'bo', Password: 'Permanent-pass-3', Permanent: true }));

    const byName = await adminSignIn('bo', 'Permanent-pass-3');
    const byEmail = await adminSignIn('bo@example.com', 'Permanent-pass-3');
    expect(decodeJwt(byName.AuthenticationResult?.AccessToken ?? '').username).toBe('bo');
    expect(decodeJwt(byEmail.AuthenticationResult?.AccessToken ?? '').username).toBe('bo');
  });

  it('returns a user with its attributes, dates and status', async () => {
    await createUser('cy', 'cy@example.com');

    const user = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'cy' }));

    expect(user).toMatchObject({ Username: 'cy', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: expect.any(Date), UserLastModifiedDate: expect.any(Date) });
    expect(user.UserAttributes?.[0]?.Name).toBe('sub');
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'cy@example.com' });
  });

  it('lists users by filter and in pages', async () => {
    for (const name of ['list-1', 'list-2', 'list-3']) await createUser(name, `${name}@shop.test`);

    const filtered = await cognito.client.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email ^= "list-"', Limit: 2 }));
    const rest = await cognito.client.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email ^= "list-"', Limit: 2, PaginationToken: filtered.PaginationToken }));
    const exact = await cognito.client.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email = "list-2@shop.test"' }));

    expect([...(filtered.Users ?? []), ...(rest.Users ?? [])].map((user) => user.Username)).toEqual(['list-1', 'list-2', 'list-3']);
    expect(rest.PaginationToken).toBeUndefined();
    expect(exact.Users?.map((user) => user.Username)).toEqual(['list-2']);
  });

  it('adds a user to a group, which the next tokens carry', async () => {
    await createUser('dee', 'dee@example.com');
    await cognito.client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'dee', Password: 'Permanent-pass-3', Permanent: true }));

    await cognito.client.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, Username: 'dee', GroupName: 'admins' }));

    const groups = await cognito.client.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'dee' }));
    const { AuthenticationResult } = await adminSignIn('dee', 'Permanent-pass-3');
    expect(groups.Groups?.map((group) => [group.GroupName, group.Precedence])).toEqual([['admins', 1]]);
    expect(decodeJwt(AuthenticationResult?.AccessToken ?? '')['cognito:groups']).toEqual(['admins']);
  });

  it('names a group that does not exist', async () => {
    await createUser('eve', 'eve@example.com');

    const failure = await cognito.client.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, Username: 'eve', GroupName: 'nobody' })).catch((err: Error) => err);

    expect(failure).toMatchObject({ name: 'ResourceNotFoundException', message: 'Group not found.' });
  });

  it('disables and deletes users', async () => {
    await createUser('fay', 'fay@example.com');
    await createUser('gil', 'gil@example.com');
    await cognito.client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'fay', Password: 'Permanent-pass-3', Permanent: true }));

    await cognito.client.send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'fay' }));
    await cognito.client.send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'gil' }));

    expect(await adminSignIn('fay', 'Permanent-pass-3').catch((err: Error) => err)).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    const gone = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'gil' })).catch((err: Error) => err);
    expect(gone).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('rejects a temporary password the policy refuses', async () => {
    const failure = await cognito.client
      .send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'hal', TemporaryPassword: 'weak', MessageAction: 'SUPPRESS' }))
      .catch((err: Error) => err);

    expect(failure).toMatchObject({ name: 'InvalidPasswordException' });
  });

  it('sends the generated temporary password, which the outbox shows', async () => {
    await cognito.client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'ivy', UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }], DesiredDeliveryMediums: ['EMAIL'] }));
    const sent = cognito.engine.outbox.list({ userPoolId: POOL_ID, username: 'ivy' });

    const challenge = await adminSignIn('ivy', sent[0]?.temporaryPassword ?? '');

    expect(sent).toEqual([expect.objectContaining({ kind: 'TEMPORARY_PASSWORD', deliveryMedium: 'EMAIL', destination: 'ivy@example.com' })]);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});
