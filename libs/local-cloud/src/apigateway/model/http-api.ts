/** One HTTP API as deployed: its stages, routes (each with its integration and authorization) and CORS. */
export interface HttpApi {
  readonly id: string;
  readonly name: string;
  /** By stage name; `$default` serves the API's base URL with no prefix. */
  readonly stages: ReadonlyMap<string, Stage>;
  readonly routes: readonly Route[];
  readonly cors?: CorsConfiguration;
}

export interface Stage {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  /** `DefaultRouteSettings`: applies to every route that `routeThrottles` does not name. */
  readonly defaultThrottle?: Throttle;
  /** `RouteSettings`, by route key. */
  readonly routeThrottles: ReadonlyMap<string, Throttle>;
}

/** A token bucket: `burstLimit` tokens at most, refilled at `rateLimit` per second. */
export interface Throttle {
  readonly burstLimit: number;
  readonly rateLimit: number;
}

/** A route key parsed: `$default`, or a method (`ANY` for every method) and a path of segments. */
export type RouteKey =
  | { readonly kind: 'default'; readonly text: '$default' }
  | { readonly kind: 'path'; readonly text: string; readonly method: string; readonly segments: readonly PathSegment[] };

export type PathSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

export interface Route {
  readonly key: RouteKey;
  /** Undefined when the route's target names no integration of the API (API Gateway answers 500). */
  readonly integration?: Integration;
  readonly authorization: RouteAuthorization;
}

export type RouteAuthorization =
  | { readonly type: 'NONE' }
  | { readonly type: 'JWT'; readonly authorizer: JwtAuthorizer; readonly scopes: readonly string[] }
  /** IAM is not enforced locally (as everywhere in the local cloud): such routes are open. */
  | { readonly type: 'AWS_IAM' }
  /** Lambda (REQUEST) authorizers are not emulated: such routes answer 500 rather than open up. */
  | { readonly type: 'UNSUPPORTED'; readonly reason: string };

export interface JwtAuthorizer {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly audience: readonly string[];
  /** Where the token is: `$request.header.Authorization` unless configured otherwise. */
  readonly identitySource: string;
}

export type Integration = LambdaProxyIntegration | ServiceIntegration | UnsupportedIntegration;

interface IntegrationBase {
  readonly id: string;
  /** `TimeoutInMillis`; API Gateway's maximum, 30 000, by default. */
  readonly timeoutMs: number;
  /** `RequestParameters`: parameter mapping for Lambda, request parameters for service integrations. */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** `ResponseParameters`, by status code. */
  readonly responseParameters: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface LambdaProxyIntegration extends IntegrationBase {
  readonly type: 'lambda';
  readonly functionArn: string;
  readonly payloadFormatVersion: '1.0' | '2.0';
}

export interface ServiceIntegration extends IntegrationBase {
  readonly type: 'service';
  /** `IntegrationSubtype`, e.g. `StepFunctions-StartExecution`. */
  readonly subtype: string;
}

/** An integration the local cloud cannot run (HTTP_PROXY, private integrations): its routes answer 500. */
export interface UnsupportedIntegration extends IntegrationBase {
  readonly type: 'unsupported';
  readonly reason: string;
}

export interface CorsConfiguration {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge?: number;
  readonly allowCredentials: boolean;
}

/** API Gateway's maximum (and default) integration timeout. */
export const MAX_INTEGRATION_TIMEOUT_MS = 30_000;
