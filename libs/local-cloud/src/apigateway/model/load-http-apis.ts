import type { Logger, ResolvedResource } from '../../core/contracts';
import { parseRouteKey } from '../routing/route-key';
import type { HttpApi, Integration, JwtAuthorizer, Route, RouteAuthorization, Stage } from './http-api';
import { authorizerOf, corsOf, integrationOf, stageOf, stringList, stringProp } from './resource-parts';

/** The CloudFormation types the API Gateway service reads. */
export const APIGATEWAY_RESOURCE_TYPES = [
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::Authorizer',
  // Every route is live as soon as it exists (as with a stage's AutoDeploy): deployments change nothing.
  'AWS::ApiGatewayV2::Deployment',
] as const;

/**
 * Builds the HTTP APIs from resolved AWS::ApiGatewayV2 resources: each Api (by the id the loader gave it),
 * with the routes, integrations, authorizers and stages whose `ApiId` names it. WebSocket APIs are skipped
 * with a warning.
 *
 * @example
 * const apis = loadHttpApis(ctx.resources, ctx.logger);
 * apis[0]?.routes.map((r) => r.key.text); // ['GET /products', 'POST /checkout']
 */
export function loadHttpApis(resources: readonly ResolvedResource[], logger: Logger): HttpApi[] {
  const byApi = (type: string, apiId: string) =>
    resources.filter((r) => r.type === `AWS::ApiGatewayV2::${type}` && stringProp(r.properties, 'ApiId') === apiId);
  const apis: HttpApi[] = [];
  for (const api of resources.filter((r) => r.type === 'AWS::ApiGatewayV2::Api')) {
    if (stringProp(api.properties, 'ProtocolType') !== 'HTTP') {
      logger.warn('WebSocket APIs are not emulated', { apiId: api.ref, logicalId: api.logicalId });
      continue;
    }
    const integrations = new Map(byApi('Integration', api.ref).map((r) => [r.ref, integrationOf(r)] as const));
    const authorizers = new Map(byApi('Authorizer', api.ref).map((r) => [r.ref, authorizerOf(r)] as const));
    const routes = byApi('Route', api.ref).map((r) => routeOf(r, integrations, authorizers));
    const stages = new Map(byApi('Stage', api.ref).map(stageOf).map((s) => [s.name, s] as const));
    const quick = quickCreate(api);
    if (quick) {
      routes.push(quick.route);
      if (!stages.has('$default')) stages.set('$default', quick.stage);
    }
    const cors = corsOf(api.properties);
    apis.push({ id: api.ref, name: stringProp(api.properties, 'Name') ?? api.logicalId, stages, routes, ...(cors && { cors }) });
    for (const route of routes) warnIfUnsupported(route, api.ref, logger);
  }
  return apis;
}

function routeOf(
  resource: ResolvedResource,
  integrations: ReadonlyMap<string, Integration>,
  authorizers: ReadonlyMap<string, JwtAuthorizer | { unsupported: string }>,
): Route {
  const p = resource.properties;
  const target = stringProp(p, 'Target');
  const integration = target?.startsWith('integrations/') ? integrations.get(target.slice('integrations/'.length)) : undefined;
  const authorization = authorizationOf(stringProp(p, 'AuthorizationType'), authorizers.get(stringProp(p, 'AuthorizerId') ?? ''), stringList(p.AuthorizationScopes));
  return { key: parseRouteKey(stringProp(p, 'RouteKey') ?? ''), ...(integration && { integration }), authorization };
}

function authorizationOf(type: string | undefined, authorizer: JwtAuthorizer | { unsupported: string } | undefined, scopes: string[]): RouteAuthorization {
  if (type === 'AWS_IAM') return { type: 'AWS_IAM' };
  if (type !== 'JWT' && type !== 'CUSTOM') return { type: 'NONE' };
  if (!authorizer) return { type: 'UNSUPPORTED', reason: `the route's ${type} authorizer is not part of the API` };
  if ('unsupported' in authorizer) return { type: 'UNSUPPORTED', reason: authorizer.unsupported };
  return { type: 'JWT', authorizer, scopes };
}

/** Quick create: an Api with `Target` gets a `$default` stage and one route to that Lambda function. */
function quickCreate(api: ResolvedResource): { route: Route; stage: Stage } | undefined {
  const target = stringProp(api.properties, 'Target');
  if (!target) return undefined;
  const integration = integrationOf({ ...api, ref: `${api.ref}-quick-create`, properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: target, PayloadFormatVersion: '2.0' } });
  const route: Route = { key: parseRouteKey(stringProp(api.properties, 'RouteKey') ?? '$default'), integration, authorization: { type: 'NONE' } };
  return { route, stage: stageOf({ ...api, properties: { StageName: '$default' } }) };
}

function warnIfUnsupported(route: Route, apiId: string, logger: Logger): void {
  const reason = !route.integration
    ? 'the route has no integration'
    : route.integration.type === 'unsupported'
      ? route.integration.reason
      : route.authorization.type === 'UNSUPPORTED'
        ? route.authorization.reason
        : undefined;
  if (reason) logger.warn('route answers 500 locally', { apiId, routeKey: route.key.text, reason });
}
