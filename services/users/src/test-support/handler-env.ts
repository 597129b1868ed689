import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { anHttpEvent, type HttpEventInput } from '@shop/lambda-kit/testing';
import type { APIGatewayProxyEventV2, PostConfirmationTriggerEvent } from 'aws-lambda';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { LOCAL_CREDENTIALS, type LocalDynamoDB } from './local-dynamodb';

/**
 * @internal Sets what the functions read at cold start (ServiceFunction's Powertools variables, the table on
 * dynalite). Call it before importing a handler: handlers make their clients when the module loads.
 */
export function useHandlerEnvironment(dynamodb: LocalDynamoDB, tableName: string, logLevel = 'SILENT'): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME: tableName,
    EVENT_BUS_NAME: 'shop',
    STAGE_NAME: 'test',
    USER_POOL_ID: 'eu-west-2_Pool1',
    POWERTOOLS_SERVICE_NAME: 'users',
    POWERTOOLS_METRICS_NAMESPACE: 'Shop',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: logLevel,
  });
}

/** @internal A /me request whose JWT authorizer passed `claims` (omit them for a route without one). */
export function aMeRequest(input: HttpEventInput, claims?: Record<string, string>): APIGatewayProxyEventV2 {
  const event = anHttpEvent({ path: '/me', ...input });
  if (claims === undefined) return event;
  const authorizer = { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 };
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as APIGatewayProxyEventV2;
}

/** @internal The ID token claims of a user who signed up by email. */
export const idTokenClaims = (sub: string, email: string, name?: string) => ({
  sub,
  email,
  email_verified: 'true',
  token_use: 'id',
  ...(name !== undefined && { name }),
});

/** @internal The event Cognito sends the post-confirmation trigger after a sign-up is confirmed. */
export function aPostConfirmation(attributes: Record<string, string>): PostConfirmationTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_Pool1',
    userName: attributes['sub'] ?? 'unknown',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-1' },
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: { userAttributes: { 'cognito:user_status': 'CONFIRMED', email_verified: 'true', ...attributes } },
    response: {},
  };
}

/** @internal Every event the functions put, as `{ detailType, detail }`. */
export function putEvents(eventBridge: AwsClientStub<EventBridgeClient>) {
  return eventBridge.commandCalls(PutEventsCommand).flatMap((call) =>
    (call.args[0].input.Entries ?? []).map((entry) => ({
      detailType: entry.DetailType,
      detail: JSON.parse(entry.Detail ?? '{}') as { data: Record<string, unknown> },
    })),
  );
}

/** @internal The parsed JSON body of an HTTP response. */
export const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null') as Record<string, unknown>;
