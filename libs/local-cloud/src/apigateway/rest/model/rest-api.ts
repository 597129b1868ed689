import type { RouteKey, Throttle } from '../../model/http-api';

/** One REST API as deployed: its stages, methods (by resource path), models, validators, authorizers and gateway responses. */
export interface RestApi {
  readonly id: string;
  readonly name: string;
  /** By stage name: every REST API URL starts with its stage (`/prod/checkout`). */
  readonly stages: ReadonlyMap<string, RestStage>;
  readonly methods: readonly RestMethod[];
  /** JSON Schemas (draft 4) by the model's `Ref` (its name). */
  readonly models: ReadonlyMap<string, object>;
  /** Customized gateway responses by response type (`BAD_REQUEST_BODY`, `DEFAULT_4XX`...). */
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseOverride>;
  /** `BinaryMediaTypes`: request bodies of these types reach Lambda base64-encoded. */
  readonly binaryMediaTypes: readonly string[];
}

export interface RestStage {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
  /** `MethodSettings` for every method (`*` on `/*`). */
  readonly defaultThrottle?: Throttle;
  /** `MethodSettings` of one method, by its key (`POST /checkout`). */
  readonly methodThrottles: ReadonlyMap<string, Throttle>;
}

/** A method of a resource: `key` is `METHOD /resource/path` (`ANY` for every method), as routes are keyed. */
export interface RestMethod {
  readonly key: RouteKey & { kind: 'path' };
  readonly resourceId: string;
  /** The resource path with its variables: `/orders/{orderId}`. */
  readonly resourcePath: string;
  readonly authorization: MethodAuthorization;
  /** `method.request.{header|querystring|path}.{name}` → required. */
  readonly requestParameters: Readonly<Record<string, boolean>>;
  readonly validator: { readonly parameters: boolean; readonly body: boolean };
  /** Model refs by content type. */
  readonly requestModels: Readonly<Record<string, string>>;
  readonly integration: RestIntegration;
}

export type MethodAuthorization =
  | { readonly type: 'NONE' }
  | { readonly type: 'COGNITO_USER_POOLS'; readonly authorizer: CognitoAuthorizer; readonly scopes: readonly string[] }
  /** IAM is not enforced locally (as everywhere in the local cloud): such methods are open. */
  | { readonly type: 'AWS_IAM' }
  /** Lambda (TOKEN/REQUEST) authorizers are not emulated: such methods answer 500 rather than open up. */
  | { readonly type: 'UNSUPPORTED'; readonly reason: string };

export interface CognitoAuthorizer {
  readonly id: string;
  readonly name: string;
  /** The issuers of the user pools in `ProviderARNs` (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
  readonly issuers: readonly string[];
  /** `IdentitySource`: `method.request.header.Authorization` unless configured otherwise. */
  readonly headerName: string;
  /** `IdentityValidationExpression`: a token that does not match is refused before it is verified. */
  readonly validationExpression?: string;
}

export type RestIntegration = LambdaProxyIntegration | AwsServiceIntegration | MockIntegration | UnsupportedIntegration;

interface IntegrationBase {
  /** `TimeoutInMillis`; 29 s by default. */
  readonly timeoutMs: number;
}

/** `RequestTemplates`, `PassthroughBehavior` and `IntegrationResponses`: what non-proxy integrations share. */
export interface MappedIntegration extends IntegrationBase {
  readonly requestTemplates: Readonly<Record<string, string>>;
  readonly passthroughBehavior: 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';
  readonly responses: readonly IntegrationResponse[];
}

export interface LambdaProxyIntegration extends IntegrationBase {
  readonly type: 'AWS_PROXY';
  readonly functionArn: string;
}

/** `Type: AWS` with `Uri: arn:aws:apigateway:<region>:<service>:action/<Action>`. */
export interface AwsServiceIntegration extends MappedIntegration {
  readonly type: 'AWS';
  readonly region: string;
  readonly service: string;
  readonly action: string;
}

export interface MockIntegration extends MappedIntegration {
  readonly type: 'MOCK';
}

/** An integration the local cloud cannot run (HTTP, VPC links, Lambda non-proxy): its method answers 500. */
export interface UnsupportedIntegration extends IntegrationBase {
  readonly type: 'UNSUPPORTED';
  readonly reason: string;
}

/** One of `IntegrationResponses`: chosen when `SelectionPattern` matches the integration's status (none: the default). */
export interface IntegrationResponse {
  readonly statusCode: number;
  readonly selectionPattern?: string;
  readonly templates: Readonly<Record<string, string>>;
  /** `method.response.header.X` → `'static'`, `integration.response.header.Y`, `integration.response.body.path`... */
  readonly parameters: Readonly<Record<string, string>>;
}

/** An AWS::ApiGateway::GatewayResponse: what replaces API Gateway's own answer of a response type. */
export interface GatewayResponseOverride {
  readonly statusCode?: number;
  /** `gatewayresponse.header.X` → `'static'` or `method.request.header.Y`... */
  readonly parameters: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

/** API Gateway's integration timeout for REST APIs (and the longest without a quota increase). */
export const REST_INTEGRATION_TIMEOUT_MS = 29_000;
