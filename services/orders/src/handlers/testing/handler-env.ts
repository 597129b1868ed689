import { anHttpEvent, type HttpEventInput } from '@shop/lambda-kit/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  createIdempotencyTable,
  createOrdersTable,
  startLocalDynamoDB,
  uniqueTableName,
  type LocalDynamoDB,
} from '../../adapters/testing/local-dynamodb';

/** What ServiceFunction sets in Lambda, with logs and metrics silenced for the tests' output. */
export const QUIET_POWERTOOLS = {
  POWERTOOLS_SERVICE_NAME: 'orders',
  POWERTOOLS_METRICS_NAMESPACE: 'Shop',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** dynalite with an orders table and an idempotency table, and the variables that point a handler at them. */
export type HandlerAws = LocalDynamoDB & { readonly tableName: string; readonly idempotencyTableName: string };

/**
 * Starts dynalite, creates the tables, and sets the AWS SDK's endpoint override, region and
 * credentials plus `variables`. Import the handler after this: handlers read their configuration and
 * make their clients when the module loads, as in Lambda.
 */
export async function startHandlerAws(variables: Record<string, string> = {}): Promise<HandlerAws> {
  const local = await startLocalDynamoDB();
  const tableName = uniqueTableName('orders');
  const idempotencyTableName = uniqueTableName('idempotency');
  await createOrdersTable(local.client, tableName);
  await createIdempotencyTable(local.client, idempotencyTableName);
  Object.assign(process.env, QUIET_POWERTOOLS, {
    AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: tableName,
    IDEMPOTENCY_TABLE_NAME: idempotencyTableName,
    ...variables,
  });
  return { ...local, tableName, idempotencyTableName };
}

/** An HTTP API event for a route (`routeKey` as the API declares it), signed in as `customerId` if given. */
export function aRouteEvent(
  routeKey: string,
  input: Omit<HttpEventInput, 'routeKey'> & { readonly customerId?: string } = {},
): APIGatewayProxyEventV2 {
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => input.pathParameters?.[name] ?? name);
  const event = anHttpEvent({ ...input, method, path, routeKey });
  if (input.customerId === undefined) return event;
  const claims = { sub: input.customerId, 'cognito:groups': '[customers]' };
  const authorizer = { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 };
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as APIGatewayProxyEventV2;
}

/** The parsed JSON body of an HTTP response, as the type the route promises. */
export const bodyOf = <T>(response: { body?: string }) => JSON.parse(response.body ?? 'null') as T;

/** The error code of an error response. */
export const errorCodeOf = (response: { body?: string }) =>
  bodyOf<{ error?: { code?: string } } | null>(response)?.error?.code;
