import type { Json, JsonObject, ResolvedResource } from '../../../core/contracts';
import {
  functionArnOf,
  isObject,
  numberProp,
  objectProp,
  stringList,
  stringMap,
  stringProp,
} from '../../model/resource-parts';
import { SERVICE_PROTOCOLS } from '../integrations/aws-service-call';
import {
  REST_INTEGRATION_TIMEOUT_MS,
  type CognitoAuthorizer,
  type GatewayResponseOverride,
  type IntegrationResponse,
  type MappedIntegration,
  type RestIntegration,
} from './rest-api';

const SERVICE_ACTION = /^arn:[\w-]+:apigateway:([a-z0-9-]+):([\w.-]+):action\/([A-Za-z0-9]+)/;
const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;

/**
 * The integration a Method's `Integration` property describes.
 * @internal
 */
export function restIntegrationOf(method: ResolvedResource): RestIntegration {
  const p = objectProp(method.properties, 'Integration');
  const timeoutMs = Math.min(
    numberProp(p, 'TimeoutInMillis') ?? REST_INTEGRATION_TIMEOUT_MS,
    REST_INTEGRATION_TIMEOUT_MS,
  );
  const type = stringProp(p, 'Type') ?? 'none';
  const uri = stringProp(p, 'Uri') ?? '';
  if (type === 'AWS_PROXY' && uri.includes(':lambda:path/'))
    return { type: 'AWS_PROXY', timeoutMs, functionArn: functionArnOf(uri) };
  if (type === 'MOCK') return { type: 'MOCK', ...mappedParts(p, timeoutMs) };
  const action = SERVICE_ACTION.exec(uri);
  if (type === 'AWS' && action && SERVICE_PROTOCOLS[action[2] ?? ''])
    return {
      type: 'AWS',
      region: action[1] ?? '',
      service: action[2] ?? '',
      action: action[3] ?? '',
      ...mappedParts(p, timeoutMs),
    };
  const reason =
    type === 'AWS' && uri.includes(':lambda:path/')
      ? 'Lambda non-proxy (AWS) integrations are not emulated'
      : `${type} integrations (${uri || 'no Uri'}) are not emulated; AWS actions of ${Object.keys(SERVICE_PROTOCOLS).join(', ')} are`;
  return { type: 'UNSUPPORTED', timeoutMs, reason };
}

function mappedParts(p: JsonObject, timeoutMs: number): MappedIntegration {
  const behavior = stringProp(p, 'PassthroughBehavior')?.toUpperCase();
  const responses = Array.isArray(p.IntegrationResponses)
    ? p.IntegrationResponses.filter(isObject).map(integrationResponseOf)
    : [];
  return {
    timeoutMs,
    requestTemplates: stringMap(p.RequestTemplates),
    passthroughBehavior: PASSTHROUGH.find((b) => b === behavior) ?? 'WHEN_NO_MATCH',
    responses,
  };
}

function integrationResponseOf(r: JsonObject): IntegrationResponse {
  const pattern = stringProp(r, 'SelectionPattern');
  return {
    statusCode: Number(stringProp(r, 'StatusCode') ?? 200),
    ...(pattern && { selectionPattern: pattern }),
    templates: stringMap(r.ResponseTemplates),
    parameters: stringMap(r.ResponseParameters),
  };
}

/**
 * The Cognito authorizer an AWS::ApiGateway::Authorizer describes, or why it is not emulated.
 * @internal
 */
export function restAuthorizerOf(resource: ResolvedResource): CognitoAuthorizer | { unsupported: string } {
  const p = resource.properties;
  const name = stringProp(p, 'Name') ?? resource.logicalId;
  if (stringProp(p, 'Type') !== 'COGNITO_USER_POOLS')
    return { unsupported: `the ${stringProp(p, 'Type') ?? ''} authorizer ${name} is not emulated locally` };
  const issuers = stringList(p.ProviderARNs).map(issuerOfPool);
  const source = stringProp(p, 'IdentitySource') ?? 'method.request.header.Authorization';
  const expression = stringProp(p, 'IdentityValidationExpression');
  return {
    id: resource.ref,
    name,
    issuers,
    headerName: source.replace(/^method\.request\.header\./, ''),
    ...(expression && { validationExpression: expression }),
  };
}

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>` → the issuer its tokens carry. */
function issuerOfPool(arn: string): string {
  const [, , , region = '', , resource = ''] = arn.split(':');
  return `https://cognito-idp.${region}.amazonaws.com/${resource.replace(/^userpool\//, '')}`;
}

/**
 * An AWS::ApiGateway::GatewayResponse's override.
 * @internal
 */
export function gatewayResponseOf(p: JsonObject): GatewayResponseOverride {
  const status = numberProp(p, 'StatusCode');
  return {
    ...(status !== undefined && { statusCode: status }),
    parameters: stringMap(p.ResponseParameters),
    templates: stringMap(p.ResponseTemplates),
  };
}

/**
 * A Model's `Schema`: an object, or the JSON text of one.
 * @internal
 */
export function schemaOf(value: Json | undefined): object {
  if (typeof value === 'string') return JSON.parse(value) as object;
  return isObject(value) ? value : {};
}

/**
 * `RequestParameters` of a Method: `method.request.header.X` → whether it is required.
 * @internal
 */
export function requiredFlags(value: Json | undefined): Record<string, boolean> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([name, flag]) => [name, flag === true || flag === 'true']));
}
