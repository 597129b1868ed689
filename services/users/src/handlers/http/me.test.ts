import { AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anAddress } from '../../domain/test-data';
import { aMeRequest, bodyOf, idTokenClaims, putEvents, useHandlerEnvironment } from '../../test-support/handler-env';
import { createUsersTable, startLocalDynamoDB, type LocalDynamoDB } from '../../test-support/local-dynamodb';

const eventBridge = mockClient(EventBridgeClient);
const cognito = mockClient(CognitoIdentityProviderClient);
let dynamodb: LocalDynamoDB;
let getProfile: typeof import('./get-profile').handler;
let updateProfile: typeof import('./update-profile').handler;
let deleteProfile: typeof import('./delete-profile').handler;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  useHandlerEnvironment(dynamodb, await createUsersTable(dynamodb.client));
  ({ handler: getProfile } = await import('./get-profile'));
  ({ handler: updateProfile } = await import('./update-profile'));
  ({ handler: deleteProfile } = await import('./delete-profile'));
});

afterAll(() => dynamodb.stop());

beforeEach(() => {
  eventBridge.reset();
  cognito.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
  cognito.on(AdminDeleteUserCommand).resolves({});
});

let users = 0;
/** A user no other test has seen. */
const aNewUser = () => idTokenClaims(`user-${++users}`, `user${users}@example.com`, 'Ada Lovelace');
const PROFILE_CHANGES = { name: 'Ada King', shippingAddress: anAddress(), marketingConsent: true };

const get = (claims?: Record<string, string>) => getProfile(aMeRequest({ method: 'GET' }, claims), aLambdaContext());
const put = (body: unknown, claims?: Record<string, string>) =>
  updateProfile(aMeRequest({ method: 'PUT', body }, claims), aLambdaContext());
const del = (claims?: Record<string, string>) =>
  deleteProfile(aMeRequest({ method: 'DELETE' }, claims), aLambdaContext());

describe('GET /me', () => {
  it("makes the profile of a user without one from the token's claims, announcing it once", async () => {
    const claims = aNewUser();

    const first = await get(claims);
    const second = await get(claims);

    expect(first.statusCode).toBe(200);
    expect(bodyOf(first)).toEqual({
      id: claims.sub,
      email: claims.email,
      name: 'Ada Lovelace',
      marketingConsent: false,
      revision: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(bodyOf(second)).toEqual(bodyOf(first));
    expect(putEvents(eventBridge).map((event) => event.detailType)).toEqual(['User.UserCreated']);
  });

  it('answers 404 USERS.NOT_FOUND when there is no profile and the token carries no email', async () => {
    const response = await get({ sub: 'access-token-user', token_use: 'access' });

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({ error: { code: 'USERS.NOT_FOUND', message: expect.any(String) } });
  });

  it('answers 401 USERS.UNAUTHENTICATED without JWT claims', async () => {
    const response = await get();

    expect(response.statusCode).toBe(401);
    expect(bodyOf(response)).toEqual({ error: { code: 'USERS.UNAUTHENTICATED', message: expect.any(String) } });
  });
});

describe('PUT /me', () => {
  it('saves the profile as the next revision and publishes UserUpdated', async () => {
    const claims = aNewUser();
    await get(claims);

    const response = await put(PROFILE_CHANGES, claims);

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ ...PROFILE_CHANGES, email: claims.email, revision: 2 });
    expect(bodyOf(await get(claims))).toMatchObject({ ...PROFILE_CHANGES, revision: 2 });
    const updated = putEvents(eventBridge).filter((event) => event.detailType === 'User.UserUpdated');
    expect(updated.map((event) => event.detail.data)).toEqual([
      {
        user: { id: claims.sub, email: claims.email, name: PROFILE_CHANGES.name },
        revision: 2,
        updatedAt: expect.any(String),
      },
    ]);
  });

  it('answers 400 REQUEST.INVALID naming each invalid field, and changes nothing', async () => {
    const claims = aNewUser();
    await get(claims);

    const response = await put({ name: '', shippingAddress: { line1: 'x' }, marketingConsent: 'yes' }, claims);

    expect(response.statusCode).toBe(400);
    const { error } = bodyOf(response) as { error: { code: string; fields: { path: string }[] } };
    expect(error.code).toBe('REQUEST.INVALID');
    expect(error.fields.map((field) => field.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.marketingConsent', 'body.shippingAddress.city']),
    );
    expect(bodyOf(await get(claims))).toMatchObject({ revision: 1 });
  });

  it('refuses fields the profile does not have', async () => {
    const response = await put({ ...PROFILE_CHANGES, email: 'new@example.com' }, aNewUser());

    expect(response.statusCode).toBe(400);
  });
});

describe('DELETE /me', () => {
  it('deletes the sign-in and the profile and publishes UserDeleted with the id only', async () => {
    const claims = aNewUser();
    await get(claims);

    const response = await del(claims);

    expect(response.statusCode).toBe(204);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-2_Pool1',
      Username: claims.sub,
    });
    const deleted = putEvents(eventBridge).filter((event) => event.detailType === 'User.UserDeleted');
    expect(deleted.map((event) => event.detail.data)).toEqual([{ userId: claims.sub, deletedAt: expect.any(String) }]);
    expect((await get({ sub: claims.sub })).statusCode).toBe(404);
  });

  it('answers 404 USERS.NOT_FOUND for a user without a profile, deleting nothing', async () => {
    const response = await del({ sub: 'nobody' });

    expect(response.statusCode).toBe(404);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toEqual([]);
  });
});
