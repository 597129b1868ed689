import {
  PostConfirmationTriggerSchema,
  PreSignupTriggerSchema,
  PreTokenGenerationTriggerSchemaV1,
  PreTokenGenerationTriggerSchemaV2AndV3,
} from '@aws-lambda-powertools/parser/schemas/cognito';
import { AdminConfirmSignUpCommand, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../core/contracts';
import { aClient, aUserPool, CLIENT_ID, FakeLambda, FUNCTION_ARN, latestCode, POOL_ID, startLocalCognito } from '../test-support';

const PASSWORD = 'Correct-horse-9';
const echo = (event: JsonObject): Json => event;

async function withTriggers(lambdaConfig: JsonObject, lambda: FakeLambda) {
  return startLocalCognito({ resources: [aUserPool({ LambdaConfig: lambdaConfig }), aClient()], lambda });
}

describe('Lambda triggers', () => {
  it('calls PostConfirmation after ConfirmSignUp with the documented event', async () => {
    const lambda = new FakeLambda({ [FUNCTION_ARN]: echo });
    const cognito = await withTriggers({ PostConfirmation: FUNCTION_ARN }, lambda);
    const { UserSub } = await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', Password: PASSWORD, ClientMetadata: { source: 'web' } }));

    await cognito.client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', ConfirmationCode: latestCode(cognito.engine, 'ana@example.com'), ClientMetadata: { source: 'web' } }));
    await cognito.close();

    expect(lambda.calls).toHaveLength(1);
    const event = PostConfirmationTriggerSchema.parse(lambda.calls[0]?.payload);
    expect(event).toEqual({
      version: '1',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      region: 'us-east-1',
      userPoolId: POOL_ID,
      userName: UserSub,
      callerContext: { awsSdkVersion: expect.any(String), clientId: CLIENT_ID },
      request: {
        userAttributes: { sub: UserSub, email: 'ana@example.com', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
        clientMetadata: { source: 'web' },
      },
      response: {},
    });
  });

  it('calls PostConfirmation for AdminConfirmSignUp with no app client', async () => {
    const lambda = new FakeLambda({ [FUNCTION_ARN]: echo });
    const cognito = await withTriggers({ PostConfirmation: FUNCTION_ARN }, lambda);
    await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'bo@example.com', Password: PASSWORD }));

    await cognito.client.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'bo@example.com' }));
    await cognito.close();

    expect(lambda.calls[0]?.payload).toMatchObject({ triggerSource: 'PostConfirmation_ConfirmSignUp', callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' } });
  });

  it('lets PreSignUp auto-confirm and auto-verify the user', async () => {
    const autoConfirm = (event: JsonObject): Json => ({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false } });
    const lambda = new FakeLambda({ [FUNCTION_ARN]: autoConfirm });
    const cognito = await withTriggers({ PreSignUp: FUNCTION_ARN }, lambda);

    const signedUp = await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'cy@example.com', Password: PASSWORD, ValidationData: [{ Name: 'invite', Value: 'x1' }] }));
    const signedIn = await cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'cy@example.com', PASSWORD } }));
    await cognito.close();

    const event = PreSignupTriggerSchema.parse(lambda.calls[0]?.payload);
    expect(event.request).toEqual({ userAttributes: { email: 'cy@example.com' }, validationData: { invite: 'x1' } });
    expect(signedUp.UserConfirmed).toBe(true);
    expect(signedUp.CodeDeliveryDetails).toBeUndefined();
    expect(decodeJwt(signedIn.AuthenticationResult?.IdToken ?? '').email_verified).toBe(true);
  });

  it('fails the sign-up with the function error when PreSignUp throws', async () => {
    const reject = () => {
      throw new Error('Email domain not allowed');
    };
    const cognito = await withTriggers({ PreSignUp: FUNCTION_ARN }, new FakeLambda({ [FUNCTION_ARN]: reject }));

    const failure = await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'dee@example.com', Password: PASSWORD })).catch((err: Error) => err);
    const users = cognito.engine.pool(POOL_ID).users.list();
    await cognito.close();

    expect(failure).toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Email domain not allowed.' });
    expect(users).toHaveLength(0);
  });

  it('adds and suppresses ID token claims from a V1 PreTokenGeneration response', async () => {
    const customize = (event: JsonObject): Json => ({ ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride: { tenant: 'shop-1' }, claimsToSuppress: ['email'], groupOverrideDetails: { groupsToOverride: ['vip'] } } } });
    const lambda = new FakeLambda({ [FUNCTION_ARN]: customize });
    const cognito = await withTriggers({ PreTokenGeneration: FUNCTION_ARN, PostConfirmation: FUNCTION_ARN }, lambda);
    await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'eve@example.com', Password: PASSWORD }));
    await cognito.client.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'eve@example.com' }));

    const { AuthenticationResult } = await cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'eve@example.com', PASSWORD } }));
    await cognito.close();

    const event = PreTokenGenerationTriggerSchemaV1.parse(lambda.calls.at(-1)?.payload);
    expect(event).toMatchObject({ version: '1', triggerSource: 'TokenGeneration_Authentication', request: { groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null } } });
    const id = decodeJwt(AuthenticationResult?.IdToken ?? '');
    expect(id).toMatchObject({ tenant: 'shop-1', 'cognito:groups': ['vip'] });
    expect(id.email).toBeUndefined();
  });

  it('customizes the access token from a V2 PreTokenGeneration response, on refresh too', async () => {
    const customize = (event: JsonObject): Json => ({
      ...event,
      response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { plan: 'pro' }, scopesToAdd: ['orders/read'] } } },
    });
    const lambda = new FakeLambda({ [FUNCTION_ARN]: customize });
    const cognito = await startLocalCognito({
      resources: [aUserPool({ LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: FUNCTION_ARN, LambdaVersion: 'V2_0' } } }), aClient()],
      lambda,
    });
    await cognito.client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'fay@example.com', Password: PASSWORD }));
    await cognito.client.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'fay@example.com' }));
    const signedIn = await cognito.client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'fay@example.com', PASSWORD } }));

    const refreshed = await cognito.client.send(
      new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult?.RefreshToken ?? '' } }),
    );
    await cognito.close();

    const event = PreTokenGenerationTriggerSchemaV2AndV3.parse(lambda.calls.at(-1)?.payload);
    expect(event).toMatchObject({ version: '2', triggerSource: 'TokenGeneration_RefreshTokens', request: { scopes: ['aws.cognito.signin.user.admin'] } });
    expect(decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? '')).toMatchObject({ plan: 'pro', scope: 'aws.cognito.signin.user.admin orders/read' });
  });
});
