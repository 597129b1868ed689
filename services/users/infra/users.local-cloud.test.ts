import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ObservedEvents, about, adminCreatedUser, claimOf, signIn, signUpAndSignIn } from './testing/cloud-clients';
import { LOCAL_CLOUD_TIMEOUTS, startLocalCloud, type LocalCloudProcess } from './testing/local-cloud-process';
import { LOCAL_STAGE, synthUsersLocalApp } from './testing/users-local-app';

vi.setConfig(LOCAL_CLOUD_TIMEOUTS);

let cloud: LocalCloudProcess;
let cognito: CognitoIdentityProviderClient;
let dynamodb: DynamoDBClient;
let sqs: SQSClient;
let observed: ObservedEvents;

beforeAll(async () => {
  cloud = await startLocalCloud(synthUsersLocalApp, LOCAL_STAGE);
  const endpoint = (variable: string) => ({
    endpoint: cloud.environment[variable],
    region: cloud.environment['AWS_REGION'],
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  cognito = new CognitoIdentityProviderClient(endpoint('AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'));
  dynamodb = new DynamoDBClient(endpoint('AWS_ENDPOINT_URL_DYNAMODB'));
  sqs = new SQSClient(endpoint('AWS_ENDPOINT_URL_SQS'));
  observed = new ObservedEvents(sqs, cloud.outputs['ObservedEventsQueueUrl'] ?? '');
});

afterAll(async () => {
  for (const client of [cognito, dynamodb, sqs]) client?.destroy();
  await cloud?.stop();
});

const output = (name: string) => cloud.outputs[name] ?? '';
const me = (method: string, token?: string, body?: unknown) =>
  fetch(`${output('ApiUrl')}/me`, {
    method,
    headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const ADDRESS = {
  name: 'Ada King',
  line1: '12 St James’s Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

describe('the users service on the local cloud', () => {
  let token: string;
  let userId: string;

  it('creates the profile when a sign-up is confirmed, and announces it', async () => {
    token = await signUpAndSignIn(cloud, cognito, {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      clientId: output('StorefrontClientId'),
    });
    userId = claimOf(token, 'sub');

    const response = await me('GET', token);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: userId,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      revision: 1,
    });
    const created = await observed.matching(about('User.UserCreated', userId));
    expect(created.map((event) => event.detail.data)).toEqual([
      { user: { id: userId, email: 'ada@example.com', name: 'Ada Lovelace' }, createdAt: expect.any(String) },
    ]);
  });

  it('saves a profile change and publishes UserUpdated on the bus', async () => {
    const change = { name: 'Ada King', shippingAddress: ADDRESS, marketingConsent: true };

    const response = await me('PUT', token, change);

    expect(response.status).toBe(200);
    expect(await (await me('GET', token)).json()).toMatchObject({ ...change, revision: 2 });
    const updated = await observed.matching(about('User.UserUpdated', userId));
    expect(updated.map((event) => event.detail.data)).toEqual([
      { user: { id: userId, email: 'ada@example.com', name: change.name }, revision: 2, updatedAt: expect.any(String) },
    ]);
  });

  it('answers 400 REQUEST.INVALID to a profile without a name', async () => {
    const response = await me('PUT', token, { name: '', marketingConsent: false });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'REQUEST.INVALID' } });
  });

  it('refuses a request without a token, or with a token of another pool', async () => {
    const otherPoolToken = await signUpAndSignIn(cloud, cognito, {
      email: 'eve@example.com',
      name: 'Eve',
      clientId: output('OtherClientId'),
    });

    const answers = await Promise.all([me('GET'), me('GET', otherPoolToken), me('DELETE', otherPoolToken)]);

    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
  });

  it('refuses a token once it has expired', async () => {
    const shortLived = await signIn(cognito, output('ShortLivedClientId'), 'ada@example.com');
    const whileValid = await me('GET', shortLived);
    // Wait out the token's validity: a precondition, not a timing assertion.
    const expiresAt = Number(claimOf(shortLived, 'exp')) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt + 1500 - Date.now())));

    const afterExpiry = await me('GET', shortLived);

    expect(whileValid.status).toBe(200);
    expect(afterExpiry.status).toBe(401);
  });

  it('deletes the profile and the sign-in, and publishes UserDeleted with the id only', async () => {
    const response = await me('DELETE', token);

    expect(response.status).toBe(204);
    const key = { pk: { S: `USER#${userId}` }, sk: { S: 'PROFILE' } };
    expect(
      (await dynamodb.send(new GetItemCommand({ TableName: output('UsersTableName'), Key: key }))).Item,
    ).toBeUndefined();
    await expect(
      cognito.send(new AdminGetUserCommand({ UserPoolId: output('UserPoolId'), Username: userId })),
    ).rejects.toThrow(UserNotFoundException);
    const deleted = await observed.matching(about('User.UserDeleted', userId));
    expect(deleted.map((event) => event.detail.data)).toEqual([{ userId, deletedAt: expect.any(String) }]);
  });

  it("makes the profile of a user an administrator created from the token's claims, announcing it once", async () => {
    await adminCreatedUser(cognito, output('UserPoolId'), 'demo.customer@example.com');
    const demoToken = await signIn(cognito, output('StorefrontClientId'), 'demo.customer@example.com');
    const demoId = claimOf(demoToken, 'sub');

    const answers = [await me('GET', demoToken), await me('GET', demoToken)];

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await answers[1]?.json()).toMatchObject({ id: demoId, email: 'demo.customer@example.com', revision: 1 });
    expect(await observed.matching(about('User.UserCreated', demoId), 2, 5)).toHaveLength(1);
  });
});
