import type { JsonObject } from '../../../core/contracts';
import { clfTime } from '../../http/integration-context';
import type { MethodContext } from '../http/method-context';
import { headerOf } from '../http/rest-request';

const IDENTITY_NULLS = [
  'accessKey',
  'accountId',
  'apiKey',
  'apiKeyId',
  'caller',
  'clientCert',
  'cognitoAuthenticationProvider',
  'cognitoAuthenticationType',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
  'principalOrgId',
  'user',
  'userArn',
];

/**
 * The Lambda proxy event of a REST API method (`AWS_PROXY`): header names as the client sent them, `null` for
 * absent parts, `path` below the stage and `requestContext.path` with it, Cognito claims in
 * `requestContext.authorizer.claims`. The body is text unless its content type is one of the API's binary
 * media types (then base64).
 *
 * @example
 * await lambda.invoke(functionArn, restProxyEvent(ctx, api.binaryMediaTypes)); // { resource: '/orders/{orderId}', ... }
 */
export function restProxyEvent(ctx: MethodContext, binaryMediaTypes: readonly string[]): JsonObject {
  const { request } = ctx;
  const binary = isBinary(headerOf(request, 'content-type'), binaryMediaTypes);
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of request.query) (multiQuery[name] ??= []).push(value);
  const hasQuery = request.query.length > 0;
  return {
    resource: ctx.method.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: { ...request.headers },
    multiValueHeaders: Object.fromEntries(
      Object.entries(request.multiValueHeaders).map(([name, values]) => [name, [...values]]),
    ),
    queryStringParameters: hasQuery ? Object.fromEntries(request.query) : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: Object.keys(ctx.pathParameters).length > 0 ? { ...ctx.pathParameters } : null,
    stageVariables: Object.keys(ctx.stage.variables).length > 0 ? { ...ctx.stage.variables } : null,
    requestContext: requestContext(ctx),
    body: request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary && request.body.length > 0,
  };
}

function requestContext(ctx: MethodContext): JsonObject {
  const { request } = ctx;
  return {
    accountId: ctx.accountId,
    apiId: request.apiId,
    ...(ctx.authorization && { authorizer: { claims: { ...ctx.authorization.claims } } }),
    domainName: request.domainName,
    domainPrefix: request.apiId,
    extendedRequestId: request.extendedRequestId,
    httpMethod: request.method,
    identity: {
      ...Object.fromEntries(IDENTITY_NULLS.map((name) => [name, null])),
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
    },
    path: request.rawPath,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: clfTime(request.time),
    requestTimeEpoch: request.time.getTime(),
    resourceId: ctx.method.resourceId,
    resourcePath: ctx.method.resourcePath,
    stage: request.stage,
  };
}

/** `BinaryMediaTypes` entries may use wildcards (`image/*`, `*\/*`). */
function isBinary(contentType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  return binaryMediaTypes.some((pattern) =>
    new RegExp(
      `^${pattern
        .toLowerCase()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    ).test(type),
  );
}
