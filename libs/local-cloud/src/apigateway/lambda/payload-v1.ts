import type { Json, JsonObject } from '../../core/contracts';
import { clfTime, encodedBody, type IntegrationContext } from '../http/integration-context';

/**
 * The Lambda event of payload format 1.0 (the REST API shape): single- and multi-value headers and query
 * parameters, `null` for what is absent.
 *
 * @example
 * await lambda.invoke(functionArn, eventV1(ctx)); // { version: '1.0', resource: '/pets/{id}', httpMethod: 'GET', ... }
 */
export function eventV1(ctx: IntegrationContext): JsonObject {
  const { request, match, stage } = ctx;
  const body = encodedBody(request);
  const multiQuery = multiValueQuery(request.query);
  const pathParameters = Object.keys(match.pathParameters).length > 0 ? { ...match.pathParameters } : null;
  return {
    version: '1.0',
    resource: resourcePath(ctx),
    path: request.rawPath,
    httpMethod: request.method,
    headers: Object.fromEntries(Object.entries(request.multiValueHeaders).map(([name, values]) => [name, values.at(-1) ?? ''])),
    multiValueHeaders: Object.fromEntries(Object.entries(request.multiValueHeaders).map(([name, values]) => [name, [...values]])),
    queryStringParameters: multiQuery ? Object.fromEntries(Object.entries(multiQuery).map(([name, values]) => [name, values.at(-1) ?? ''])) : null,
    multiValueQueryStringParameters: multiQuery,
    requestContext: requestContextV1(ctx),
    pathParameters,
    stageVariables: Object.keys(stage.variables).length > 0 ? { ...stage.variables } : null,
    body: body?.text ?? null,
    isBase64Encoded: body?.base64 ?? false,
  };
}

function requestContextV1(ctx: IntegrationContext): JsonObject {
  const { request, authorization } = ctx;
  const nulls = ['accessKey', 'accountId', 'caller', 'cognitoAuthenticationProvider', 'cognitoAuthenticationType', 'cognitoIdentityId', 'cognitoIdentityPoolId', 'principalOrgId', 'user', 'userArn'];
  return {
    accountId: ctx.accountId,
    apiId: request.apiId,
    authorizer: authorization ? { claims: { ...authorization.claims }, scopes: authorization.scopes ? [...authorization.scopes] : null } : { claims: null, scopes: null },
    domainName: request.domainName,
    domainPrefix: request.apiId,
    extendedRequestId: request.requestId,
    httpMethod: request.method,
    identity: { ...Object.fromEntries(nulls.map((name) => [name, null])), sourceIp: request.sourceIp, userAgent: request.userAgent },
    path: request.rawPath,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: clfTime(request.time),
    requestTimeEpoch: request.time.getTime(),
    resourceId: ctx.match.route.key.text,
    resourcePath: resourcePath(ctx),
    stage: request.stage,
  };
}

function resourcePath(ctx: IntegrationContext): string {
  const key = ctx.match.route.key;
  return key.kind === 'default' ? '$default' : key.text.slice(key.method.length + 1);
}

function multiValueQuery(query: ReadonlyArray<readonly [string, string]>): Record<string, Json[]> | null {
  if (query.length === 0) return null;
  const grouped: Record<string, Json[]> = {};
  for (const [name, value] of query) (grouped[name] ??= []).push(value);
  return grouped;
}
