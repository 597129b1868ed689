import type { JsonObject, LambdaInvoker, ResolvedResource } from '../../core/contracts';
import type { ApiGatewayPluginOptions } from '../plugin';
import { ACCOUNT_ID, REGION, startApiHarness } from '../test-support';
import type { MethodContext } from './http/method-context';
import { toRestRequest } from './http/rest-request';
import type { RestMethod } from './model/rest-api';

/** @internal The id of the test REST API, and of its root resource. */
export const REST_API_ID = 'r1s2t3a4p5';
export const ROOT_ID = 'root000001';

/** @internal A resolved AWS::ApiGateway::* resource of the test REST API, as src/template hands it over. */
export function restResource(kind: string, ref: string, properties: JsonObject): ResolvedResource {
  const props = kind === 'RestApi' ? properties : { RestApiId: REST_API_ID, ...properties };
  const attributes: Record<string, string> = kind === 'RestApi' ? { RestApiId: ref, RootResourceId: ROOT_ID } : {};
  return {
    stackName: 'Shop-Api',
    logicalId: ref,
    type: `AWS::ApiGateway::${kind}`,
    ref,
    physicalName: ref,
    attributes,
    properties: props,
  };
}

/** @internal A REST API with a deployment and a `prod` stage, as CDK's RestApi synthesizes them. */
export const aRestApi = (api: JsonObject = {}, stage: JsonObject = {}): ResolvedResource[] => [
  restResource('RestApi', REST_API_ID, { Name: 'ShopRestApi', ...api }),
  restResource('Deployment', 'Deployment1', { Description: 'Automatically created by the RestApi construct' }),
  restResource('Stage', 'prod', { StageName: 'prod', DeploymentId: 'Deployment1', ...stage }),
];

/** @internal A resource below a parent (the root unless told): its ref is `Res` + the path part's letters. */
export function pathResource(pathPart: string, parentId = ROOT_ID): ResolvedResource {
  return restResource('Resource', resourceRef(pathPart), { ParentId: parentId, PathPart: pathPart });
}

/** @internal The ref `pathResource` gives a path part. */
export const resourceRef = (pathPart: string): string => `Res${pathPart.replace(/[^A-Za-z0-9]/g, '')}`;

/** @internal A method on a resource with an integration (a MOCK answering 200 unless told). */
export function restMethod(
  httpMethod: string,
  resourceId: string,
  integration: JsonObject = {},
  method: JsonObject = {},
): ResolvedResource {
  return restResource('Method', `Method${httpMethod}${resourceId}`, {
    HttpMethod: httpMethod,
    ResourceId: resourceId,
    AuthorizationType: 'NONE',
    Integration: {
      Type: 'MOCK',
      RequestTemplates: { 'application/json': '{"statusCode": 200}' },
      IntegrationResponses: [{ StatusCode: '200' }],
      ...integration,
    },
    ...method,
  });
}

/** @internal An `AWS` integration calling a service action. */
export const awsIntegration = (service: string, action: string, options: JsonObject = {}): JsonObject => ({
  Type: 'AWS',
  IntegrationHttpMethod: 'POST',
  Uri: `arn:aws:apigateway:${REGION}:${service}:action/${action}`,
  Credentials: `arn:aws:iam::${ACCOUNT_ID}:role/ApiRole`,
  ...options,
});

/** @internal A method context for a request to `POST /prod/checkout` (or as told), without authorizer or validator. */
export function aMethodContext(
  options: {
    method?: Partial<RestMethod>;
    headers?: Record<string, string>;
    body?: string;
    target?: string;
    claims?: Record<string, string>;
  } = {},
): MethodContext {
  const rawHeaders = Object.entries(options.headers ?? { 'Content-Type': 'application/json' }).flat();
  const incoming = {
    apiId: REST_API_ID,
    method: 'POST',
    target: options.target ?? '/prod/checkout',
    rawHeaders,
    body: Buffer.from(options.body ?? ''),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
  };
  const method: RestMethod = {
    key: { kind: 'path', text: 'POST /checkout', method: 'POST', segments: [{ kind: 'literal', value: 'checkout' }] },
    resourceId: 'Rescheckout',
    resourcePath: '/checkout',
    authorization: { type: 'NONE' },
    requestParameters: {},
    validator: { parameters: false, body: false },
    requestModels: {},
    integration: {
      type: 'MOCK',
      timeoutMs: 29_000,
      requestTemplates: {},
      passthroughBehavior: 'WHEN_NO_MATCH',
      responses: [],
    },
    ...options.method,
  };
  return {
    request: toRestRequest(incoming, 'prod', new Date('2026-01-02T03:04:05Z')),
    stage: { name: 'prod', variables: { env: 'dev' }, methodThrottles: new Map() },
    accountId: ACCOUNT_ID,
    method,
    pathParameters: {},
    ...(options.claims && { authorization: { claims: options.claims } }),
  };
}

/** @internal The API Gateway plug-in serving the resources; `url` is the REST API's `prod` stage. */
export async function startRestHarness(
  resources: readonly ResolvedResource[],
  options: { lambda?: LambdaInvoker; servicesUrl?: string } & ApiGatewayPluginOptions = {},
): Promise<{ url: string; gatewayUrl: string; close(): Promise<void> }> {
  const harness = await startApiHarness(resources, options);
  return {
    url: `${harness.gatewayUrl}/_aws/execute-api/${REST_API_ID}/prod`,
    gatewayUrl: harness.gatewayUrl,
    close: () => harness.close(),
  };
}
