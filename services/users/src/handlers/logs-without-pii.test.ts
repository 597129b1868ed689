import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { aLambdaContext, captureLogs } from '@shop/lambda-kit/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAddress } from '../domain/test-data';
import { aMeRequest, aPostConfirmation, idTokenClaims, useHandlerEnvironment } from '../test-support/handler-env';
import { createUsersTable, startLocalDynamoDB, type LocalDynamoDB } from '../test-support/local-dynamodb';

const eventBridge = mockClient(EventBridgeClient);
let dynamodb: LocalDynamoDB;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  // DEBUG: the most a function ever logs.
  useHandlerEnvironment(dynamodb, await createUsersTable(dynamodb.client), 'DEBUG');
});

afterAll(() => dynamodb.stop());

const EMAIL = 'grace.hopper@example.com';
const NAME = 'Grace Brewster Hopper';
const STREET = '1 Compiler Lane';

describe('the logs of the users functions', () => {
  it('contain no email, name or address, whatever happens', async () => {
    const { handler: postConfirmation } = await import('./cognito/post-confirmation');
    const { handler: updateProfile } = await import('./http/update-profile');
    const claims = idTokenClaims('pii-user-1', EMAIL, NAME);
    const body = { name: NAME, shippingAddress: anAddress({ name: NAME, line1: STREET }), marketingConsent: true };
    const logs = captureLogs();

    eventBridge.on(PutEventsCommand).rejects(new Error('EventBridge is unavailable'));
    await postConfirmation(aPostConfirmation({ sub: claims.sub, email: EMAIL, name: NAME }), aLambdaContext());
    await updateProfile(aMeRequest({ method: 'PUT', body }, claims), aLambdaContext());
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
    await updateProfile(aMeRequest({ method: 'PUT', body }, claims), aLambdaContext());
    await updateProfile(
      aMeRequest({ method: 'PUT', body: { ...body, name: '', email: EMAIL } }, claims),
      aLambdaContext(),
    );

    logs.restore();
    expect(logs.lines().length).toBeGreaterThan(3);
    expect(logs.text()).not.toContain(EMAIL);
    expect(logs.text()).not.toContain('Grace');
    expect(logs.text()).not.toContain(STREET);
  });
});
