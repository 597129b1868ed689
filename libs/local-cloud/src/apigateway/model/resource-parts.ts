import type { Json, JsonObject, ResolvedResource } from '../../core/contracts';
import { InvalidHttpApiError } from '../errors';
import { MAX_INTEGRATION_TIMEOUT_MS, type CorsConfiguration, type Integration, type JwtAuthorizer, type Stage, type Throttle } from './http-api';

/** API Gateway's account-level defaults, which stand in for a throttle setting left unset. @internal */
export const ACCOUNT_RATE_LIMIT = 10_000;
/** @internal */
export const ACCOUNT_BURST_LIMIT = 5_000;

/**
 * The integration an AWS::ApiGatewayV2::Integration describes.
 * @internal
 */
export function integrationOf(resource: ResolvedResource): Integration {
  const p = resource.properties;
  const base = {
    id: resource.ref,
    timeoutMs: Math.min(numberProp(p, 'TimeoutInMillis') ?? MAX_INTEGRATION_TIMEOUT_MS, MAX_INTEGRATION_TIMEOUT_MS),
    requestParameters: stringMap(p.RequestParameters),
    responseParameters: Object.fromEntries(Object.entries(objectProp(p, 'ResponseParameters')).map(([status, map]) => [status, stringMap(map)])),
  };
  const type = stringProp(p, 'IntegrationType');
  const subtype = stringProp(p, 'IntegrationSubtype');
  if (type === 'AWS_PROXY' && subtype) return { ...base, type: 'service', subtype };
  const uri = stringProp(p, 'IntegrationUri');
  if (type === 'AWS_PROXY' && uri) {
    const version = stringProp(p, 'PayloadFormatVersion') === '1.0' ? '1.0' : '2.0';
    return { ...base, type: 'lambda', functionArn: functionArnOf(uri), payloadFormatVersion: version };
  }
  return { ...base, type: 'unsupported', reason: `${type ?? 'an'} integration ${resource.logicalId} is not emulated locally` };
}

/**
 * A Lambda integration URI is the function ARN, or the `arn:aws:apigateway:...:lambda:path/.../invocations` form.
 * @internal
 */
export function functionArnOf(uri: string): string {
  return /\/functions\/(arn:[^/]+)\/invocations$/.exec(uri)?.[1] ?? uri;
}

/**
 * The JWT authorizer an AWS::ApiGatewayV2::Authorizer describes, or why it is not emulated.
 * @internal
 */
export function authorizerOf(resource: ResolvedResource): JwtAuthorizer | { unsupported: string } {
  const p = resource.properties;
  const name = stringProp(p, 'Name') ?? resource.logicalId;
  if (stringProp(p, 'AuthorizerType') !== 'JWT') return { unsupported: `the ${stringProp(p, 'AuthorizerType')} authorizer ${name} is not emulated locally` };
  const jwt = objectProp(p, 'JwtConfiguration');
  const issuer = stringProp(jwt, 'Issuer');
  if (!issuer) throw new InvalidHttpApiError(`JWT authorizer ${name} has no JwtConfiguration.Issuer`);
  const identitySource = stringList(p.IdentitySource)[0] ?? '$request.header.Authorization';
  return { id: resource.ref, name, issuer, audience: stringList(jwt.Audience), identitySource };
}

/**
 * The stage an AWS::ApiGatewayV2::Stage describes.
 * @internal
 */
export function stageOf(resource: ResolvedResource): Stage {
  const p = resource.properties;
  const defaultThrottle = throttleOf(objectProp(p, 'DefaultRouteSettings'));
  const routeThrottles = new Map<string, Throttle>();
  for (const [routeKey, settings] of Object.entries(objectProp(p, 'RouteSettings'))) {
    const throttle = throttleOf(isObject(settings) ? settings : {});
    if (throttle) routeThrottles.set(routeKey, throttle);
  }
  return { name: stringProp(p, 'StageName') ?? '$default', variables: stringMap(p.StageVariables), ...(defaultThrottle && { defaultThrottle }), routeThrottles };
}

function throttleOf(settings: JsonObject): Throttle | undefined {
  const burstLimit = numberProp(settings, 'ThrottlingBurstLimit');
  const rateLimit = numberProp(settings, 'ThrottlingRateLimit');
  if (burstLimit === undefined && rateLimit === undefined) return undefined;
  return { burstLimit: burstLimit ?? ACCOUNT_BURST_LIMIT, rateLimit: rateLimit ?? ACCOUNT_RATE_LIMIT };
}

/**
 * The CORS configuration of an AWS::ApiGatewayV2::Api, when it has one.
 * @internal
 */
export function corsOf(api: JsonObject): CorsConfiguration | undefined {
  if (!isObject(api.CorsConfiguration)) return undefined;
  const c = api.CorsConfiguration;
  const maxAge = numberProp(c, 'MaxAge');
  return {
    allowOrigins: stringList(c.AllowOrigins),
    allowMethods: stringList(c.AllowMethods),
    allowHeaders: stringList(c.AllowHeaders),
    exposeHeaders: stringList(c.ExposeHeaders),
    ...(maxAge !== undefined && { maxAge }),
    allowCredentials: c.AllowCredentials === true || c.AllowCredentials === 'true',
  };
}

/** @internal */
export function stringProp(p: JsonObject, key: string): string | undefined {
  const value = p[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** @internal */
export function stringList(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** @internal */
export function numberProp(p: JsonObject, key: string): number | undefined {
  const value = Number(p[key]);
  return p[key] === undefined || p[key] === null || Number.isNaN(value) ? undefined : value;
}

/** @internal */
export function objectProp(p: JsonObject, key: string): JsonObject {
  const value = p[key];
  return isObject(value) ? value : {};
}

/** @internal */
export function stringMap(value: Json | undefined): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** @internal */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
