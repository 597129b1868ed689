import { withCorrelation } from '@shop/events';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { anHttpEvent, type HttpEventInput } from '@shop/lambda-kit/testing';
import type { LocalAws } from './local-aws';

/**
 * Points the AWS SDK at the local cloud and sets the function's variables. Call it before importing a
 * handler: handlers read their configuration and make their clients when the module loads, as in Lambda.
 */
export function useLocalAws(aws: LocalAws, variables: Record<string, string>): void {
  Object.assign(process.env, aws.environment, QUIET_POWERTOOLS, variables);
}

/** What ServiceFunction sets in Lambda, with logs and metrics silenced for the tests' output. */
export const QUIET_POWERTOOLS = {
  POWERTOOLS_SERVICE_NAME: 'products',
  POWERTOOLS_METRICS_NAMESPACE: 'Shop',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** An HTTP API event whose JWT authorizer passed `claims` (omit them for an anonymous caller). */
export function anAuthorizedHttpEvent(input: HttpEventInput, claims?: Record<string, string>): APIGatewayProxyEventV2 {
  const event = anHttpEvent(input);
  if (claims === undefined) return event;
  const authorizer = { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 };
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as APIGatewayProxyEventV2;
}

export const ADMIN_CLAIMS = { sub: 'admin-1', 'cognito:groups': '[admin]' };
export const CUSTOMER_CLAIMS = { sub: 'customer-1', 'cognito:groups': '[customers]' };

/** Runs `fn` as if a request with this correlation id caused it (what the handlers' stacks do). */
export const asRequest = <T>(correlationId: string, fn: () => T) =>
  withCorrelation({ correlationId, causationId: 'req-1' }, fn);

/** The parsed JSON body of an HTTP response. */
export const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null') as Record<string, unknown>;
