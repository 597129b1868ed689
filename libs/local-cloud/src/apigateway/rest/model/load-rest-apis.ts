import type { Logger, ResolvedResource } from '../../../core/contracts';
import { InvalidHttpApiError } from '../../errors';
import { stringList, stringMap, stringProp } from '../../model/resource-parts';
import { parseRouteKey } from '../../routing/route-key';
import { gatewayResponseOf, requiredFlags, restAuthorizerOf, restIntegrationOf, schemaOf } from './method-parts';
import type { CognitoAuthorizer, MethodAuthorization, RestApi, RestMethod } from './rest-api';
import { stagesOf } from './rest-stages';

/** The CloudFormation types of REST APIs the API Gateway service reads. */
export const REST_API_RESOURCE_TYPES = [
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Stage',
  // A deployment is a snapshot of the methods: locally every stage serves the template's methods as they are.
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::Model',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::GatewayResponse',
] as const;

type Authorizers = ReadonlyMap<string, CognitoAuthorizer | { unsupported: string }>;

/**
 * Builds the REST APIs from resolved AWS::ApiGateway resources: each RestApi (by the id the loader gave it) with
 * the resources, methods, stages, validators, models, authorizers and gateway responses whose `RestApiId` names it.
 *
 * @example
 * const apis = loadRestApis(ctx.resources, ctx.logger);
 * apis[0]?.methods.map((m) => m.key.text); // ['POST /checkout', 'OPTIONS /checkout']
 */
export function loadRestApis(resources: readonly ResolvedResource[], logger: Logger): RestApi[] {
  return resources
    .filter((r) => r.type === 'AWS::ApiGateway::RestApi')
    .map((api) => {
      const of = (type: string) =>
        resources.filter(
          (r) => r.type === `AWS::ApiGateway::${type}` && stringProp(r.properties, 'RestApiId') === api.ref,
        );
      if (api.properties.Body !== undefined || api.properties.BodyS3Location !== undefined)
        logger.warn('REST API OpenAPI definitions (Body) are not emulated', { apiId: api.ref });
      const paths = resourcePaths(api, of('Resource'));
      const authorizers: Authorizers = new Map(of('Authorizer').map((r) => [r.ref, restAuthorizerOf(r)] as const));
      const validators = new Map(
        of('RequestValidator').map(
          (r) =>
            [
              r.ref,
              {
                parameters: isTrue(r.properties.ValidateRequestParameters),
                body: isTrue(r.properties.ValidateRequestBody),
              },
            ] as const,
        ),
      );
      const methods = of('Method').map((m) => methodOf(m, paths, authorizers, validators));
      const rest: RestApi = {
        id: api.ref,
        name: stringProp(api.properties, 'Name') ?? api.logicalId,
        stages: stagesOf(of('Stage'), of('Deployment')),
        methods,
        models: new Map(of('Model').map((r) => [r.ref, schemaOf(r.properties.Schema)] as const)),
        gatewayResponses: new Map(
          of('GatewayResponse').map(
            (r) => [stringProp(r.properties, 'ResponseType') ?? '', gatewayResponseOf(r.properties)] as const,
          ),
        ),
        binaryMediaTypes: stringList(api.properties.BinaryMediaTypes),
      };
      for (const method of methods) warnIfUnsupported(method, api.ref, logger);
      return rest;
    });
}

/** Each resource's full path, from its `PathPart` and its parent's path; the API's root resource is `/`. */
function resourcePaths(api: ResolvedResource, resources: readonly ResolvedResource[]): Map<string, string> {
  const byId = new Map(resources.map((r) => [r.ref, r]));
  const paths = new Map<string, string>([[api.attributes.RootResourceId ?? '', '/']]);
  const pathOf = (id: string, seen: Set<string>): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const resource = byId.get(id);
    if (!resource || seen.has(id))
      throw new InvalidHttpApiError(`REST API ${api.ref}: resource ${id} has no path to the root resource`);
    const parent = pathOf(stringProp(resource.properties, 'ParentId') ?? '', seen.add(id));
    const path = `${parent === '/' ? '' : parent}/${stringProp(resource.properties, 'PathPart') ?? ''}`;
    paths.set(id, path);
    return path;
  };
  for (const id of byId.keys()) pathOf(id, new Set());
  return paths;
}

function methodOf(
  m: ResolvedResource,
  paths: ReadonlyMap<string, string>,
  authorizers: Authorizers,
  validators: ReadonlyMap<string, RestMethod['validator']>,
): RestMethod {
  const p = m.properties;
  const resourceId = stringProp(p, 'ResourceId') ?? '';
  const resourcePath = paths.get(resourceId);
  if (resourcePath === undefined)
    throw new InvalidHttpApiError(
      `Method ${m.logicalId} is on resource ${resourceId}, which is not part of its REST API`,
    );
  const key = parseRouteKey(`${(stringProp(p, 'HttpMethod') ?? '').toUpperCase()} ${resourcePath}`);
  if (key.kind !== 'path') throw new InvalidHttpApiError(`Method ${m.logicalId} has no HttpMethod`);
  return {
    key,
    resourceId,
    resourcePath,
    authorization: authorizationOf(
      stringProp(p, 'AuthorizationType') ?? 'NONE',
      authorizers.get(stringProp(p, 'AuthorizerId') ?? ''),
      stringList(p.AuthorizationScopes),
    ),
    requestParameters: requiredFlags(p.RequestParameters),
    validator: validators.get(stringProp(p, 'RequestValidatorId') ?? '') ?? { parameters: false, body: false },
    requestModels: stringMap(p.RequestModels),
    integration: restIntegrationOf(m),
  };
}

function authorizationOf(
  type: string,
  authorizer: CognitoAuthorizer | { unsupported: string } | undefined,
  scopes: string[],
): MethodAuthorization {
  if (type === 'AWS_IAM') return { type: 'AWS_IAM' };
  if (type !== 'COGNITO_USER_POOLS' && type !== 'CUSTOM') return { type: 'NONE' };
  if (!authorizer) return { type: 'UNSUPPORTED', reason: `the method's ${type} authorizer is not part of the API` };
  if ('unsupported' in authorizer) return { type: 'UNSUPPORTED', reason: authorizer.unsupported };
  return { type: 'COGNITO_USER_POOLS', authorizer, scopes };
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function warnIfUnsupported(method: RestMethod, apiId: string, logger: Logger): void {
  const reason =
    method.integration.type === 'UNSUPPORTED'
      ? method.integration.reason
      : method.authorization.type === 'UNSUPPORTED'
        ? method.authorization.reason
        : undefined;
  if (reason) logger.warn('REST API method answers 500 locally', { apiId, method: method.key.text, reason });
}
