import type { JsonObject } from '../../core/contracts';
import { joinedQuery } from '../http/api-request';
import { clfTime, encodedBody, type IntegrationContext } from '../http/integration-context';

/**
 * The Lambda event of payload format 2.0, field for field as API Gateway sends it. Optional fields
 * (`cookies`, `queryStringParameters`, `body`, `pathParameters`, `stageVariables`) are left out when empty.
 *
 * @example
 * await lambda.invoke(functionArn, eventV2(ctx)); // { version: '2.0', routeKey: 'GET /pets/{id}', ... }
 */
export function eventV2(ctx: IntegrationContext): JsonObject {
  const { request, match, stage } = ctx;
  const body = encodedBody(request);
  return {
    version: '2.0',
    routeKey: match.route.key.text,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(request.cookies.length > 0 && { cookies: [...request.cookies] }),
    headers: { ...request.headers },
    ...(request.query.length > 0 && { queryStringParameters: joinedQuery(request) }),
    requestContext: requestContextV2(ctx),
    ...(body && { body: body.text }),
    ...(Object.keys(match.pathParameters).length > 0 && { pathParameters: { ...match.pathParameters } }),
    isBase64Encoded: body?.base64 ?? false,
    ...(Object.keys(stage.variables).length > 0 && { stageVariables: { ...stage.variables } }),
  };
}

function requestContextV2(ctx: IntegrationContext): JsonObject {
  const { request, authorization } = ctx;
  return {
    accountId: ctx.accountId,
    apiId: request.apiId,
    ...(authorization && { authorizer: { jwt: { claims: { ...authorization.claims }, scopes: authorization.scopes ? [...authorization.scopes] : null } } }),
    domainName: request.domainName,
    domainPrefix: request.apiId,
    http: { method: request.method, path: request.rawPath, protocol: request.protocol, sourceIp: request.sourceIp, userAgent: request.userAgent },
    requestId: request.requestId,
    routeKey: ctx.match.route.key.text,
    stage: request.stage,
    time: clfTime(request.time),
    timeEpoch: request.time.getTime(),
  };
}
